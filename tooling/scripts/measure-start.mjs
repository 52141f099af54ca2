#!/usr/bin/env node
// Cold start (spawn → first 200 on /api/health) and idle memory (RSS of the server's process tree,
// after it has sat idle) of the server, run as TypeScript through tsx and as the built bundle,
// on the embedded PGlite database and on PostgreSQL, printed side by side.
//
//   pnpm build && node tooling/scripts/measure-start.mjs [--rounds=3] [--idle=10]
//        [--before=/path/to/an/older/checkout] [--pg=postgresql://…/empty_or_medianum_db]
//
// `--before` adds the same tsx run from another checkout (e.g. the commit before a change), with
// its own data directory. `--pg` is a database the runs may migrate and seed (each variant
// migrates it; use one database per variant if their migrations differ). Every run after the
// first of a variant finds its database already migrated and seeded, as a restart would.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(import.meta.url), "..", "..", "..");
const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k, v ?? "true"];
  }),
);
const rounds = Number(args.rounds ?? 3);
const idleSeconds = Number(args.idle ?? 10);

const tsxCommand = (checkout) => ({
  cwd: join(checkout, "apps", "server"),
  argv: [process.execPath, join(checkout, "apps", "server", "node_modules", "tsx", "dist", "cli.mjs"), "src/main.ts"],
});
const variants = [];
if (args.before) {
  const before = resolve(args.before);
  // What `npm start` kept running before: npx → pnpm → sh → tsx → node.
  if (args.wrapped) variants.push({ name: "avant : npx pnpm start (--before)", cwd: before, argv: ["npx", "-y", "pnpm@10.34.8", "--filter", "@medianum/server", "start"] });
  variants.push({ name: "avant : tsx (checkout --before)", ...tsxCommand(before) });
}
variants.push({ name: "tsx src/main.ts (pnpm dev)", ...tsxCommand(root) });
variants.push({ name: "node dist/main.js (npm start)", cwd: join(root, "apps", "server"), argv: [process.execPath, "dist/main.js"] });

const databases = [{ name: "PGlite" }];
if (args.pg) databases.push({ name: "PostgreSQL", url: args.pg });

function freePort() {
  return new Promise((res) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

/** Resident memory of a process and all its descendants (tsx runs the code in a child node). */
function treeRssKb(pid) {
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const t of readdirSync(`/proc/${p}/task`)) {
        const kids = readFileSync(`/proc/${p}/task/${t}/children`, "utf8").trim();
        if (kids) stack.push(...kids.split(/\s+/).map(Number));
      }
    } catch {
      // the process ended between two reads
    }
  }
  return total;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function runOnce(variant, db, dataDir) {
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: `http://localhost:${port}`,
    LOG_LEVEL: "warn",
    SEED_DEMO: "true",
  };
  delete env.DATABASE_URL;
  if (db.url) env.DATABASE_URL = db.url;
  else env.DATA_DIR = dataDir;
  const started = performance.now();
  const child = spawn(variant.argv[0], variant.argv.slice(1), { cwd: variant.cwd, env, stdio: ["ignore", "ignore", "pipe"], detached: true });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  let exited = false;
  const exit = new Promise((res) => child.on("exit", () => res((exited = true))));
  let coldMs;
  while (coldMs === undefined) {
    if (exited) throw new Error(`${variant.name} s'est arrêté : ${stderr.slice(-2000)}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.status === 200) coldMs = performance.now() - started;
    } catch {
      // not listening yet
    }
    if (coldMs === undefined) await sleep(25);
  }
  await sleep(idleSeconds * 1000);
  const rssMb = treeRssKb(child.pid) / 1024;
  process.kill(-child.pid, "SIGTERM"); // the whole group: wrappers do not always pass the signal on
  await exit;
  return { coldMs, rssMb };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = [];
for (const db of databases) {
  for (const variant of variants) {
    const dataDir = db.url ? undefined : mkdtempSync(join(tmpdir(), "medianum-measure-"));
    try {
      // The first start migrates and seeds: shown apart, not counted with the restarts.
      const first = await runOnce(variant, db, dataDir);
      const runs = [];
      for (let i = 0; i < rounds; i++) runs.push(await runOnce(variant, db, dataDir));
      const row = { db: db.name, variant: variant.name, first, coldMs: median(runs.map((r) => r.coldMs)), rssMb: median(runs.map((r) => r.rssMb)) };
      results.push(row);
      console.error(`${row.db.padEnd(10)} ${row.variant.padEnd(34)} ${runs.map((r) => `${(r.coldMs / 1000).toFixed(2)} s / ${r.rssMb.toFixed(0)} MB`).join("  ")}`);
    } finally {
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

console.log(`\nDémarrage à froid (lancement → premier 200 sur /api/health) et mémoire au repos (RSS après ${idleSeconds} s), médiane de ${rounds} :\n`);
console.log("| base | lancement | démarrage à froid | RSS au repos | 1er démarrage (migrations, démo) : temps / RSS |");
console.log("|---|---|---|---|---|");
for (const r of results) {
  console.log(`| ${r.db} | ${r.variant} | ${(r.coldMs / 1000).toFixed(2)} s | ${r.rssMb.toFixed(0)} MB | ${(r.first.coldMs / 1000).toFixed(2)} s / ${r.first.rssMb.toFixed(0)} MB |`);
}
