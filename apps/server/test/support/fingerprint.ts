import type { Database } from "@medianum/db";

/** Row count and a checksum of every row (cast to text, in a stable order) of every table. */
export async function fingerprint(db: Database): Promise<Record<string, string>> {
  const tables = await db.sql.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  // Instants cast to text follow the session's time zone: the same on both sides of a comparison.
  await db.sql.exec("SET TimeZone = 'UTC'");
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await db.sql.query<{ n: number; sum: string | null }>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS sum FROM "${name}" t`,
    );
    out[name] = `${row!.n} ${row!.sum}`;
  }
  return out;
}

