import { fragilityImportInput, fragilityImportResult, parseFragilityCsv, statsFilters, territoryView } from "@medianum/domain";
import { z } from "zod";
import { audit } from "../shared/audit.js";
import { router, staffProcedure } from "../trpc.js";
import { territoryOverview } from "./overview.js";

export const territoryRouter = router({
  overview: staffProcedure.input(statsFilters).output(territoryView).query(({ ctx, input }) => territoryOverview(ctx.db.prisma, input)),

  /** Lists for the scope pickers of the dashboard and exports. */
  options: staffProcedure
    .output(
      z.object({
        epcis: z.array(z.object({ code: z.string(), name: z.string() })),
        communes: z.array(z.object({ inseeCode: z.string(), name: z.string() })),
        counsellors: z.array(z.object({ id: z.string(), name: z.string() })),
      }),
    )
    .query(async ({ ctx }) => {
      const { prisma } = ctx.db;
      const [epcis, communes, counsellors] = await Promise.all([
        prisma.epci.findMany({ select: { code: true, name: true }, orderBy: { name: "asc" } }),
        prisma.commune.findMany({ select: { inseeCode: true, name: true }, orderBy: { name: "asc" } }),
        prisma.counsellor.findMany({ select: { id: true, user: { select: { displayName: true } } }, orderBy: { user: { displayName: "asc" } } }),
      ]);
      return { epcis, communes, counsellors: counsellors.map((c) => ({ id: c.id, name: c.user.displayName })) };
    }),

  /**
   * Imports per-commune fragility indices from a CSV. Every row is checked (format, scale, known
   * commune); rejected rows are reported and the valid ones saved together, or none on failure.
   */
  importFragility: staffProcedure
    .input(fragilityImportInput)
    .output(fragilityImportResult)
    .mutation(async ({ ctx, input }) => {
      const parsed = parseFragilityCsv(input.csv);
      if (parsed.fileError) return { updated: 0, dryRun: input.dryRun, fileError: parsed.fileError, rejected: [] };
      const { prisma } = ctx.db;
      const known = new Set(
        (await prisma.commune.findMany({ where: { inseeCode: { in: parsed.rows.map((r) => r.inseeCode) } }, select: { inseeCode: true } })).map(
          (c) => c.inseeCode,
        ),
      );
      const rejected = [...parsed.rejected];
      const valid = parsed.rows.filter((r) => {
        if (known.has(r.inseeCode)) return true;
        rejected.push({ line: r.line, content: `${r.inseeCode};${r.index}`, reason: `Commune ${r.inseeCode} inconnue dans ce département.` });
        return false;
      });
      rejected.sort((a, b) => a.line - b.line);
      if (!input.dryRun && valid.length > 0) {
        await prisma.$transaction(async (tx) => {
          for (const r of valid) await tx.commune.update({ where: { inseeCode: r.inseeCode }, data: { fragilityIndex: r.index } });
          await audit(ctx, tx, "territory.fragility_imported", undefined, { updated: valid.length, rejected: rejected.length });
        });
      }
      return { updated: valid.length, dryRun: input.dryRun, fileError: null, rejected };
    }),
});
