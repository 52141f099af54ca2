import type { Prisma, PrismaClient } from "@medianum/db";
import { addParisDays, parisMidnight, type auditFilters } from "@medianum/domain";
import type { z } from "zod";
import { auditEntityLabels } from "./entity-labels.js";

/** The audit log, newest first, filtered, one page at a time (keyset on (at, id)). */
export async function readAuditLog(prisma: PrismaClient, filter: z.output<typeof auditFilters>) {
  const where: Prisma.AuditLogWhereInput = {
    ...(filter.actorUserId ? { actorUserId: filter.actorUserId } : {}),
    ...(filter.action ? { action: { startsWith: filter.action } } : {}),
    // The log is filtered by the Paris days staff think in: [midnight of "from", midnight after "to").
    at: {
      ...(filter.from ? { gte: parisMidnight(filter.from) } : {}),
      ...(filter.to ? { lt: parisMidnight(addParisDays(filter.to, 1)) } : {}),
    },
    ...(filter.cursor ? { OR: [{ at: { lt: filter.cursor.at } }, { at: filter.cursor.at, id: { lt: filter.cursor.id } }] } : {}),
  };
  const rows = await prisma.auditLog.findMany({
    where,
    include: { actor: { select: { displayName: true } } },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: filter.limit + 1,
  });
  const page = rows.slice(0, filter.limit);
  const last = page[page.length - 1];
  const labels = await auditEntityLabels(prisma, page);
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
    next: rows.length > filter.limit && last ? { at: last.at, id: last.id } : null,
  };
}

/** Distinct actions and actors, for the viewer's filters. */
export async function auditFacets(prisma: PrismaClient) {
  const [actions, actors] = await Promise.all([
    prisma.auditLog.groupBy({ by: ["action"], orderBy: { action: "asc" } }),
    prisma.user.findMany({ where: { auditEntries: { some: {} } }, select: { id: true, displayName: true }, orderBy: { displayName: "asc" } }),
  ]);
  return { actions: actions.map((a) => a.action), actors: actors.map((a) => ({ id: a.id, name: a.displayName })) };
}
