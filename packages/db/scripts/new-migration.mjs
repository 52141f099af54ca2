#!/usr/bin/env node
// Writes the next migration: the SQL between the schema as the committed migrations left it and
// schema.prisma now. Prisma's own `migrate dev` needs the Rust engine, unreachable here.
// Usage: pnpm --filter @medianum/db migration:new <name>
import { execSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { prisma } from "./prisma.mjs";

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: migration:new <name>");
  process.exit(2);
}
const migrationsDir = join(pkgDir, "prisma", "migrations");
const existing = readdirSync(migrationsDir).filter((d) => /^\d{14}_/.test(d)).sort();

// The schema as of the last commit that touched schema.prisma stands for "what the migrations made".
const tmp = mkdtempSync(join(tmpdir(), "medianum-migration-"));
const previous = join(tmp, "previous.prisma");
const from = existing.length === 0 ? ["--from-empty"] : ["--from-schema-datamodel", previous];
if (existing.length > 0) {
  writeFileSync(previous, execSync("git show HEAD:./prisma/schema.prisma", { cwd: pkgDir }));
}
const res = prisma(["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"]);
if (res.status !== 0) {
  console.error(res.stderr);
  process.exit(1);
}
if (/This is an empty migration/.test(res.stdout) || !res.stdout.trim()) {
  console.log("schema.prisma has no change since HEAD: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = join(migrationsDir, `${stamp}_${name}`);
mkdirSync(dir);
writeFileSync(join(dir, "migration.sql"), res.stdout);
console.log(`wrote ${dir}/migration.sql — check it, then the drift test (pnpm --filter @medianum/db test).`);
