#!/usr/bin/env node
// `pnpm bench`: runs every benchmark one after the other (each measures its limit in the same run:
// pgbench, hand inserts, hand SQL, a static page), then prints one table of ratios and writes it
// to bench-results/summary.json (and summary.md, the table as in the README).
// Each benchmark writes bench-results/<name>.json with a top-level `summary`: an array of
// { measure, value, unit, limit: { label, value, unit }, ratio, target }.
//   pnpm bench                    all of them (first paint only if the apps are built: `pnpm build`)
//   pnpm bench booking sync       some of them (booking, sync, stats, paint)
//   BENCH_QUICK=1 pnpm bench      fewer rounds, smaller runs (passed on to every benchmark)
// Needs PostgreSQL (TEST_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres)
// and pgbench for the booking benchmark; Chromium for first paint.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const resultsDir = join(root, "bench-results");
const quick = process.env.BENCH_QUICK === "1";

const BENCHMARKS = [
  { key: "booking", script: "bench:booking", result: "booking.json", title: "inscriptions (bench:booking)" },
  { key: "sync", script: "bench:sync", result: "sync.json", title: "synchronisation hors ligne (bench:sync)" },
  { key: "stats", script: "bench:stats", result: "stats.json", title: "tableau de bord (bench:stats)" },
  {
    key: "paint",
    script: "bench:paint",
    result: "first-paint.json",
    title: "premier affichage (bench:paint)",
    needs: () => {
      const missing = ["portal", "backoffice", "counsellor"].filter((app) => !existsSync(join(root, "apps", app, "dist", "index.html")));
      return missing.length ? `applications non construites (${missing.join(", ")}) : lancez « pnpm build » puis « pnpm bench paint »` : null;
    },
  },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !BENCHMARKS.some((b) => b.key === w));
if (unknown.length) {
  console.error(`Banc(s) inconnu(s) : ${unknown.join(", ")} (au choix : ${BENCHMARKS.map((b) => b.key).join(", ")})`);
  process.exit(2);
}
const selected = BENCHMARKS.filter((b) => wanted.length === 0 || wanted.includes(b.key));

const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? null,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  // Other work on the machine weighs on every figure; ratios measured side by side less so.
  loadAverageAtStart: loadavg().map((l) => Number(l.toFixed(2))),
};

mkdirSync(resultsDir, { recursive: true });
const runs = [];
for (const b of selected) {
  const file = join(resultsDir, b.result);
  const reason = b.needs?.();
  if (reason) {
    console.log(`\n── ${b.title} : IGNORÉ — ${reason}`);
    runs.push({ name: b.key, status: "skipped", reason, summary: [] });
    continue;
  }
  // A result left by an earlier run must not pass for this one.
  rmSync(file, { force: true });
  console.log(`\n── ${b.title} ${"─".repeat(Math.max(0, 60 - b.title.length))}`);
  const t0 = Date.now();
  const res = spawnSync("pnpm", ["--silent", b.script], { cwd: root, stdio: "inherit", env: process.env });
  const seconds = Math.round((Date.now() - t0) / 1000);
  let summary = [];
  if (existsSync(file)) {
    try {
      summary = JSON.parse(readFileSync(file, "utf8")).summary ?? [];
    } catch (err) {
      console.log(`  résultat illisible : ${err.message}`);
    }
  }
  const status = res.status === 0 && summary.length > 0 ? "ok" : "failed";
  if (status === "failed") console.log(`  ✖ ${b.script} : code ${res.status}${summary.length ? "" : `, pas de résumé dans bench-results/${b.result}`}`);
  runs.push({ name: b.key, status, exitCode: res.status, seconds, summary });
}

// ─── The table ───────────────────────────────────────────────────────────────
const num = (v) => (Math.abs(v) >= 100 ? Math.round(v).toLocaleString("en-US") : Number(v.toPrecision(3)).toLocaleString("en-US"));
const figure = (v, unit) => `${num(v)} ${unit}`.trim();
const ratioText = (row) => (/%/.test(row.target) ? `${(row.ratio * 100).toFixed(1)} %` : `${row.ratio.toFixed(2)}×`);
const rows = runs.flatMap((r) =>
  r.summary.map((s) => ({
    benchmark: r.name,
    measure: s.measure,
    figure: figure(s.value, s.unit),
    limit: `${s.limit.label} : ${figure(s.limit.value, s.limit.unit)}`,
    ratio: ratioText(s),
    target: s.target,
    raw: s,
  })),
);
const header = ["mesure", "valeur", "limite mesurée à côté", "ratio", "objectif"];
const table = [header, ...rows.map((r) => [r.measure, r.figure, r.limit, r.ratio, r.target])];
const widths = header.map((_, i) => Math.max(...table.map((line) => line[i].length)));
console.log(`\n${"═".repeat(widths.reduce((a, b) => a + b + 3, 0))}`);
for (const [i, line] of table.entries()) {
  console.log(line.map((cell, j) => cell.padEnd(widths[j])).join(" │ "));
  if (i === 0) console.log(widths.map((w) => "─".repeat(w)).join("─┼─"));
}
for (const r of runs.filter((r) => r.status !== "ok")) {
  console.log(r.status === "skipped" ? `(${r.name} ignoré : ${r.reason})` : `(${r.name} en échec : code ${r.exitCode})`);
}
const machineLine = `${machine.cpus} cœurs ${machine.cpuModel ?? ""}, ${machine.memoryGiB} Go, Node ${machine.node}, charge au départ ${machine.loadAverageAtStart.join(" / ")}${quick ? " — mode rapide (BENCH_QUICK=1)" : ""}`;
console.log(`\nMachine : ${machineLine}`);

const date = new Date().toISOString();
writeFileSync(
  join(resultsDir, "summary.json"),
  `${JSON.stringify({ date, quick, machine, benchmarks: runs.map(({ summary, ...r }) => ({ ...r, rows: summary.length })), summary: rows.map((r) => ({ benchmark: r.benchmark, ...r.raw })) }, null, 2)}\n`,
);
const md = [
  `| ${header.join(" | ")} |`,
  `|${header.map(() => "---").join("|")}|`,
  ...rows.map((r) => `| ${[r.measure, r.figure, r.limit, r.ratio, r.target].map((c) => c.replaceAll("|", "\\|")).join(" | ")} |`),
  "",
  `${date.slice(0, 10)}, ${machineLine}.`,
];
writeFileSync(join(resultsDir, "summary.md"), `${md.join("\n")}\n`);
console.log(`Résumé écrit dans bench-results/summary.json (et summary.md)`);
if (runs.some((r) => r.status === "failed")) process.exitCode = 1;
