import type { SqlRunner } from "../src/sql.js";

// A comparable dump of the public schema's catalogue: one line per object, keyed by its name, so
// that two databases can be compared object by object and differences named in test output.
// `_prisma_migrations` belongs to the migrator, not to schema.prisma: it is left out.

export type Catalogue = Map<string, string>;

const EXCLUDED = "_prisma_migrations";

export async function dumpCatalogue(sql: SqlRunner): Promise<Catalogue> {
  const out: Catalogue = new Map();

  const tables = await sql.query<{ table_name: string; table_type: string }>(
    `SELECT table_name, table_type FROM information_schema.tables
     WHERE table_schema = 'public' AND table_name <> $1`,
    [EXCLUDED],
  );
  for (const t of tables) out.set(`table ${t.table_name}`, t.table_type);

  // Column order is left out on purpose: a column added by a later migration comes last, while a
  // from-empty script puts it where schema.prisma has it; both describe the same schema.
  const columns = await sql.query<{
    table_name: string;
    column_name: string;
    data_type: string;
    udt_name: string;
    is_nullable: string;
    column_default: string | null;
    character_maximum_length: number | null;
    numeric_precision: number | null;
    datetime_precision: number | null;
    is_identity: string;
  }>(
    `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default,
            character_maximum_length, numeric_precision, datetime_precision, is_identity
     FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name <> $1`,
    [EXCLUDED],
  );
  for (const c of columns) {
    const type = c.data_type === "ARRAY" ? `${c.udt_name.replace(/^_/, "")}[]` : c.data_type;
    const size = c.character_maximum_length ?? (c.data_type.startsWith("timestamp") ? c.datetime_precision : null);
    out.set(
      `column ${c.table_name}.${c.column_name}`,
      [
        size != null ? `${type}(${size})` : type,
        c.is_nullable === "YES" ? "NULL" : "NOT NULL",
        `default ${c.column_default ?? "none"}`,
        c.is_identity === "YES" ? "identity" : "",
      ]
        .filter(Boolean)
        .join(" "),
    );
  }

  const indexes = await sql.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> $1`,
    [EXCLUDED],
  );
  for (const i of indexes) out.set(`index ${i.indexname}`, i.indexdef);

  // CHECK constraints (value lists) are written by hand in migrations: Prisma cannot describe them,
  // so schema.prisma's script never has them; db/test/checks.test.ts holds them instead.
  // Not-null constraints are catalogued as constraints from PostgreSQL 18 on (PGlite) and not
  // before (the PostgreSQL 15 server): nullability is compared through the columns instead.
  const constraints = await sql.query<{ table_name: string; conname: string; contype: string; def: string }>(
    `SELECT cl.relname AS table_name, co.conname, co.contype::text AS contype, pg_get_constraintdef(co.oid) AS def
     FROM pg_constraint co
     JOIN pg_class cl ON cl.oid = co.conrelid
     JOIN pg_namespace n ON n.oid = cl.relnamespace
     WHERE n.nspname = 'public' AND cl.relname <> $1 AND co.contype NOT IN ('n', 'c')`,
    [EXCLUDED],
  );
  for (const c of constraints) out.set(`constraint ${c.table_name}.${c.conname}`, `${c.contype}: ${c.def}`);

  const sequences = await sql.query<{
    sequence_name: string;
    data_type: string;
    start_value: string;
    minimum_value: string;
    maximum_value: string;
    increment: string;
    cycle_option: string;
  }>(
    `SELECT sequence_name, data_type, start_value, minimum_value, maximum_value, increment, cycle_option
     FROM information_schema.sequences WHERE sequence_schema = 'public'`,
  );
  for (const s of sequences) {
    out.set(
      `sequence ${s.sequence_name}`,
      `${s.data_type} start ${s.start_value} min ${s.minimum_value} max ${s.maximum_value} by ${s.increment} cycle ${s.cycle_option}`,
    );
  }

  const types = await sql.query<{ typname: string; labels: string | null }>(
    `SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS labels
     FROM pg_type t
     JOIN pg_namespace n ON n.oid = t.typnamespace
     LEFT JOIN pg_enum e ON e.enumtypid = t.oid
     WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'c') AND t.typrelid = 0
     GROUP BY t.typname`,
  );
  for (const t of types) out.set(`type ${t.typname}`, t.labels ?? "");

  return out;
}

/** Human-readable differences between two catalogues; empty when they describe the same schema. */
export function diffCatalogues(a: Catalogue, b: Catalogue, names: [string, string]): string[] {
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  const diffs: string[] = [];
  for (const key of keys) {
    const va = a.get(key);
    const vb = b.get(key);
    if (va === vb) continue;
    if (va === undefined) diffs.push(`${key}: only in ${names[1]} (${vb})`);
    else if (vb === undefined) diffs.push(`${key}: only in ${names[0]} (${va})`);
    else diffs.push(`${key}:\n    ${names[0]}: ${va}\n    ${names[1]}: ${vb}`);
  }
  return diffs;
}
