import { PassThrough } from "node:stream";
import { randomUUID } from "node:crypto";
import { statsFilters, type ExportKind } from "@medianum/domain";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeExport } from "../src/exports/write.js";
import { FORMULA_PAYLOADS, formulaCells, readCsv } from "./csv-read.js";
import { createHarness, createPlace, createUser, createWorkshopSession, seedTerritory, type Harness } from "./harness.js";

// Formula payloads typed into public forms (a booking's name, a collège's name) and into staff
// forms come out of every file the product writes as text: CSV cells start with an apostrophe,
// XLSX cells are strings, never formulas.

const [HYPERLINK, CMD, SUM, MINUS, TAB, CR] = FORMULA_PAYLOADS as [string, string, string, string, string, string];

let h: Harness;
let sessionId: string;
let ip = 1;
const visitor = () => h.client(`198.51.100.${ip++}`).api();
async function as(email: string) {
  const c = h.client();
  await c.login(email);
  return c.api();
}

async function exportFile(kind: ExportKind, format: "csv" | "xlsx") {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  await writeExport(h.db.prisma, kind, format, statsFilters.parse({ from: "2026-01-01", to: "2027-12-31" }), out);
  out.end();
  return Buffer.concat(chunks);
}

/** Every cell of the first sheet as ExcelJS reads it back: its value, and whether it holds a formula. */
async function xlsxCells(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const cells: Array<{ value: unknown; formula: boolean }> = [];
  wb.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push({ value: cell.value, formula: cell.type === ExcelJS.ValueType.Formula || cell.formula !== undefined })));
  return cells;
}

beforeAll(async () => {
  h = await createHarness();
  await seedTerritory(h.db);
  const place = await createPlace(h.db, "47001", SUM);
  await createUser(h.db, "coordinator", "coord@medianum.test", "Camille Coordination");
  const counsellor = (await createUser(h.db, "counsellor", "cn@medianum.test", MINUS)).counsellor!;
  sessionId = (await createWorkshopSession(h.db, { placeId: place.id, capacity: 12, startsAt: new Date("2026-12-02T14:00:00Z"), title: HYPERLINK })).id;

  // Public forms.
  await (await visitor()).booking.book({ sessionId, firstName: HYPERLINK, lastName: CMD, email: "a@exemple.fr", seats: 1, consent: true, need: SUM });
  // A tab or a carriage return in front is trimmed by the form: what is left is still neutralised.
  await (await visitor()).booking.book({ sessionId, firstName: TAB, lastName: MINUS, phone: "06 12 34 56 78", seats: 2, consent: true, need: "-12,5" });
  const { requestId } = await (await visitor()).college.submit({
    uai: "0470040N",
    establishmentName: HYPERLINK,
    address: CMD,
    communeInsee: "47001",
    requesterName: SUM,
    requesterRole: "cpe",
    email: "cpe@college.fr",
    classes: [{ level: "5e", name: "5e A", pupils: 26 }],
    topics: ["cyberbullying"],
    periods: [{ from: "2027-01-11", to: "2027-01-22" }],
    consent: true,
  });
  // Rows written before these checks existed, or by a future import: tab and CR prefixes as stored.
  await h.db.prisma.registration.create({
    data: { sessionId, status: "confirmed", seats: 1, firstName: TAB, lastName: CR, email: "b@exemple.fr", consentAt: h.clock.now, manageTokenHash: randomUUID(), source: "staff" },
  });

  const staff = await as("coord@medianum.test");
  const classId = (await staff.college.request({ id: requestId })).classes[0]!.id;
  const scheduled = await staff.college.schedule({ requestId, sessions: [{ classIds: [classId], day: "2027-01-14", time: "09:00", durationMinutes: 55, counsellorIds: [counsellor.id] }] });
  expect(scheduled.outcome).toBe("scheduled");
  await (await as("cn@medianum.test")).activity.createIndividual({ id: randomUUID(), date: "2026-11-24", durationMinutes: 45, locationType: "LieuActivite", placeId: place.id, themes: ["Email"] });
});
afterAll(() => h.close());

describe("registrations CSV of a session (back-office download)", () => {
  it("shows the public form's names as text, each with an apostrophe in front; plain numbers stay numbers", async () => {
    const { csv } = await (await as("coord@medianum.test")).workshop.exportRegistrations({ sessionId });
    const rows = readCsv(csv);
    expect(formulaCells(rows)).toEqual([]);
    const [header, ...lines] = rows;
    const col = (name: string) => header!.indexOf(name);
    const byLast = (last: string) => lines.find((l) => l[col("Nom")] === last)!;
    expect(byLast(`'${CMD}`)).toBeDefined();
    expect(byLast(`'${CMD}`)[col("Prénom")]).toBe(`'${HYPERLINK}`);
    expect(byLast(`'${CMD}`)[col("Besoin")]).toBe(`'${SUM}`);
    expect(byLast(`'${MINUS}`)[col("Prénom")]).toBe("'=1+1");
    expect(byLast(`'${MINUS}`)[col("Besoin")]).toBe("-12,5");
    expect(byLast(`'${CR}`)[col("Prénom")]).toBe(`'${TAB}`);
  });
});

describe("steering exports (/api/exports/…)", () => {
  it("college-sessions: the collège's name typed on the portal is text in CSV and in XLSX", async () => {
    const rows = readCsv((await exportFile("college-sessions", "csv")).toString("utf8"));
    expect(formulaCells(rows)).toEqual([]);
    const col = rows[0]!.indexOf("Collège");
    expect(rows[1]![col]).toBe(`'${HYPERLINK}`);
    expect(rows[1]![rows[0]!.indexOf("Conseillers")]).toBe(`'${MINUS}`);

    const cells = await xlsxCells(await exportFile("college-sessions", "xlsx"));
    expect(cells.filter((c) => c.formula)).toEqual([]);
    expect(cells.map((c) => c.value)).toContain(HYPERLINK);
  });

  it("registrations and activities: workshop titles, places and counsellors' names are text too", async () => {
    for (const kind of ["registrations", "activities"] as const) {
      const rows = readCsv((await exportFile(kind, "csv")).toString("utf8"));
      expect(rows.length, kind).toBeGreaterThan(1);
      expect(formulaCells(rows), kind).toEqual([]);
      expect(rows.flat(), kind).toContain(`'${SUM}`);
      const cells = await xlsxCells(await exportFile(kind, "xlsx"));
      expect(cells.filter((c) => c.formula), kind).toEqual([]);
      expect(cells.map((c) => c.value), kind).toContain(SUM);
    }
  });
});
