import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/prisma/client.js";
import { migrate } from "./migrate.js";
import { pgRawSql, prismaRawSql, type RawSql } from "./raw.js";
import { pgliteRunner, pgRunner, type SqlRunner } from "./sql.js";

export type DatabaseKind = "pglite" | "postgres";

export interface Database {
  prisma: PrismaClient;
  kind: DatabaseKind;
  /** Human-readable location, without credentials (for logs). */
  location: string;
  /** Raw SQL beside Prisma, on a connection of its own. */
  sql: SqlRunner;
  /** Raw SQL for the hot paths: straight through `pg` on PostgreSQL, through Prisma on PGlite (see raw.ts). */
  raw: RawSql;
  /** Applies pending migrations; returns their names. */
  migrate(log?: (msg: string) => void): Promise<string[]>;
  /** The embedded engine itself (backups), on PGlite only. */
  pglite?: PGlite;
  /** True when the database answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL URL; when absent, an embedded PGlite database is used. */
  url?: string | undefined;
  /** PGlite data directory; when absent with no url, the database lives in memory. */
  dataDir?: string | undefined;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
}

/**
 * PostgreSQL's defaults inside PGlite reserve 128 MB of shared buffers in the WebAssembly memory,
 * which is touched as pages are read and never given back: most of the embedded server's idle
 * memory. PGlite reads its files through Node, so the operating system's page cache still holds the
 * data that does not fit; 16 MB covers the demo database's hot pages (measured:
 * tooling/scripts/measure-start.mjs, README « En production »).
 */
const PGLITE_SETTINGS = ["-c", "shared_buffers=16MB", "-c", "temp_buffers=2MB", "-c", "wal_buffers=1MB"];

/**
 * PGlite is PostgreSQL in this process: a second process opening the same data directory (another
 * server, a backup while the server runs) would corrupt it. A lock file beside the directory, with
 * the owner's pid, refuses that; one left by a process that died is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = `${dataDir.replace(/\/+$/, "")}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      return () => rmSync(lockFile, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const owner = Number(readFileSync(lockFile, "utf8"));
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new Error(`La base embarquée ${dataDir} est ouverte par le processus ${owner} (le serveur ?) : arrêtez-le d'abord.`);
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Impossible de verrouiller la base embarquée ${dataDir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgresql://…";
  }
}

export async function openDatabase(opts: OpenDatabaseOptions = {}): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    // An idle client losing its connection must not crash the process; the pool replaces it.
    pool.on("error", (err) => console.error("[db] connexion PostgreSQL perdue :", err.message));
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    return {
      prisma,
      kind: "postgres",
      location: redact(opts.url),
      sql: pgRunner(pool),
      raw: pgRawSql(pool),
      async migrate(log) {
        const client = await pool.connect();
        try {
          return await migrate(pgRunner(client), { log });
        } finally {
          client.release();
        }
      },
      async ping() {
        try {
          await pool.query("SELECT 1");
          return true;
        } catch {
          return false;
        }
      },
      async close() {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }

  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const unlock = opts.dataDir ? lockDataDir(opts.dataDir) : () => {};
  const lite = new PGlite(opts.dataDir, { startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS] });
  await lite.waitReady;
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(lite) });
  const runner = pgliteRunner(lite);
  return {
    prisma,
    kind: "pglite",
    location: opts.dataDir ? `pglite:${opts.dataDir}` : "pglite:memory",
    sql: runner,
    pglite: lite,
    raw: prismaRawSql(prisma),
    migrate: (log) => migrate(runner, { log }),
    async ping() {
      try {
        await lite.query("SELECT 1");
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      try {
        await prisma.$disconnect();
        await lite.close();
      } finally {
        unlock();
      }
    },
  };
}
