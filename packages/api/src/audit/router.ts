import type { Prisma } from "@medianum/db";
import { addParisDays, auditEntryView, auditFilters, parisMidnight } from "@medianum/domain";
import { z } from "zod";
import { router, staffProcedure } from "../trpc.js";
import { auditEntityLabels } from "./entity-labels.js";

export const auditRouter = router({
  /** The audit log, newest first, filtered, one page at a time (keyset on (at, id)). */
  list: staffProcedure
    .input(auditFilters)
    .output(z.object({ entries: z.array(auditEntryView), next: z.object({ at: z.date(), id: z.uuid() }).nullable() }))
    .query(async ({ ctx, input }) => {
      const where: Prisma.AuditLogWhereInput = {
        ...(input.actorUserId ? { actorUserId: input.actorUserId } : {}),
        ...(input.action ? { action: { startsWith: input.action } } : {}),
        // The log is filtered by the Paris days staff think in: [midnight of "from", midnight after "to").
        at: {
          ...(input.from ? { gte: parisMidnight(input.from) } : {}),
          ...(input.to ? { lt: parisMidnight(addParisDays(input.to, 1)) } : {}),
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
