import type { Prisma, PrismaClient } from "@medianum/db";
import { SEAT_HOLDING_STATUSES, seatsLeft, type PublicSessionView } from "@medianum/domain";

type Db = PrismaClient | Prisma.TransactionClient;

export const publicSessionInclude = {
  workshop: true,
  place: { include: { commune: true } },
} satisfies Prisma.WorkshopSessionInclude;

export type SessionWithPlace = Prisma.WorkshopSessionGetPayload<{ include: typeof publicSessionInclude }>;

/** Seats held per session (confirmed, attended, no-show), in one query. */
export async function seatsTakenBySession(db: Db, sessionIds: string[]): Promise<Map<string, number>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await db.registration.groupBy({
    by: ["sessionId"],
    where: { sessionId: { in: sessionIds }, status: { in: [...SEAT_HOLDING_STATUSES] } },
    _sum: { seats: true },
  });
  return new Map(rows.map((r) => [r.sessionId, r._sum.seats ?? 0]));
}

/** What the public view of a session reads: a Prisma session with its place, or the booking's own row. */
export interface PublicSessionSource {
  id: string;
  workshopId: string;
  startsAt: Date;
  durationMinutes: number;
  capacity: number;
  workshop: { title: string; theme: string; description: string };
  place: { id: string; name: string; address: string; postalCode: string; commune: { name: string } };
}

export function toPublicSessionView(s: PublicSessionSource, taken: number): PublicSessionView {
  return {
    id: s.id,
    workshopId: s.workshopId,
    title: s.workshop.title,
    theme: s.workshop.theme as PublicSessionView["theme"],
    description: s.workshop.description,
    startsAt: s.startsAt,
    durationMinutes: s.durationMinutes,
    capacity: s.capacity,
    seatsLeft: seatsLeft(s.capacity, taken),
    place: {
      id: s.place.id,
      name: s.place.name,
      address: s.place.address,
      postalCode: s.place.postalCode,
      communeName: s.place.commune.name,
    },
    distanceKm: null,
    proximity: null,
    nearLabel: null,
  };
}

/** Sessions a parent may book: public workshop, scheduled, not started yet. */
export function bookableWhere(now: Date): Prisma.WorkshopSessionWhereInput {
  return { status: "scheduled", startsAt: { gt: now }, workshop: { isPublic: true } };
}

/** The same rule as bookableWhere, on a session already read (the booking reads it with its lock). */
export function isBookable(s: { status: string; startsAt: Date; workshop: { isPublic: boolean } }, now: Date): boolean {
  return s.status === "scheduled" && s.startsAt > now && s.workshop.isPublic;
}
