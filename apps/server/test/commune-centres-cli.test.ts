import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "@medianum/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// An operator loads real commune centres from an open-data CSV: the portal then gives distances.

const work = mkdtempSync(join(tmpdir(), "medianum-centres-"));
const dataDir = join(work, "pglite");
afterAll(() => rmSync(work, { recursive: true, force: true }));

const serverDir = join(dirname(fileURLToPath(import.meta.url)), "..");

function cli(args: string[]): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(serverDir, "node_modules", "tsx", "dist", "cli.mjs"), "src/cli.ts", ...args], {
      cwd: serverDir,
      env: { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir, INIT_CWD: work },
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, output }));
  });
}

async function centres() {
  const db = await openDatabase({ dataDir });
  try {
    const rows = await db.prisma.commune.findMany({ select: { inseeCode: true, latitude: true, longitude: true }, orderBy: { inseeCode: "asc" } });
    return Object.fromEntries(rows.map((r) => [r.inseeCode, [r.latitude, r.longitude]]));
  } finally {
    await db.close();
  }
}

beforeAll(async () => {
  const db = await openDatabase({ dataDir });
  await db.migrate();
  await db.prisma.departement.create({ data: { code: "47", name: "Lot-et-Garonne" } });
  for (const [inseeCode, name] of [
    ["47001", "Agen"],
    ["47157", "Marmande"],
    ["47310", "Tonneins"],
  ]) {
    await db.prisma.commune.create({ data: { inseeCode: inseeCode!, name: name!, postalCodes: [], population: 1000, departementCode: "47" } });
  }
  await db.close();
});

describe("pnpm medianum communes import-centres", () => {
  it("writes the centres of known communes and reports unknown and invalid lines in French", async () => {
    // The columns of the « communes de France » file: town hall first, centre where it is missing.
    writeFileSync(
      join(work, "communes-france.csv"),
      [
        "code_insee;nom_standard;latitude_mairie;longitude_mairie;latitude_centre;longitude_centre",
        "47001;Agen;44,2036;0,6163;44,19;0,62",
        "47157;Marmande;;;44,4999;0,1654",
        "75056;Paris;48,8566;2,3522;48,85;2,34",
        "47310;Tonneins;quarante-quatre;0,31;;",
      ].join("\n"),
    );
    const res = await cli(["communes", "import-centres", "communes-france.csv"]);
    expect(res.output).toContain("Ligne 5 ignorée : Latitude illisible");
    expect(res.output).toContain("2 communes mises à jour, 1 commune inconnue de cette instance (hors du territoire), 1 ligne invalide.");
    expect(res.status).toBe(0);
    expect(await centres()).toEqual({ "47001": [44.2036, 0.6163], "47157": [44.4999, 0.1654], "47310": [null, null] });
  });

  it("refuses a file without the needed columns and changes nothing", async () => {
    writeFileSync(join(work, "sans-coordonnees.csv"), "code_commune_INSEE,nom_commune\n47310,Tonneins\n");
    const res = await cli(["communes", "import-centres", "sans-coordonnees.csv"]);
    expect(res.status).toBe(1);
    expect(res.output).toContain("La première ligne doit nommer les colonnes");
    expect((await centres())["47310"]).toEqual([null, null]);
    const missing = await cli(["communes", "import-centres", "absent.csv"]);
    expect(missing.status).toBe(1);
    expect(missing.output).toContain("n'a pas pu être lu");
  });
});
