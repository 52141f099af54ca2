import type { PrismaClient } from "@medianum/db";
import {
  FEED_HORIZON_DAYS,
  FEED_MAX_SESSIONS,
  feedSessionUid,
  parisDayRange,
  parisToday,
  seatsLeft,
  sessionStatuses,
  workshopThemes,
  type FeedFilters,
  type FeedSessionView,
  type SessionStatus,
  type WorkshopTheme,
} from "@medianum/domain";
import { seatsTakenBySession } from "../booking/queries.js";

/**
 * The public sessions the feeds publish: from the start of today (a session of this morning stays
 * in subscribed calendars all day) to FEED_HORIZON_DAYS ahead, public workshops only, by date.
 * Cancelled sessions stay listed, marked, so that a calendar that had them shows them cancelled
 * instead of silently dropping them. Reads only what may be public: no counsellor, no registrant.
 */
export async function listFeedSessions(prisma: PrismaClient, filters: FeedFilters, now: Date, publicUrl: string): Promise<FeedSessionView[]> {
  const from = parisDayRange(parisToday(now)).start;
  const to = new Date(now.getTime() + FEED_HORIZON_DAYS * 86_400_000);
  const sessions = await prisma.workshopSession.findMany({
    where: {
      startsAt: { gte: from, lte: to },
      workshop: { isPublic: true, ...(filters.theme ? { theme: filters.theme } : {}) },
      place: {
        ...(filters.commune ? { communeInsee: filters.commune } : {}),
        ...(filters.epci ? { commune: { epciCode: filters.epci } } : {}),
      },
    },
    select: {
      id: true,
      startsAt: true,
      durationMinutes: true,
      capacity: true,
      status: true,
      updatedAt: true,
      workshop: { select: { title: true, theme: true, description: true } },
      place: { select: { name: true, address: true, postalCode: true, communeInsee: true, commune: { select: { name: true, epciCode: true } } } },
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: FEED_MAX_SESSIONS,
  });
  const taken = await seatsTakenBySession(prisma, sessions.filter((s) => s.status === "scheduled").map((s) => s.id));
  return sessions.map((s) => {
    const status = s.status as SessionStatus;
    const theme = s.workshop.theme as WorkshopTheme;
    return {
      id: s.id,
      uid: feedSessionUid(s.id),
      title: s.workshop.title,
      theme,
      themeLabel: workshopThemes.label(theme),
      description: s.workshop.description,
      startsAt: s.startsAt,
      endsAt: new Date(s.startsAt.getTime() + s.durationMinutes * 60_000),
      durationMinutes: s.durationMinutes,
      status,
      statusLabel: sessionStatuses.label(status),
      seatsLeft: status === "cancelled" ? null : seatsLeft(s.capacity, taken.get(s.id) ?? 0),
      capacity: s.capacity,
      place: {
        name: s.place.name,
        address: s.place.address,
        postalCode: s.place.postalCode,
        communeInsee: s.place.communeInsee,
        communeName: s.place.commune.name,
        epciCode: s.place.commune.epciCode,
      },
      url: `${publicUrl}/seances/${s.id}`,
      updatedAt: s.updatedAt,
    };
  });
}

/** The names behind the filters' codes, for the embeddable page's heading (null when the code is unknown). */
export async function feedFilterNames(prisma: PrismaClient, filters: FeedFilters): Promise<{ commune: string | null; epci: string | null }> {
  const [commune, epci] = await Promise.all([
    filters.commune ? prisma.commune.findUnique({ where: { inseeCode: filters.commune }, select: { name: true } }) : null,
    filters.epci ? prisma.epci.findUnique({ where: { code: filters.epci }, select: { name: true } }) : null,
  ]);
  return { commune: commune?.name ?? null, epci: epci?.name ?? null };
}
