import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { csvOptions, spreadsheetSafe } from "../src/shared/csv.js";
import { FORMULA_PAYLOADS, formulaCells, readCsv } from "./csv-read.js";

describe("spreadsheet-safe CSV cells", () => {
  it.each(FORMULA_PAYLOADS)("a cell starting like a formula (%j) gets a leading apostrophe, so it stays text", (payload) => {
    expect(spreadsheetSafe(payload)).toBe(`'${payload}`);
  });

  it("leaves ordinary text and plain numbers alone (a number is never a formula, and sums keep working)", () => {
    for (const ok of ["Martin", "Zoé N'Guessan", "-3", "+33", "-12,5", "4.5", "2026-11-25", "a=b", " =1+1", "'déjà"]) expect(spreadsheetSafe(ok)).toBe(ok);
    for (const notNumber of ["-", "+", "-3-3", "-1e5", "+33 6 12 34 56 78"]) expect(spreadsheetSafe(notNumber)).toBe(`'${notNumber}`);
  });

  it("the product's CSV options apply it to every string cell, not to numbers nor to headers", () => {
    const csv = stringify([[...FORMULA_PAYLOADS, -3, 12]], csvOptions([...FORMULA_PAYLOADS.map((_, i) => `Colonne ${i + 1}`), "Nombre", "Places"]));
    expect(csv.startsWith("\uFEFFColonne 1;")).toBe(true);
    const [header, row] = readCsv(csv);
    expect(header).toHaveLength(8);
    expect(row).toEqual([...FORMULA_PAYLOADS.map((p) => `'${p}`), "-3", "12"]);
    expect(formulaCells(readCsv(csv))).toEqual([]);
  });
});
