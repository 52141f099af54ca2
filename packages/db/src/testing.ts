import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "./client.js";

/**
 * A fresh, migrated database for one test file: a new database on the PostgreSQL server of
 * TEST_DATABASE_URL when set (dropped on close), otherwise an in-memory PGlite. `name` lets a
 * benchmark say whose database it is on a shared server (it must not exist yet).
 */
export async function createTestDatabase(opts: { name?: string } = {}): Promise<Database> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const db = await openDatabase();
    await db.migrate();
    return db;
  }
  const name = opts.name ?? `medianum_test_${randomBytes(6).toString("hex")}`;
  if (!/^[\w-]{1,63}$/.test(name)) throw new Error(`Nom de base refusé : ${name}`);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), poolSize: 20 });
  await db.migrate();
  const close = db.close.bind(db);
  return {
    ...db,
    async close() {
      await close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      try {
        await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await a.end();
      }
    },
  };
}

/**
 * Every row of every table (all schemas but the system ones), each row cast to text: what a
 * database dump would reveal. Tests grep it for secrets that must never be stored.
 */
export async function dumpAllTables(db: Database): Promise<string> {
  const tables = await db.sql.query<{ schema: string; name: string }>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
  );
  const quote = (id: string) => `"${id.replaceAll('"', '""')}"`;
  const parts: string[] = [];
  for (const t of tables) {
    const rows = await db.sql.query<{ row: string }>(`SELECT t::text AS row FROM ${quote(t.schema)}.${quote(t.name)} t`);
    parts.push(`-- ${t.schema}.${t.name} (${rows.length})`, ...rows.map((r) => r.row));
  }
  return parts.join("\n");
}
