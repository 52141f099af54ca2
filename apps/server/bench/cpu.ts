// CPU spent by the bench's Node process (server and load threads) and by the PostgreSQL backends
// of a database, between two readings: a cost per operation that the machine's other work
// changes much less than throughput (which it shares). PostgreSQL must run on this machine
// (its backends are read in /proc); otherwise only Node is counted.
import { readFileSync } from "node:fs";
import type { Database } from "@medianum/db";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function backendMs(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces): utime is the 12th, stime the 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

export async function cpuReading(db: Database) {
  const pids = await db.sql.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
  const pg = new Map(pids.map((p) => [p.pid, backendMs(p.pid)]));
  const node = process.cpuUsage();
  return async function since() {
    const usage = process.cpuUsage(node);
    const now = await db.sql.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
    let pgMs = 0;
    for (const { pid } of now) pgMs += backendMs(pid) - (pg.get(pid) ?? 0);
    return { nodeMs: (usage.user + usage.system) / 1000, postgresMs: Number.isFinite(pgMs) ? pgMs : null };
  };
}
