#!/usr/bin/env node
// Compiles the server and the workspace packages it uses into one ES module, dist/main.js, run by
// plain `node` in production (no TypeScript loader in the process). esbuild rather than tsc
// project references: our packages export their TypeScript sources, and one bundled file also
// starts faster than thousands of small modules.
import { cpSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const serverDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(serverDir, "dist");
const migrationsSrc = join(serverDir, "..", "..", "packages", "db", "prisma", "migrations");

// Kept out of the bundle, loaded from node_modules at run time (each is a dependency of
// @medianum/server so that it resolves from dist/):
const external = [
  "@node-rs/argon2", // native addon, one binary per platform
  "@electric-sql/pglite", // loads pglite.wasm and pglite.data beside its own files
  "@electric-sql/pglite-tools", // same for pg_dump.wasm
  "@prisma/client", // its query compiler is a 4 MB WebAssembly module, loaded on first query
  "@etalab/decoupage-administratif", // the demo seed reads its JSON files through require.resolve
  "pg-native", // optional binding of `pg`, never installed
];

rmSync(outDir, { recursive: true, force: true });
const result = await build({
  // The server, and the operator's commands (`pnpm medianum …`).
  entryPoints: { main: join(serverDir, "src", "main.ts"), cli: join(serverDir, "src", "cli.ts") },
  outdir: outDir,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  external,
  sourcemap: "linked",
  minifySyntax: true,
  legalComments: "none",
  metafile: true,
  define: { MEDIANUM_BUNDLED_MIGRATIONS: JSON.stringify("./migrations") },
  // CommonJS dependencies bundled into an ES module still call require() for Node's built-ins.
  banner: {
    js: 'import { createRequire as __medianumCreateRequire } from "node:module"; const require = __medianumCreateRequire(import.meta.url);',
  },
  logLevel: "warning",
});
cpSync(migrationsSrc, join(outDir, "migrations"), { recursive: true });

for (const [path, out] of Object.entries(result.metafile.outputs)) {
  if (out.entryPoint) console.log(`${path.replace(/^.*dist\//, "dist/")} : ${(out.bytes / 1024 / 1024).toFixed(1)} MB`);
}
console.log("migrations copiées dans dist/migrations");
