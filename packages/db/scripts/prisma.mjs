#!/usr/bin/env node
// Runs the Prisma CLI without its Rust engines, which cannot be downloaded here: the CLI only
// checks that these paths exist, and prisma.config.ts selects the WebAssembly engine instead.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync, chmodSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const placeholder = join(pkgDir, "node_modules", ".cache", "prisma-engine-placeholder");

export function prismaEnv() {
  if (!existsSync(placeholder)) {
    mkdirSync(dirname(placeholder), { recursive: true });
    writeFileSync(placeholder, "#!/bin/sh\nexit 1\n");
    chmodSync(placeholder, 0o755);
  }
  return {
    ...process.env,
    PRISMA_QUERY_ENGINE_LIBRARY: placeholder,
    PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  };
}

export function prisma(args, options = {}) {
  const bin = join(pkgDir, "node_modules", ".bin", "prisma");
  return spawnSync(bin, args, { cwd: pkgDir, env: prismaEnv(), encoding: "utf8", ...options });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const res = prisma(process.argv.slice(2), { stdio: "inherit" });
  process.exit(res.status ?? 1);
}
