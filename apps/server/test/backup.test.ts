import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { hashPassword } from "@medianum/api";
import { backupDatabase, openDatabase, restoreDatabase } from "@medianum/db";
import { seedDemo } from "@medianum/db/seed";
import { fingerprint } from "./support/fingerprint.js";
import { afterAll, describe, expect, it } from "vitest";

// Backup → wipe → restore gives back every row of every table, on both engines.

const work = mkdtempSync(join(tmpdir(), "medianum-backup-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function expectSeeded(print: Record<string, string>) {
  expect(Object.keys(print).length).toBeGreaterThan(20);
  expect(Number(print["ActivityRecord"]!.split(" ")[0])).toBeGreaterThan(100);
  expect(Number(print["_prisma_migrations"]!.split(" ")[0])).toBeGreaterThan(0);
}

const serverDir = join(dirname(fileURLToPath(import.meta.url)), "..");

function cli(args: string[], env: Record<string, string>): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(serverDir, "node_modules", "tsx", "dist", "cli.mjs"), "src/cli.ts", ...args], {
      cwd: serverDir,
      env: { ...process.env, DATABASE_URL: "", ...env },
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, output }));
  });
}

describe("embedded database (PGlite)", () => {
  it("restores every table, row for row, into a wiped data directory", async () => {
    const dataDir = join(work, "pglite");
    const file = join(work, "embarquee.sauvegarde");
    const db = await openDatabase({ dataDir });
    await db.migrate();
    await seedDemo(db.prisma, { hashPassword });
    const before = await fingerprint(db);
    expectSeeded(before);

    // While the data directory is open (a running server), another process may not copy it.
    const refused = await cli(["backup", file], { DATA_DIR: dataDir });
    expect(refused.status).toBe(1);
    expect(refused.output).toContain(`est ouverte par le processus ${process.pid}`);
    expect(existsSync(file)).toBe(false);
    await db.close();

    const { kind } = await backupDatabase({ dataDir }, file);
    expect(kind).toBe("pglite");
    rmSync(dataDir, { recursive: true, force: true });

    const restored = await cli(["restore", file], { DATA_DIR: dataDir });
    expect(restored.output).toContain("restaurée");
    expect(restored.status).toBe(0);

    const again = await openDatabase({ dataDir });
    try {
      expect(await fingerprint(again)).toEqual(before);
      expect(await again.migrate()).toEqual([]);
    } finally {
      await again.close();
    }
  }, 300_000);

  it("keeps the current data directory aside when restoring over it", async () => {
    const dataDir = join(work, "pglite");
    const { keptAside } = await restoreDatabase({ dataDir }, join(work, "embarquee.sauvegarde"));
    expect(keptAside).toMatch(/pglite\.avant-restauration-/);
    expect(readdirSync(keptAside!)).toContain("PG_VERSION");
  }, 120_000);
});

const adminUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!adminUrl)("PostgreSQL", () => {
  it("restores every table, row for row, into a wiped database", async () => {
    const name = `medianum_backup_${randomBytes(5).toString("hex")}`;
    const admin = await openDatabase({ url: adminUrl!, poolSize: 1 });
    await admin.sql.exec(`CREATE DATABASE "${name}"`);
    const url = new URL(adminUrl!);
    url.pathname = `/${name}`;
    const file = join(work, "postgres.sauvegarde");
    try {
      const db = await openDatabase({ url: url.toString() });
      let before: Record<string, string>;
      try {
        await db.migrate();
        await seedDemo(db.prisma, { hashPassword });
        before = await fingerprint(db);
        expectSeeded(before);
        expect((await backupDatabase({ url: url.toString() }, file)).kind).toBe("postgres");
        await db.sql.exec("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
        expect(await fingerprint(db)).toEqual({});
      } finally {
        await db.close();
      }

      const restored = await cli(["restore", file], { DATABASE_URL: url.toString() });
      expect(restored.output).toContain("restaurée");
      expect(restored.status).toBe(0);

      const again = await openDatabase({ url: url.toString() });
      try {
        expect(await fingerprint(again)).toEqual(before);
        expect(await again.migrate()).toEqual([]);
      } finally {
        await again.close();
      }
      // A backup of the embedded database is not restored into PostgreSQL by mistake.
      await expect(restoreDatabase({ url: url.toString() }, join(work, "embarquee.sauvegarde"))).rejects.toThrow(/move-to-postgres/);
    } finally {
      await admin.sql.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.close();
    }
  }, 300_000);
});
