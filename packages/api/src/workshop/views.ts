import type { Prisma, PrismaClient } from "@medianum/db";
import type { StaffSessionView } from "@medianum/domain";

export const staffSessionInclude = {
  workshop: { select: { title: true } },
  place: { include: { commune: { select: { name: true } } } },
  counsellors: { include: { counsellor: { include: { user: { select: { displayName: true } } } } } },
} satisfies Prisma.WorkshopSessionInclude;

export type StaffSession = Prisma.WorkshopSessionGetPayload<{ include: typeof staffSessionInclude }>;

export function toStaffSessionView(s: StaffSession, counts: { seatsTaken: number; waitlisted: number }): StaffSessionView {
  return {
    id: s.id,
    workshopId: s.workshopId,
    title: s.workshop.title,
    startsAt: s.startsAt,
    durationMinutes: s.durationMinutes,
    capacity: s.capacity,
    seatsTaken: counts.seatsTaken,
    waitlisted: counts.waitlisted,
    status: s.status as StaffSessionView["status"],
    place: { id: s.place.id, name: s.place.name, communeName: s.place.commune.name },
    counsellors: s.counsellors.map((c) => ({ id: c.counsellorId, displayName: c.counsellor.user.displayName })),
  };
}

export async function countsBySession(prisma: Prisma.TransactionClient | PrismaClient, ids: string[]) {
  const rows = await prisma.registration.groupBy({
    by: ["sessionId", "status"],
    where: { sessionId: { in: ids } },
    _sum: { seats: true },
  });
  const out = new Map<string, { seatsTaken: number; waitlisted: number }>();
  for (const id of ids) out.set(id, { seatsTaken: 0, waitlisted: 0 });
  for (const r of rows) {
    const c = out.get(r.sessionId)!;
    const seats = r._sum.seats ?? 0;
    if (r.status === "waitlisted") c.waitlisted += seats;
    else if (r.status !== "cancelled") c.seatsTaken += seats;
  }
  return out;
}
