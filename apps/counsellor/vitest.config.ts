import { defineConfig } from "vitest/config";

// Unit tests of the offline engine, on an in-memory IndexedDB (fake-indexeddb); page tests opt into jsdom.
export default defineConfig({
  test: { include: ["src/**/*.test.{ts,tsx}"], environment: "node" },
});
