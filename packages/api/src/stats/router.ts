import { dashboardView, objectiveInput, statsFilters, dashboardMetrics, type DashboardMetric } from "@medianum/domain";
import { z } from "zod";
import { audit } from "../shared/audit.js";
import { router, staffProcedure } from "../trpc.js";
import { dashboard } from "./dashboard.js";

export const statsRouter = router({
  /** The steering dashboard; counsellors have their own figures in their app, not the département's. */
  dashboard: staffProcedure.input(statsFilters).output(dashboardView).query(({ ctx, input }) => dashboard(ctx.db, input)),

  /** Yearly objectives as staff set them (metrics without an objective are absent). */
  objectives: staffProcedure
    .input(z.object({ year: z.number().int().min(2020).max(2100) }))
    .output(z.array(z.object({ metric: dashboardMetrics.schema, value: z.number().int() })))
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db.prisma.yearlyObjective.findMany({ where: { year: input.year } });
      return rows.filter((r) => dashboardMetrics.has(r.metric)).map((r) => ({ metric: r.metric as DashboardMetric, value: r.value }));
    }),

  /** Sets the objectives of a year at once; an empty value removes that objective. */
  setObjectives: staffProcedure.input(objectiveInput).mutation(async ({ ctx, input }) => {
    await ctx.db.prisma.$transaction(async (tx) => {
      for (const o of input.objectives) {
        if (o.value === null) await tx.yearlyObjective.deleteMany({ where: { year: input.year, metric: o.metric } });
        else {
          await tx.yearlyObjective.upsert({
            where: { year_metric: { year: input.year, metric: o.metric } },
            create: { year: input.year, metric: o.metric, value: o.value },
            update: { value: o.value },
          });
        }
      }
      await audit(ctx, tx, "stats.objectives_set", { type: "YearlyObjective", id: String(input.year) }, { objectives: input.objectives });
    });
    return { ok: true };
  }),
});
