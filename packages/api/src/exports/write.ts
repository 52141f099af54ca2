import { once } from "node:events";
import type { Writable } from "node:stream";
import type { PrismaClient } from "@medianum/db";
import {
  activityColumns,
  collegeSessionColumns,
  exportKinds,
  feedbackColumns,
  feedbackCommentColumns,
  parisWallClock,
  registrationColumns,
  type ExportColumn,
  type ExportFormat,
  type ExportKind,
  type StatsFilters,
} from "@medianum/domain";
import { stringify } from "csv-stringify";
import ExcelJS from "exceljs";
import { csvOptions } from "../shared/csv.js";
import { feedbackCommentExportRows, feedbackExportRows } from "../feedback/export-rows.js";
import { activityRows, collegeSessionRows, registrationRows } from "./rows.js";

const EXCEL_FORMATS = { day: "dd/mm/yyyy", dateTime: "dd/mm/yyyy hh:mm" } as const;

/** A Paris day or "day time" as a spreadsheet date: cells have no zone, so they hold the Paris wall clock. */
function excelDate(value: string | number | null, kind: "day" | "dateTime"): Date | string | number | null {
  if (typeof value !== "string") return value;
  const [day, time] = value.split(" ");
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return value;
  const wall = parisWallClock(day);
  if (kind === "dateTime" && time && /^\d{2}:\d{2}$/.test(time)) wall.setUTCHours(Number(time.slice(0, 2)), Number(time.slice(3, 5)));
  return wall;
}

interface Source<Row> {
  columns: ExportColumn<Row>[];
  rows: AsyncGenerator<Row>;
}

function source(prisma: PrismaClient, kind: ExportKind, f: StatsFilters): Source<never> {
  switch (kind) {
    case "activities":
      return { columns: activityColumns, rows: activityRows(prisma, f) } as unknown as Source<never>;
    case "registrations":
      return { columns: registrationColumns, rows: registrationRows(prisma, f) } as unknown as Source<never>;
    case "college-sessions":
      return { columns: collegeSessionColumns, rows: collegeSessionRows(prisma, f) } as unknown as Source<never>;
    case "feedback":
      return { columns: feedbackColumns, rows: feedbackExportRows(prisma, f) } as unknown as Source<never>;
    case "feedback-comments":
      return { columns: feedbackCommentColumns, rows: feedbackCommentExportRows(prisma, f) } as unknown as Source<never>;
  }
}

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** Waits when the destination's buffer is full, so a slow download slows the database reads. */
async function drained(out: Writable): Promise<void> {
  if (out.writableNeedDrain) await once(out, "drain");
}

/**
 * Streams one export into `out` (an HTTP response, a file…): rows come from the database in
 * batches and leave as they are formatted. CSV cells are made spreadsheet-safe (shared/csv.ts);
 * XLSX cells are written as values, a string never as a formula. Returns the number of data rows written.
 */
export async function writeExport(prisma: PrismaClient, kind: ExportKind, format: ExportFormat, f: StatsFilters, out: Writable): Promise<number> {
  const { columns, rows } = source(prisma, kind, f);
  let count = 0;
  if (format === "csv") {
    const csv = stringify(csvOptions(columns.map((c) => c.header)));
    csv.pipe(out);
    for await (const row of rows) {
      if (!csv.write(columns.map((c) => c.value(row) ?? ""))) await once(csv, "drain");
      count += 1;
    }
    csv.end();
    await once(csv, "end");
    return count;
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = "Médianum";
  const sheet = workbook.addWorksheet(exportKinds.label(kind).slice(0, 31));
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: Math.min(40, Math.max(c.date === "dateTime" ? 17 : 12, c.header.length + 2)),
    ...(c.date ? { style: { numFmt: EXCEL_FORMATS[c.date] } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  for await (const row of rows) {
    sheet.addRow(columns.map((c) => (c.date ? excelDate(c.value(row), c.date) : c.value(row)))).commit();
    count += 1;
    if (count % 500 === 0) await drained(out);
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
