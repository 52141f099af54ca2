import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activityColumns, statsFilters } from "@medianum/domain";
import { checkExportRequest } from "../src/exports/download.js";
import { activityRows } from "../src/exports/rows.js";
import { writeExport } from "../src/exports/write.js";
import { createHarness, type Harness } from "./harness.js";
import { seedSteeringDataset } from "./stats-fixtures.js";

let h: Harness;
let data: Awaited<ReturnType<typeof seedSteeringDataset>>;

beforeAll(async () => {
  h = await createHarness();
  data = await seedSteeringDataset(h.db);
});
afterAll(() => h.close());

async function exportToBuffer(kind: "activities" | "registrations" | "college-sessions", format: "csv" | "xlsx", query: Record<string, string>) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const count = await writeExport(h.db.prisma, kind, format, statsFilters.parse(query), out);
  out.end();
  return { count, buffer: Buffer.concat(chunks) };
}

async function readXlsx(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  /** Type and number format of the cells of one column (1-based), data rows only. */
  const cells = (column: number) =>
    rows.slice(1).map((_, i) => {
      const cell = sheet.getRow(i + 2).getCell(column);
      return { isDate: cell.type === ExcelJS.ValueType.Date, numFmt: cell.numFmt };
    });
  return { name: sheet.name, rows, cells };
}

