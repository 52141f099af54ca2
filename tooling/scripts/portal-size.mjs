#!/usr/bin/env node
// Prints the gzip size of what the portal's first page loads (entry script, its preloaded
// chunks and static imports, stylesheets), read from apps/portal/dist. With --check, exits 1
// above the budget (100 KB = 100,000 bytes gzip). Sizes are deterministic for a given build.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const BUDGET = 100_000;
const dist = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "apps", "portal", "dist");
if (!existsSync(join(dist, "index.html"))) {
  console.error("apps/portal/dist est absent : lancez « pnpm --filter @medianum/portal build » d'abord.");
  process.exit(2);
}
const html = readFileSync(join(dist, "index.html"), "utf8");
const refs = new Set();
for (const m of html.matchAll(/<script[^>]+src="([^"]+)"/g)) refs.add(m[1]);
for (const m of html.matchAll(/<link[^>]+rel="(?:modulepreload|stylesheet)"[^>]*href="([^"]+)"/g)) refs.add(m[1]);
for (const m of html.matchAll(/<link[^>]+href="([^"]+)"[^>]*rel="(?:modulepreload|stylesheet)"/g)) refs.add(m[1]);

// Follow static imports of JS chunks (what the browser must fetch before the page runs).
const files = new Map();
const queue = [...refs].map((r) => join(dist, r.replace(/^\//, "")));
while (queue.length) {
  const file = queue.pop();
  if (files.has(file) || !existsSync(file)) continue;
  const content = readFileSync(file);
  files.set(file, content);
  if (file.endsWith(".js")) {
    const text = content.toString("utf8");
    for (const m of text.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["'](\.\/[^"']+\.js)["']/g)) queue.push(join(dirname(file), m[1]));
  }
}

let total = 0;
const rows = [];
for (const [file, content] of files) {
  // zlib's default level, as Vite reports it and close to what the server sends (not the kindest level 9).
  const gz = gzipSync(content).length;
  total += gz;
  rows.push([file.slice(dist.length + 1), content.length, gz]);
}
rows.sort((a, b) => b[2] - a[2]);
const kb = (n) => `${(n / 1000).toFixed(2)} kB`;
console.log("Portail — chargement initial (JS + CSS) :");
for (const [name, raw, gz] of rows) console.log(`  ${name.padEnd(44)} ${kb(raw).padStart(10)}  gzip ${kb(gz).padStart(9)}`);
console.log(`  ${"total".padEnd(44)} ${"".padStart(10)}  gzip ${kb(total).padStart(9)}  (budget ${kb(BUDGET)})`);
if (process.argv.includes("--check") && total > BUDGET) {
  console.error(`✖ Le chargement initial du portail dépasse le budget : ${kb(total)} > ${kb(BUDGET)} gzip.`);
  process.exit(1);
}
