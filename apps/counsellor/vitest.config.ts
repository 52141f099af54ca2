import { defineConfig } from "vitest/config";

// Unit tests of the offline engine, on an in-memory IndexedDB (fake-indexeddb).
export default defineConfig({
  test: { include: ["src/**/*.test.ts"], environment: "node" },
});
