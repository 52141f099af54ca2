import { defineConfig } from "vitest/config";

// End-to-end journeys in Chromium against the real server and the built apps (run after `build`).
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.test.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
