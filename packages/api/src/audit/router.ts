import type { Prisma } from "@medianum/db";
import { auditEntryView, auditFilters } from "@medianum/domain";
import { z } from "zod";
import { router, staffProcedure } from "../trpc.js";
import { auditEntityLabels } from "./entity-labels.js";

const TZ_OFFSET_SQL = "Europe/Paris";

/** Start of a Paris calendar day as an instant (the log is filtered by the day staff think in). */
function parisDayStart(day: string): Date {
  const utc = new Date(`${day}T00:00:00Z`);
  const inParis = new Date(utc.toLocaleString("en-US", { timeZone: TZ_OFFSET_SQL }));
  return new Date(utc.getTime() - (inParis.getTime() - utc.getTime()));
}

export const auditRouter = router({
  /** The audit log, newest first, filtered, one page at a time (keyset on (at, id)). */
  list: staffProcedure
    .input(auditFilters)
    .output(z.object({ entries: z.array(auditEntryView), next: z.object({ at: z.date(), id: z.uuid() }).nullable() }))
    .query(async ({ ctx, input }) => {
      const where: Prisma.AuditLogWhereInput = {
        ...(input.actorUserId ? { actorUserId: input.actorUserId } : {}),
        ...(input.action ? { action: { startsWith: input.action } } : {}),
        at: {
          ...(input.from ? { gte: parisDayStart(input.from) } : {}),
          ...(input.to ? { lt: new Date(parisDayStart(input.to).getTime() + 86_400_000) } : {}),
        },
        ...(input.cursor ? { OR: [{ at: { lt: input.cursor.at } }, { at: input.cursor.at, id: { lt: input.cursor.id } }] } : {}),
      };
      const rows = await ctx.db.prisma.auditLog.findMany({
        where,
        include: { actor: { select: { displayName: true } } },
        orderBy: [{ at: "desc" }, { id: "desc" }],
        take: input.limit + 1,
      });
      const page = rows.slice(0, input.limit);
      const last = page[page.length - 1];
      const labels = await auditEntityLabels(ctx.db.prisma, page);
      return {
        entries: page.map((r, i) => ({
          id: r.id,
          at: r.at,
          actorName: r.actor?.displayName ?? null,
          action: r.action,
          entityType: r.entityType,
          entityId: r.entityId,
          entityLabel: labels[i] ?? null,
          details: r.details === null ? null : JSON.stringify(r.details),
          ip: r.ip,
        })),
        next: rows.length > input.limit && last ? { at: last.at, id: last.id } : null,
      };
    }),

  /** Distinct actions and actors, for the viewer's filters. */
  facets: staffProcedure
    .output(z.object({ actions: z.array(z.string()), actors: z.array(z.object({ id: z.string(), name: z.string() })) }))
    .query(async ({ ctx }) => {
      const { prisma } = ctx.db;
      const [actions, actors] = await Promise.all([
        prisma.auditLog.groupBy({ by: ["action"], orderBy: { action: "asc" } }),
        prisma.user.findMany({ where: { auditEntries: { some: {} } }, select: { id: true, displayName: true }, orderBy: { displayName: "asc" } }),
      ]);
      return { actions: actions.map((a) => a.action), actors: actors.map((a) => ({ id: a.id, name: a.displayName })) };
    }),
});
