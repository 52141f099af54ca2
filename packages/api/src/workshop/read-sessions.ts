import type { PrismaClient } from "@medianum/db";
import type { sessionRegistrationsView, staffSessionDetail } from "@medianum/domain";
import type { z } from "zod";
import { notFound } from "../shared/errors.js";
import { countsBySession, staffSessionInclude, toStaffSessionView } from "./views.js";

/** Sessions between two instants (by default from a week ago, so staff still see those that just happened), 500 at most. */
export async function listStaffSessions(prisma: PrismaClient, filter: { from?: Date | undefined; to?: Date | undefined; workshopId?: string | undefined }, now: Date) {
  const from = filter.from ?? new Date(now.getTime() - 7 * 86_400_000);
  const sessions = await prisma.workshopSession.findMany({
    where: { startsAt: { gte: from, ...(filter.to ? { lte: filter.to } : {}) }, ...(filter.workshopId ? { workshopId: filter.workshopId } : {}) },
    include: staffSessionInclude,
    orderBy: { startsAt: "asc" },
    take: 500,
  });
  const counts = await countsBySession(prisma, sessions.map((s) => s.id));
  return sessions.map((s) => toStaffSessionView(s, counts.get(s.id)!));
}

/** A session with its registrations in arrival order, for staff. */
export async function sessionRegistrations(prisma: PrismaClient, sessionId: string) {
  const session = await prisma.workshopSession.findUnique({ where: { id: sessionId }, include: staffSessionInclude });
  if (!session) throw notFound("Cette séance");
  const [counts, registrations] = await Promise.all([
    countsBySession(prisma, [session.id]),
    prisma.registration.findMany({ where: { sessionId: session.id }, orderBy: { arrival: "asc" } }),
  ]);
  return {
    session: toStaffSessionView(session, counts.get(session.id)!),
    registrations: registrations.map((r) => ({
      id: r.id,
      firstName: r.firstName,
      lastName: r.lastName,
      email: r.email,
      phone: r.phone,
      seats: r.seats,
      status: r.status as z.infer<typeof sessionRegistrationsView>["registrations"][number]["status"],
      need: r.need,
      createdAt: r.createdAt,
      source: r.source,
    })),
  };
}

/** A session as the edit form reads it. */
export async function readStaffSession(prisma: PrismaClient, id: string) {
  const s = await prisma.workshopSession.findUnique({ where: { id }, include: { counsellors: true } });
  if (!s) throw notFound("Cette séance");
  return {
    id: s.id,
    workshopId: s.workshopId,
    startsAt: s.startsAt,
    durationMinutes: s.durationMinutes,
    placeId: s.placeId,
    capacity: s.capacity,
    accessInfo: s.accessInfo,
    counsellorIds: s.counsellors.map((c) => c.counsellorId),
    status: s.status as z.infer<typeof staffSessionDetail>["status"],
    cancelReason: s.cancelReason,
  };
}

/** Places and active counsellors to choose from in the session form. */
export async function sessionChoices(prisma: PrismaClient) {
  const [places, counsellors] = await Promise.all([
    prisma.place.findMany({ include: { commune: { select: { name: true } } }, orderBy: [{ commune: { name: "asc" } }, { name: "asc" }] }),
    prisma.counsellor.findMany({ where: { user: { disabledAt: null } }, include: { user: { select: { displayName: true } } }, orderBy: { user: { displayName: "asc" } } }),
  ]);
  return {
    places: places.map((p) => ({ id: p.id, name: p.name, communeName: p.commune.name })),
    counsellors: counsellors.map((c) => ({ id: c.id, displayName: c.user.displayName })),
  };
}
