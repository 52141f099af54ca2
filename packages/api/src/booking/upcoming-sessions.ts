import type { PrismaClient } from "@medianum/db";
import { geoPoint, nearestFirst, type PublicSessionView, type SessionFilters } from "@medianum/domain";
import { bookableWhere, publicSessionInclude, seatsTakenBySession, toPublicSessionView, type SessionWithPlace } from "./queries.js";

/**
 * The public catalogue. With `near` (a commune of the département, with or without sessions),
 * every session is listed, nearest first from the commune's centre, each with its distance; a
 * session's place counts where it stands, or at its commune's centre when its own position is unknown.
 */
export async function upcomingSessions(prisma: PrismaClient, input: SessionFilters, now: Date): Promise<PublicSessionView[]> {
  const from = input.from && input.from > now ? input.from : now;
  const [sessions, origin] = await Promise.all([
    prisma.workshopSession.findMany({
      where: {
        AND: [
          bookableWhere(from),
          input.to ? { startsAt: { lte: input.to } } : {},
          input.theme ? { workshop: { theme: input.theme } } : {},
          input.communeInsee ? { place: { communeInsee: input.communeInsee } } : {},
          input.epciCode ? { place: { commune: { epciCode: input.epciCode } } } : {},
        ],
      },
      include: publicSessionInclude,
      orderBy: { startsAt: "asc" },
      take: 200,
    }),
    // An unknown commune (a hand-edited address) or one without a known centre: sessions by date.
    input.near ? prisma.commune.findUnique({ where: { inseeCode: input.near }, select: { latitude: true, longitude: true } }) : null,
  ]);
  const taken = await seatsTakenBySession(prisma, sessions.map((s) => s.id));
  return nearestFirst(sessions, origin ? geoPoint(origin.latitude, origin.longitude) : null, placePoint).map(({ item, distanceKm }) => ({
    ...toPublicSessionView(item, taken.get(item.id) ?? 0),
    distanceKm,
  }));
}

function placePoint(s: SessionWithPlace) {
  return geoPoint(s.place.latitude, s.place.longitude) ?? geoPoint(s.place.commune.latitude, s.place.commune.longitude);
}
