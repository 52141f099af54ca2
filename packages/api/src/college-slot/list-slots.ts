import type { Prisma, PrismaClient } from "@medianum/db";
import { parisDayRange, slotBookingOpen, slotClassesLeft, type CollegeTopic, type PublicSlotView, type StaffSlotView } from "@medianum/domain";
import { notFound, UserFacingError } from "../shared/errors.js";

type Db = PrismaClient | Prisma.TransactionClient;

/** Classes booked on each slot (sessions not cancelled). */
export async function classesTakenBySlot(db: Db, slotIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await db.collegeSessionClass.findMany({
    where: { session: { slotId: { in: [...slotIds] }, status: { not: "cancelled" } } },
    select: { session: { select: { slotId: true } } },
  });
  const out = new Map<string, number>();
  for (const r of rows) if (r.session.slotId) out.set(r.session.slotId, (out.get(r.session.slotId) ?? 0) + 1);
  return out;
}

interface AreaSource {
  communeInsees: string[];
  epciCodes: string[];
}

/** "Tout le département", or the intercommunalités and communes a slot serves, by name. */
export async function areaLabeller(db: Db, slots: readonly AreaSource[]): Promise<(s: AreaSource) => string> {
  const inseeCodes = [...new Set(slots.flatMap((s) => s.communeInsees))];
  const epciCodes = [...new Set(slots.flatMap((s) => s.epciCodes))];
  const [communes, epcis] = await Promise.all([
    inseeCodes.length ? db.commune.findMany({ where: { inseeCode: { in: inseeCodes } }, select: { inseeCode: true, name: true } }) : [],
    epciCodes.length ? db.epci.findMany({ where: { code: { in: epciCodes } }, select: { code: true, name: true } }) : [],
  ]);
  const communeName = new Map(communes.map((c) => [c.inseeCode, c.name]));
  const epciName = new Map(epcis.map((e) => [e.code, e.name]));
  return (s) => {
    if (s.communeInsees.length === 0 && s.epciCodes.length === 0) return "Tout le département";
    return [...s.epciCodes.map((c) => epciName.get(c) ?? c), ...s.communeInsees.map((c) => communeName.get(c) ?? c)].sort((a, b) => a.localeCompare(b, "fr")).join(", ");
  };
}

type SlotRow = {
  id: string;
  startsAt: Date;
  durationMinutes: number;
  topics: string[];
  capacityClasses: number;
  communeInsees: string[];
  epciCodes: string[];
  bookingClosesAt: Date | null;
  status: string;
};

function publicView(s: SlotRow, taken: number, area: string, now: Date): PublicSlotView {
  const classesLeft = slotClassesLeft({ capacityClasses: s.capacityClasses, classesTaken: taken });
  return {
    id: s.id,
    startsAt: s.startsAt,
    durationMinutes: s.durationMinutes,
    topics: s.topics as CollegeTopic[],
    capacityClasses: s.capacityClasses,
    classesLeft,
    bookingClosesAt: s.bookingClosesAt,
    bookable: classesLeft > 0 && slotBookingOpen(s, now),
    area,
  };
}

const MAX_LISTED = 200;

/**
 * Upcoming published slots a collège of this commune can take (by its commune, its
 * intercommunalité, or the whole département), optionally on a topic and from a day. Full and
 * closed slots stay listed, marked so: the collège sees the date exists and asks instead.
 */
export async function publicSlots(prisma: PrismaClient, input: { communeInsee: string; topic?: CollegeTopic | undefined; from?: string | undefined }, now: Date): Promise<PublicSlotView[]> {
  const commune = await prisma.commune.findUnique({ where: { inseeCode: input.communeInsee }, select: { inseeCode: true, epciCode: true } });
  if (!commune) throw new UserFacingError("BAD_REQUEST", "Commune : choisissez la commune du collège dans la liste.", { field: "communeInsee" });
  const from = input.from ? parisDayRange(input.from).start : now;
  const served: Prisma.CollegeSlotWhereInput[] = [
    { communeInsees: { isEmpty: true }, epciCodes: { isEmpty: true } },
    { communeInsees: { has: commune.inseeCode } },
    ...(commune.epciCode ? [{ epciCodes: { has: commune.epciCode } }] : []),
  ];
  const rows = await prisma.collegeSlot.findMany({
    where: {
      status: "open",
      startsAt: { gt: from.getTime() > now.getTime() ? from : now },
      OR: served,
      ...(input.topic ? { topics: { has: input.topic } } : {}),
    },
    orderBy: { startsAt: "asc" },
    take: MAX_LISTED,
  });
  const taken = await classesTakenBySlot(prisma, rows.map((r) => r.id));
  const area = await areaLabeller(prisma, rows);
  return rows.map((r) => publicView(r, taken.get(r.id) ?? 0, area(r), now));
}

/** One slot for the portal's booking page (withdrawn ones read as missing). */
export async function publicSlot(prisma: PrismaClient, slotId: string, now: Date): Promise<PublicSlotView> {
  const s = await prisma.collegeSlot.findUnique({ where: { id: slotId } });
  if (!s || s.status !== "open") throw notFound("Ce créneau");
  const taken = await classesTakenBySlot(prisma, [s.id]);
  const area = await areaLabeller(prisma, [s]);
  return publicView(s, taken.get(s.id) ?? 0, area(s), now);
}

/** Slots of a period for the coordination, with their counsellors and bookings. */
export async function staffSlots(prisma: PrismaClient, range: { from?: string | undefined; to?: string | undefined }, now: Date): Promise<StaffSlotView[]> {
  const start = range.from ? parisDayRange(range.from).start : new Date(now.getTime() - 7 * 86_400_000);
  const end = range.to ? parisDayRange(range.to).end : undefined;
  const rows = await prisma.collegeSlot.findMany({
    where: { startsAt: { gte: start, ...(end ? { lt: end } : {}) } },
    orderBy: { startsAt: "asc" },
    take: 500,
    include: {
      counsellors: { include: { counsellor: { select: { user: { select: { displayName: true } } } } } },
      sessions: {
        where: { status: { not: "cancelled" } },
        include: { classes: { select: { classId: true } }, request: { select: { id: true, establishmentName: true, status: true, commune: { select: { name: true } } } } },
      },
    },
  });
  const area = await areaLabeller(prisma, rows);
  return rows.map((r) => {
    const taken = r.sessions.reduce((n, s) => n + s.classes.length, 0);
    return {
      ...publicView(r, taken, area(r), now),
      status: r.status as StaffSlotView["status"],
      counsellors: r.counsellors.map((c) => c.counsellor.user.displayName).sort((a, b) => a.localeCompare(b, "fr")),
      bookings: r.sessions.map((s) => ({
        requestId: s.request.id,
        establishmentName: s.request.establishmentName,
        communeName: s.request.commune.name,
        classes: s.classes.length,
        status: s.request.status,
      })),
    };
  });
}
