import { defineConfig } from "vitest/config";

// End-to-end journeys in Chromium against the real server and the built apps (run after `build`).
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.test.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    // On CI's busy 2-core machine a browser step can miss its moment; one retry there, never locally,
    // so that a flaky journey still shows up while developing.
    retry: process.env.CI ? 1 : 0,
  },
});
