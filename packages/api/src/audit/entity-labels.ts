import type { PrismaClient } from "@medianum/db";
import { auditEntityTypes, formatDateTime } from "@medianum/domain";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Ref = { entityType: string | null; entityId: string | null };
type Lookup = (prisma: PrismaClient, ids: string[]) => Promise<Array<[string, string]>>;

// One query per kind present on the page, whatever the number of entries.
const LOOKUPS: Record<string, Lookup> = {
  User: async (p, ids) => (await p.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } })).map((u) => [u.id, u.displayName]),
  Counsellor: async (p, ids) =>
    (await p.counsellor.findMany({ where: { id: { in: ids } }, select: { id: true, user: { select: { displayName: true } } } })).map((c) => [c.id, c.user.displayName]),
  Workshop: async (p, ids) => (await p.workshop.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } })).map((w) => [w.id, w.title]),
  WorkshopSession: async (p, ids) =>
    (await p.workshopSession.findMany({ where: { id: { in: ids } }, select: { id: true, startsAt: true, workshop: { select: { title: true } } } })).map((s) => [
      s.id,
      `${s.workshop.title}, ${formatDateTime(s.startsAt)}`,
    ]),
  Registration: async (p, ids) =>
    (await p.registration.findMany({ where: { id: { in: ids } }, select: { id: true, firstName: true, lastName: true } })).map((r) => [r.id, `${r.firstName} ${r.lastName}`.trim()]),
  CollegeRequest: async (p, ids) =>
    (await p.collegeRequest.findMany({ where: { id: { in: ids } }, select: { id: true, establishmentName: true } })).map((r) => [r.id, r.establishmentName]),
  CollegeSession: async (p, ids) =>
    (await p.collegeSession.findMany({ where: { id: { in: ids } }, select: { id: true, startsAt: true, request: { select: { establishmentName: true } } } })).map((s) => [
      s.id,
      `${s.request.establishmentName}, ${formatDateTime(s.startsAt)}`,
    ]),
  Place: async (p, ids) => (await p.place.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((x) => [x.id, x.name]),
  Partner: async (p, ids) => (await p.partner.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((x) => [x.id, x.name]),
  OutboxEmail: async (p, ids) =>
    (await p.outboxEmail.findMany({ where: { id: { in: ids } }, select: { id: true, subject: true, to: true } })).map((m) => [m.id, `« ${m.subject} » à ${m.to}`]),
};

/**
 * Names what each audit entry is about ("Séance : Les écrans en famille, 10 déc. 2026 14:00"),
 * instead of a type and an id. Things deleted since show their kind only.
 */
export async function auditEntityLabels(prisma: PrismaClient, entries: Ref[]): Promise<Array<string | null>> {
  const idsByType = new Map<string, Set<string>>();
  for (const e of entries) {
    if (e.entityType && e.entityId && LOOKUPS[e.entityType] && UUID.test(e.entityId)) {
      idsByType.set(e.entityType, (idsByType.get(e.entityType) ?? new Set()).add(e.entityId));
    }
  }
  const names = new Map<string, string>();
  await Promise.all(
    [...idsByType].map(async ([type, ids]) => {
      for (const [id, name] of await LOOKUPS[type]!(prisma, [...ids])) names.set(`${type}:${id}`, name);
    }),
  );
  return entries.map((e) => {
    if (!e.entityType) return null;
    const kind = auditEntityTypes.has(e.entityType) ? auditEntityTypes.label(e.entityType) : e.entityType;
    if (e.entityType === "YearlyObjective") return `${kind} ${e.entityId ?? ""}`.trim();
    if (e.entityType === "Export") return `${kind} ${e.entityId ?? ""}`.trim();
    const name = e.entityId ? names.get(`${e.entityType}:${e.entityId}`) : undefined;
    return name ? `${kind} : ${name}` : `${kind} (supprimé)`;
  });
}
