import { pgDump } from "@electric-sql/pglite-tools/pg_dump";
import pg from "pg";
import { openDatabase } from "./client.js";
import { BackupError } from "./backup.js";

export interface MoveReport {
  /** Rows per table, identical on both sides (checked). */
  rows: Record<string, number>;
  /** Migrations recorded in PostgreSQL afterwards, all matching the code's files. */
  migrations: number;
}

async function rowCounts(query: (sql: string) => Promise<{ name: string; n: number }[]>): Promise<Record<string, number>> {
  const tables = await query(
    `SELECT table_name AS name, 0 AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const out: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await query(`SELECT '${name}' AS name, count(*)::int AS n FROM public."${name.replaceAll('"', '""')}"`);
    out[name] = row!.n;
  }
  return out;
}

/**
 * Moves the embedded database of `dataDir` into the empty PostgreSQL database of `url`: a SQL dump of
 * PGlite (pg_dump compiled to WebAssembly, `@electric-sql/pglite-tools`) replayed in one transaction,
 * then the migrations checked by the server's own migrator and every table's row count compared.
 * The embedded database is left as it was (the server must be stopped: its lock says so).
 */
export async function moveToPostgres({ dataDir, url }: { dataDir: string; url: string }, log: (msg: string) => void = () => {}): Promise<MoveReport> {
  const target = new pg.Client({ connectionString: url });
  await target.connect();
  try {
    const [{ n }] = (await target.query<{ n: number }>(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`)).rows as [{ n: number }];
    if (n > 0) throw new BackupError(`La base PostgreSQL cible n'est pas vide (${n} table(s)) : créez une base neuve (createdb) et indiquez-la dans DATABASE_URL.`);

    const source = await openDatabase({ dataDir });
    let sql: string;
    let sourceRows: Record<string, number>;
    try {
      // At the code's level first, as the server would on its next start.
      const applied = await source.migrate((m) => log(`base embarquée : ${m}`));
      if (applied.length > 0) log(`${applied.length} migration(s) appliquée(s) à la base embarquée.`);
      log("Export de la base embarquée (pg_dump)…");
      const file = await pgDump({ pg: source.pglite!, args: ["--inserts", "--rows-per-insert=500", "--no-owner", "--no-privileges"] });
      sql = await file.text();
      sourceRows = await rowCounts((q) => source.sql.query(q));
    } finally {
      await source.close();
    }

    // PGlite is PostgreSQL 17: its dump may set options older servers do not know, and newer
    // pg_dump writes psql-only \restrict lines; neither changes the data.
    const portable = sql
      .split("\n")
      .filter((line) => !/^SET transaction_timeout\b/.test(line) && !/^\\(un)?restrict\b/.test(line))
      .join("\n");
    log("Import dans PostgreSQL…");
    await target.query("BEGIN");
    try {
      await target.query(portable);
      await target.query("COMMIT");
    } catch (err) {
      await target.query("ROLLBACK");
      throw new BackupError(`L'import dans PostgreSQL a échoué, rien n'a été écrit : ${(err as Error).message}`);
    }
    // pg_dump empties search_path for its own session.
    await target.query("SELECT pg_catalog.set_config('search_path', 'public', false)");
    const targetRows = await rowCounts(async (q) => (await target.query<{ name: string; n: number }>(q)).rows);
    const differing = Object.keys({ ...sourceRows, ...targetRows }).filter((t) => sourceRows[t] !== targetRows[t]);
    if (differing.length > 0) throw new BackupError(`Nombre de lignes différent après l'import pour : ${differing.join(", ")}.`);
  } finally {
    await target.end();
  }

  // The server's migrator on the result: every migration recorded, none modified, none pending.
  const moved = await openDatabase({ url, poolSize: 1 });
  try {
    const pending = await moved.migrate();
    if (pending.length > 0) throw new BackupError(`Migrations manquantes après l'import : ${pending.join(", ")}.`);
    const [row] = await moved.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`);
    const rows = await rowCounts((q) => moved.sql.query(q));
    return { rows, migrations: row!.n };
  } finally {
    await moved.close();
  }
}
