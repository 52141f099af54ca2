// What every benchmark writes for `pnpm bench` (tooling/scripts/bench.mjs): bench-results/<name>.json
// holds a top-level `summary`, one row per figure, each beside its limit measured in the same run.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface SummaryRow {
  /** What is measured (French is fine), e.g. "inscriptions/s, 50 en parallèle". */
  measure: string;
  value: number;
  unit: string;
  /** The limit it is compared with, measured in the same run (or the goal when there is none). */
  limit: { label: string; value: number; unit: string };
  /** value / limit.value */
  ratio: number;
  /** The goal, e.g. "≥ 10 %", "< 300 ms". */
  target: string;
}

export const RESULTS_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "bench-results");

export function machine() {
  return { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
}

/** Writes bench-results/<name>.json; returns its path. */
export function writeBenchResult(name: string, result: { summary: SummaryRow[] } & Record<string, unknown>): string {
  const out = join(RESULTS_DIR, `${name}.json`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ benchmark: name, date: new Date().toISOString(), machine: machine(), ...result }, null, 2)}\n`);
  return out;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return 0;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
