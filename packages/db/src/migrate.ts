import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { SqlRunner } from "./sql.js";

// Applies the committed Prisma migrations in order and records them in Prisma's own
// `_prisma_migrations` table, so that `prisma migrate deploy` stays usable on a machine that has
// Prisma's engines. We run them ourselves because Prisma's migrate engine cannot be downloaded here.

// The server's bundle (apps/server/dist/main.js) inlines this module and carries a copy of the
// migrations beside itself; its build defines MEDIANUM_BUNDLED_MIGRATIONS as that relative path.
declare const MEDIANUM_BUNDLED_MIGRATIONS: string | undefined;
export const MIGRATIONS_DIR = fileURLToPath(
  new URL(typeof MEDIANUM_BUNDLED_MIGRATIONS === "string" ? MEDIANUM_BUNDLED_MIGRATIONS : "../prisma/migrations", import.meta.url),
);

/** Same key as Prisma's migrate engine, so the two never run migrations at the same time. */
const ADVISORY_LOCK_KEY = 72707369;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && /^\d{14}_/.test(e.name))
    .map((e) => e.name)
    .sort();
  return Promise.all(
    entries.map(async (name) => {
      const sql = await readFile(`${dir}/${name}/migration.sql`, "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export class MigrationError extends Error {}

/**
 * Applies pending migrations; returns the names applied. Each migration runs in its own
 * transaction: a failing one leaves the database as the previous one left it.
 * `runner` must be a single connection (the advisory lock and transactions are per connection).
 */
export async function migrate(runner: SqlRunner, opts: { dir?: string; log?: (msg: string) => void } = {}): Promise<string[]> {
  const migrations = await readMigrations(opts.dir);
  await runner.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
  try {
    await runner.exec(CREATE_TABLE);
    const rows = await runner.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const applied = new Map(rows.filter((r) => r.finished_at).map((r) => [r.migration_name, r.checksum]));
    const done: string[] = [];
    for (const m of migrations) {
      const checksum = applied.get(m.name);
      if (checksum) {
        if (checksum !== m.checksum) {
          throw new MigrationError(`La migration ${m.name} a été modifiée après avoir été appliquée : créez une nouvelle migration au lieu de la modifier.`);
        }
        continue;
      }
      opts.log?.(`migration ${m.name}`);
      await runner.exec("BEGIN");
      try {
        await runner.exec(m.sql);
        await runner.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await runner.exec("COMMIT");
      } catch (err) {
        await runner.exec("ROLLBACK");
        throw new MigrationError(`La migration ${m.name} a échoué : ${(err as Error).message}`);
      }
      done.push(m.name);
    }
    return done;
  } finally {
    await runner.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]);
  }
}
