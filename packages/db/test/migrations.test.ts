import { createHash } from "node:crypto";
import { execFile } from "node:child_process";
import { appendFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../src/client.js";
import { migrate, MigrationError, MIGRATIONS_DIR, readMigrations } from "../src/migrate.js";
import { createTestDatabase } from "../src/testing.js";
import { diffCatalogues, dumpCatalogue, type Catalogue } from "./catalogue.js";

// Drift guard: the committed migrations, applied by our migrator, must build exactly the schema
// that schema.prisma describes (as Prisma's own from-empty script builds it).

const pkgDir = fileURLToPath(new URL("..", import.meta.url));

/** The SQL Prisma would write for schema.prisma on an empty database (WebAssembly schema engine). */
async function schemaScript(): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [join(pkgDir, "scripts", "prisma.mjs"), "migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    { cwd: pkgDir, maxBuffer: 16 * 1024 * 1024 },
  );
  return stdout;
}

describe("migrations and schema.prisma", () => {
  let migrated: Database;
  let fromSchema: Database;
  let expected: Catalogue;
  let applied: string[];

  beforeAll(async () => {
    const [script, a, b] = await Promise.all([schemaScript(), openDatabase(), openDatabase()]);
    migrated = a;
    fromSchema = b;
    applied = await migrated.migrate();
    await fromSchema.sql.exec(script);
    expected = await dumpCatalogue(fromSchema.sql);
  }, 120_000);

  afterAll(async () => {
    await migrated?.close();
    await fromSchema?.close();
  });

  it("applies every committed migration to an empty database", async () => {
    const names = (await readMigrations()).map((m) => m.name);
    expect(names.length).toBeGreaterThan(0);
    expect(applied).toEqual(names);
  });

  it("builds exactly what schema.prisma describes (no drift)", async () => {
    const actual = await dumpCatalogue(migrated.sql);
    // Sanity: the dump really sees the schema (a broken query would compare two empty maps).
    expect(expected.size).toBeGreaterThan(100);
    expect([...expected.keys()]).toContain("table ActivityRecord");
    expect(diffCatalogues(actual, expected, ["migrations", "schema.prisma"])).toEqual([]);
  });

  it("names what differs when the schema drifts", async () => {
    const drifted = new Map(expected);
    drifted.delete("index Place_type_idx");
    drifted.set("column Place.name", "text NULL default none");
    expect(diffCatalogues(drifted, expected, ["migrations", "schema.prisma"])).toEqual([
      'column Place.name:\n    migrations: text NULL default none\n    schema.prisma: text NOT NULL default none',
      'index Place_type_idx: only in schema.prisma (CREATE INDEX "Place_type_idx" ON public."Place" USING btree (type))',
    ]);
  });

  it("is idempotent: a second run applies nothing", async () => {
    expect(await migrated.migrate()).toEqual([]);
    const rows = await migrated.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "_prisma_migrations"`);
    expect(rows[0]!.n).toBe(applied.length);
  });

  it("records each migration in _prisma_migrations with the SHA-256 of its file", async () => {
    const rows = await migrated.sql.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null; applied_steps_count: number }>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(applied);
    for (const r of rows) {
      const file = await readFile(join(MIGRATIONS_DIR, r.migration_name, "migration.sql"));
      expect(r.checksum).toBe(createHash("sha256").update(file).digest("hex"));
      expect(r.finished_at).not.toBeNull();
      expect(r.rolled_back_at).toBeNull();
      expect(r.applied_steps_count).toBe(1);
    }
  });

  it.runIf(!!process.env.TEST_DATABASE_URL)("builds the same schema on PostgreSQL", async () => {
    const pgDb = await createTestDatabase();
    try {
      expect(pgDb.kind).toBe("postgres");
      expect(diffCatalogues(await dumpCatalogue(pgDb.sql), expected, ["PostgreSQL migrations", "schema.prisma"])).toEqual([]);
    } finally {
      await pgDb.close();
    }
  }, 60_000);
});

describe("migrator safety", () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "medianum-migrations-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function copyMigrations(name: string): Promise<string> {
    const target = join(dir, name);
    await cp(MIGRATIONS_DIR, target, { recursive: true });
    return target;
  }

  it("refuses a migration modified after it was applied", async () => {
    const migrations = await copyMigrations("modified");
    const db = await openDatabase();
    try {
      expect((await migrate(db.sql, { dir: migrations })).length).toBeGreaterThan(0);
      const [first] = await readMigrations(migrations);
      await appendFile(join(migrations, first!.name, "migration.sql"), "\n-- edited afterwards\n");
      const rerun = migrate(db.sql, { dir: migrations });
      await expect(rerun).rejects.toBeInstanceOf(MigrationError);
      await expect(migrate(db.sql, { dir: migrations })).rejects.toThrow(/modifiée après avoir été appliquée/);
    } finally {
      await db.close();
    }
  });

  it("rolls back a failing migration and leaves the data as it was", async () => {
    const migrations = await copyMigrations("failing");
    const db = await openDatabase();
    try {
      const base = await migrate(db.sql, { dir: migrations });
      await db.sql.exec(`INSERT INTO "Departement" (code, name) VALUES ('47', 'Lot-et-Garonne')`);

      const failing = "29991231000000_failing";
      await mkdir(join(migrations, failing));
      await writeFile(
        join(migrations, failing, "migration.sql"),
        `UPDATE "Departement" SET name = 'changed';
ALTER TABLE "Departement" ADD COLUMN "extra" INTEGER;
CREATE TABLE "Leftover" (id INTEGER PRIMARY KEY);
INSERT INTO "Departement" (code, name) VALUES ('47', 'duplicate key');
`,
      );
      await expect(migrate(db.sql, { dir: migrations })).rejects.toThrow(MigrationError);

      expect(await db.sql.query(`SELECT code, name FROM "Departement"`)).toEqual([{ code: "47", name: "Lot-et-Garonne" }]);
      const cols = await db.sql.query(
        `SELECT 1 FROM information_schema.columns WHERE table_name = 'Departement' AND column_name = 'extra'`,
      );
      expect(cols).toEqual([]);
      expect(await db.sql.query(`SELECT to_regclass('public."Leftover"') AS t`)).toEqual([{ t: null }]);
      const recorded = await db.sql.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`);
      expect(recorded.map((r) => r.migration_name)).toEqual(base);

      // Once fixed, the migration applies on the next run.
      await writeFile(join(migrations, failing, "migration.sql"), `ALTER TABLE "Departement" ADD COLUMN "extra" INTEGER;\n`);
      expect(await migrate(db.sql, { dir: migrations })).toEqual([failing]);
    } finally {
      await db.close();
    }
  });
});
