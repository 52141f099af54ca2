import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { hashPassword } from "@medianum/api";
import { openDatabase } from "@medianum/db";
import { seedDemo } from "@medianum/db/seed";
import { afterAll, describe, expect, it } from "vitest";
import { fingerprint } from "./support/fingerprint.js";

// `pnpm medianum move-to-postgres` on the demo data: PostgreSQL then holds the same rows, and the
// server's migrator finds every migration applied.

const adminUrl = process.env.TEST_DATABASE_URL;
const serverDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const work = mkdtempSync(join(tmpdir(), "medianum-move-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cli(args: string[], env: Record<string, string>): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(serverDir, "node_modules", "tsx", "dist", "cli.mjs"), "src/cli.ts", ...args], { cwd: serverDir, env: { ...process.env, ...env } });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, output }));
  });
}

describe.skipIf(!adminUrl)("moving the embedded database to PostgreSQL", () => {
  it("copies every row of the demo data into an empty database, migrations checked, and refuses a database that is not empty", async () => {
    const dataDir = join(work, "pglite");
    const lite = await openDatabase({ dataDir });
    await lite.migrate();
    await seedDemo(lite.prisma, { hashPassword });
    const before = await fingerprint(lite);
    await lite.close();
    expect(Number(before["Registration"]!.split(" ")[0])).toBeGreaterThan(0);

    const name = `medianum_move_${randomBytes(5).toString("hex")}`;
    const admin = await openDatabase({ url: adminUrl!, poolSize: 1 });
    await admin.sql.exec(`CREATE DATABASE "${name}"`);
    const url = new URL(adminUrl!);
    url.pathname = `/${name}`;
    try {
      const moved = await cli(["move-to-postgres"], { DATA_DIR: dataDir, DATABASE_URL: url.toString() });
      expect(moved.output).toContain("migrations vérifiées");
      expect(moved.status).toBe(0);

      const postgres = await openDatabase({ url: url.toString(), poolSize: 1 });
      try {
        expect(await fingerprint(postgres)).toEqual(before);
        expect(await postgres.migrate()).toEqual([]);
        // The demo accounts log in as before: same password hashes.
        expect(await postgres.prisma.user.count({ where: { email: "admin@medianum.test", disabledAt: null } })).toBe(1);
      } finally {
        await postgres.close();
      }

      const again = await cli(["move-to-postgres"], { DATA_DIR: dataDir, DATABASE_URL: url.toString() });
      expect(again.status).toBe(1);
      expect(again.output).toContain("n'est pas vide");

      // The embedded database was left as it was.
      const still = await openDatabase({ dataDir });
      try {
        expect(await fingerprint(still)).toEqual(before);
      } finally {
        await still.close();
      }
    } finally {
      await admin.sql.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.close();
    }
  }, 300_000);
});
