import type { PrismaClient } from "@medianum/db";
import { closestByTerritory, distanceLabel, geoPoint, nearestFirst, territorialProximityLabel, type PublicSessionView, type SessionFilters } from "@medianum/domain";
import { bookableWhere, publicSessionInclude, seatsTakenBySession, toPublicSessionView, type SessionWithPlace } from "./queries.js";

/**
 * The public catalogue. With `near` (a commune of the département, with or without sessions),
 * every session is listed, nearest first from the commune's centre, each with its distance; a
 * session's place counts where it stands, or at its commune's centre when its own position is unknown.
 * When the commune's centre is not known, sessions of the same commune come first, then of the
 * same intercommunalité, then of the same arrondissement, each group by date.
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
    // An unknown commune (a hand-edited address) gives sessions by date.
    input.near
      ? prisma.commune.findUnique({
          where: { inseeCode: input.near },
          select: { inseeCode: true, epciCode: true, arrondissementCode: true, latitude: true, longitude: true },
        })
      : null,
  ]);
  const taken = await seatsTakenBySession(prisma, sessions.map((s) => s.id));
  const view = (item: SessionWithPlace) => toPublicSessionView(item, taken.get(item.id) ?? 0);
  const centre = origin ? geoPoint(origin.latitude, origin.longitude) : null;
  if (origin && !centre) {
    return closestByTerritory(sessions, origin, (s) => s.place.commune).map(({ item, proximity }) => ({
      ...view(item),
      proximity,
      nearLabel: proximity ? territorialProximityLabel(proximity) : null,
    }));
  }
  return nearestFirst(sessions, centre, placePoint).map(({ item, distanceKm }) => ({
    ...view(item),
    distanceKm,
    nearLabel: distanceKm !== null ? distanceLabel(distanceKm) : null,
  }));
}

function placePoint(s: SessionWithPlace) {
  return geoPoint(s.place.latitude, s.place.longitude) ?? geoPoint(s.place.commune.latitude, s.place.commune.longitude);
}