describe("activity export", () => {
  it("XLSX: the Coop's columns with French labels, one row per record of the filters, equal to the database", async () => {
    const { count, buffer } = await exportToBuffer("activities", "xlsx", { from: "2026-01-01", to: "2026-12-31" });
    const { rows, cells } = await readXlsx(buffer);
    expect(rows[0]).toEqual(activityColumns.map((c) => c.header));
    expect(count).toBe(7);
    expect(rows).toHaveLength(8);

    const db = await h.db.prisma.activityRecord.findMany({
      where: { date: { gte: new Date("2026-01-01T00:00:00Z"), lte: new Date("2026-12-31T00:00:00Z") } },
      include: { place: { include: { commune: true } }, commune: true, counsellor: { include: { user: true } } },
      orderBy: [{ date: "asc" }, { id: "asc" }],
    });
    const header = rows[0] as string[];
    const col = (name: string) => header.indexOf(name);
    expect(rows.slice(1).map((r) => r[col("Identifiant")])).toEqual(db.map((r) => r.id));
    rows.slice(1).forEach((r, i) => {
      const rec = db[i]!;
      // A real date cell (the day, no time), not text.
      expect(r[col("Date")]).toEqual(rec.date);
      expect(r[col("Durée (minutes)")]).toBe(rec.durationMinutes);
      expect(r[col("Nombre de participants")]).toBe(rec.participantsCount);
      expect(r[col("Médiateur")]).toBe(rec.counsellor.user.displayName);
      expect(r[col("Commune")]).toBe(rec.place?.commune.name ?? rec.commune?.name);
    });
    expect(cells(col("Date") + 1).every((c) => c.isDate && c.numFmt === "dd/mm/yyyy")).toBe(true);
    const first = rows[1]!;
    expect(first[col("Type")]).toBe("Accompagnement individuel");
    expect(first[col("Thématiques")]).toBe("E-mail");
    expect(first[col("Autonomie du bénéficiaire")]).toBe("Partiellement autonome");
    expect(first[col("Tranche d'âge")]).toBe("70 ans et plus");
    expect(first[col("Lieu d'activité")]).toBe("Médiathèque Lacépède");
    expect(first[col("Bénéficiaire suivi")]).toBe("Non");
    expect(rows[2]![col("Bénéficiaire suivi")]).toBe("Oui");
  });

  it("CSV honours the scope filter, with ';' and a BOM for French spreadsheets", async () => {
    const { count, buffer } = await exportToBuffer("activities", "csv", { from: "2026-01-01", to: "2026-12-31", scope: "counsellor", scopeId: data.c2 });
    expect(count).toBe(3);
    const text = buffer.toString("utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]!.split(";").slice(0, 3)).toEqual(["Identifiant", "Date", "Type"]);
    expect(lines.slice(1).every((l) => l.includes(";Bruno Petit;"))).toBe(true);
    expect(lines[1]).toContain(";À domicile;");
  });

  it("reads the database in keyset batches: every row once, in order, whatever the batch size", async () => {
    const f = statsFilters.parse({ from: "2025-01-01", to: "2027-12-31" });
    const all: string[] = [];
    for await (const r of activityRows(h.db.prisma, f, 3)) all.push(`${r.date}|${r.id}`);
    expect(all).toHaveLength(11);
    expect(new Set(all).size).toBe(11);
    expect([...all].sort()).toEqual(all);
  });
});

describe("registrations and collège sessions exports", () => {
  it("registrations: no names nor contacts, status labels, scoped by the session's commune", async () => {
    const { count, buffer } = await exportToBuffer("registrations", "xlsx", { from: "2026-01-01", to: "2026-12-31", scope: "commune", scopeId: "47001" });
    const { rows, cells } = await readXlsx(buffer);
    expect(count).toBe(4);
    expect(cells(2).every((c) => c.isDate)).toBe(true);
    expect(cells(9).every((c) => c.isDate && c.numFmt === "dd/mm/yyyy")).toBe(true);
    expect(rows[0]).not.toContain("E-mail");
    const statuses = rows.slice(1).map((r) => r[5]).sort();
    expect(statuses).toEqual(["Absent(e)", "Confirmée", "Présent(e)", "Présent(e)"]);
    expect(JSON.stringify(rows)).not.toContain("@exemple.fr");
  });

  it("collège sessions: the Paris calendar day decides the year", async () => {
    const { rows, cells } = await readXlsx((await exportToBuffer("college-sessions", "xlsx", { from: "2026-01-01", to: "2026-12-31" })).buffer);
    // Date cells holding the Paris wall clock (a spreadsheet has no zone): 00:30 on 1 January in Paris, not 23:30 UTC the day before.
    const dates = rows.slice(1).map((r) => (r[1] as Date).toISOString());
    expect(dates).toEqual(["2026-01-01T00:30:00.000Z", "2026-02-10T10:00:00.000Z", "2026-05-05T11:00:00.000Z", "2026-11-20T10:00:00.000Z"]);
    expect(cells(2).every((c) => c.isDate && c.numFmt === "dd/mm/yyyy hh:mm")).toBe(true);
    const first = rows[2]!;
    expect(first[2]).toBe("Collège Jasmin");
    expect(first[8]).toBe(53);
    expect(first[9]).toBe(24);
    expect(first[11]).toBe("Alice Martin");
  });
});

describe("export requests", () => {
  const q = { from: "2026-01-01", to: "2026-12-31" };
  it("are for the coordination team only", async () => {
    expect(checkExportRequest({ user: null }, { kind: "activities", format: "xlsx" }, q)).toMatchObject({ ok: false, status: 401 });
    const counsellor = { id: data.alice.user.id, email: "alice@test.fr", displayName: "Alice", role: "counsellor" as const, counsellorId: data.c1 };
    expect(checkExportRequest({ user: counsellor }, { kind: "activities", format: "xlsx" }, q)).toMatchObject({ ok: false, status: 403 });
    const staff = { ...counsellor, role: "coordinator" as const, counsellorId: null };
    expect(checkExportRequest({ user: staff }, { kind: "activities", format: "xlsx" }, q)).toMatchObject({
      ok: true,
      fileName: "medianum-activities-2026-01-01-au-2026-12-31.xlsx",
    });
  });
  it("validate the filters with the dashboard's schema", () => {
    const staff = { id: data.admin.user.id, email: "a@test.fr", displayName: "A", role: "admin" as const, counsellorId: null };
    const res = checkExportRequest({ user: staff }, { kind: "activities", format: "csv" }, { from: "2026-12-31", to: "2026-01-01" });
    expect(res).toMatchObject({ ok: false, status: 400, fieldErrors: { to: ["La date de fin doit suivre la date de début."] } });
    expect(checkExportRequest({ user: staff }, { kind: "passwords", format: "csv" }, q)).toMatchObject({ ok: false, status: 400 });
  });
});
