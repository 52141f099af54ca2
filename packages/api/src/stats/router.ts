import { dashboardView, objectiveInput, statsFilters, dashboardMetrics } from "@medianum/domain";
import { z } from "zod";
import { router, staffProcedure } from "../trpc.js";
import { dashboard } from "./dashboard.js";
import { readObjectives, setObjectives } from "./objectives.js";

export const statsRouter = router({
  /** The steering dashboard; counsellors have their own figures in their app, not the département's. */
  dashboard: staffProcedure.input(statsFilters).output(dashboardView).query(({ ctx, input }) => dashboard(ctx.db, input)),

  /** Yearly objectives as staff set them (metrics without an objective are absent). */
  objectives: staffProcedure
    .input(z.object({ year: z.number().int().min(2020).max(2100) }))
    .output(z.array(z.object({ metric: dashboardMetrics.schema, value: z.number().int() })))
    .query(({ ctx, input }) => readObjectives(ctx.db.prisma, input.year)),

  /** Sets the objectives of a year at once; an empty value removes that objective. */
  setObjectives: staffProcedure.input(objectiveInput).mutation(({ ctx, input }) => setObjectives(ctx.db.prisma, ctx, input)),
});
