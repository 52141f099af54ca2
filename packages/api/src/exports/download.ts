import type { Writable } from "node:stream";
import { exportFileName, exportParams, isStaff, statsFilters, type ExportFormat, type ExportKind, type StatsFilters } from "@medianum/domain";
import { audit } from "../shared/audit.js";
import type { Context } from "../context.js";
import { EXPORT_CONTENT_TYPES, writeExport } from "./write.js";

export type ExportRequest =
  | { ok: true; kind: ExportKind; format: ExportFormat; filters: StatsFilters; fileName: string; contentType: string }
  | { ok: false; status: 400 | 401 | 403; message: string; fieldErrors?: Record<string, string[]> };

/**
 * Checks an export request as the tRPC procedures would: a session of the coordination team, and
 * the dashboard's filters (the same zod schema) in the query string.
 */
export function checkExportRequest(ctx: Pick<Context, "user">, params: unknown, query: unknown): ExportRequest {
  if (!ctx.user) return { ok: false, status: 401, message: "Votre session a expiré : connectez-vous à nouveau." };
  if (!isStaff(ctx.user.role)) return { ok: false, status: 403, message: "Cet espace est réservé à l'équipe de coordination." };
  const p = exportParams.safeParse(params);
  if (!p.success) return { ok: false, status: 400, message: "Cet export n'existe pas." };
  const f = statsFilters.safeParse(query);
  if (!f.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const i of f.error.issues) (fieldErrors[i.path.join(".") || "_"] ??= []).push(i.message);
    return { ok: false, status: 400, message: "Les filtres de l'export sont à corriger.", fieldErrors };
  }
  return {
    ok: true,
    kind: p.data.kind,
    format: p.data.format,
    filters: f.data,
    fileName: exportFileName(p.data.kind, f.data.from, f.data.to, p.data.format),
    contentType: EXPORT_CONTENT_TYPES[p.data.format],
  };
}

/** Writes the export and records who downloaded what (personal-data exports are staff actions). */
export async function runExport(ctx: Context, req: Extract<ExportRequest, { ok: true }>, out: Writable): Promise<number> {
  await audit(ctx, ctx.db.prisma, "exports.download", { type: "Export", id: req.kind }, { format: req.format, filters: req.filters });
  return writeExport(ctx.db.prisma, req.kind, req.format, req.filters, out);
}
