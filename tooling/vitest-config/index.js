// Shared test preset. Database tests open their own database per file, so files may run in
// parallel; the timeouts leave room for PGlite's start-up and migrations on a 2-core machine.
import { defineConfig } from "vitest/config";

export function nodeTestConfig(overrides = {}) {
  return defineConfig({
    test: {
      environment: "node",
      include: ["src/**/*.test.ts", "test/**/*.test.ts"],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      pool: "forks",
      ...overrides,
    },
  });
}
