import type { PrismaClient } from "@medianum/db";
import { dashboardMetrics, type DashboardMetric, type objectiveInput } from "@medianum/domain";
import type { z } from "zod";
import { audit, type AuditContext } from "../shared/audit.js";

/** Yearly objectives as staff set them (metrics without an objective are absent). */
export async function readObjectives(prisma: PrismaClient, year: number): Promise<Array<{ metric: DashboardMetric; value: number }>> {
  const rows = await prisma.yearlyObjective.findMany({ where: { year } });
  return rows.filter((r) => dashboardMetrics.has(r.metric)).map((r) => ({ metric: r.metric as DashboardMetric, value: r.value }));
}

/** Sets the objectives of a year at once; an empty value removes that objective. */
export async function setObjectives(prisma: PrismaClient, ctx: AuditContext, input: z.output<typeof objectiveInput>): Promise<{ ok: boolean }> {
  await prisma.$transaction(async (tx) => {
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
}
