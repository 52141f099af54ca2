import type { Prisma, PrismaClient } from "@medianum/db";
import { slotsOverlap, type CounsellorConflict } from "@medianum/domain";

type Db = PrismaClient | Prisma.TransactionClient;

export interface Slot {
  startsAt: Date;
  durationMinutes: number;
  counsellorIds: readonly string[];
}

/** Longest thing a counsellor can be busy with; bounds the search window before a slot. */
const LONGEST_MINUTES = 12 * 60;

/**
 * Workshop and collège sessions (not cancelled) already assigned to the slots' counsellors at an
 * overlapping time. Only a warning: the coordinator may confirm anyway.
 */
export async function findCounsellorConflicts(db: Db, slots: readonly Slot[], excludeCollegeSessionIds: readonly string[] = []): Promise<CounsellorConflict[]> {
  const out: CounsellorConflict[] = [];
  for (const [sessionIndex, slot] of slots.entries()) {
    if (slot.counsellorIds.length === 0) continue;
    const end = new Date(slot.startsAt.getTime() + slot.durationMinutes * 60_000);
    const window = { gt: new Date(slot.startsAt.getTime() - LONGEST_MINUTES * 60_000), lt: end };
    const ids = [...slot.counsellorIds];
    const [workshops, colleges, openSlots] = await Promise.all([
      db.workshopSessionCounsellor.findMany({
        where: { counsellorId: { in: ids }, session: { status: { not: "cancelled" }, startsAt: window } },
        include: {
          session: { select: { startsAt: true, durationMinutes: true, workshop: { select: { title: true } } } },
          counsellor: { select: { user: { select: { displayName: true } } } },
        },
      }),
      db.collegeSessionCounsellor.findMany({
        where: {
          counsellorId: { in: ids },
          sessionId: { notIn: [...excludeCollegeSessionIds] },
          session: { status: { not: "cancelled" }, startsAt: window },
        },
        include: {
          session: { select: { startsAt: true, durationMinutes: true, request: { select: { establishmentName: true } } } },
          counsellor: { select: { user: { select: { displayName: true } } } },
        },
      }),
      // Published slots still waiting for a collège hold the counsellor too; booked ones are their sessions above.
      db.collegeSlotCounsellor.findMany({
        where: {
          counsellorId: { in: ids },
          slot: { status: "open", startsAt: window, sessions: { none: { status: { not: "cancelled" } } } },
        },
        include: {
          slot: { select: { startsAt: true, durationMinutes: true } },
          counsellor: { select: { user: { select: { displayName: true } } } },
        },
      }),
    ]);
    for (const w of workshops) {
      if (!slotsOverlap(slot, w.session)) continue;
      out.push({
        sessionIndex,
        counsellorId: w.counsellorId,
        counsellorName: w.counsellor.user.displayName,
        kind: "workshop",
        title: w.session.workshop.title,
        startsAt: w.session.startsAt,
        durationMinutes: w.session.durationMinutes,
      });
    }
    for (const c of colleges) {
      if (!slotsOverlap(slot, c.session)) continue;
      out.push({
        sessionIndex,
        counsellorId: c.counsellorId,
        counsellorName: c.counsellor.user.displayName,
        kind: "college",
        title: `Sensibilisation — ${c.session.request.establishmentName}`,
        startsAt: c.session.startsAt,
        durationMinutes: c.session.durationMinutes,
      });
    }
    for (const s of openSlots) {
      if (!slotsOverlap(slot, s.slot)) continue;
      out.push({
        sessionIndex,
        counsellorId: s.counsellorId,
        counsellorName: s.counsellor.user.displayName,
        kind: "slot",
        title: "Créneau collèges publié, pas encore réservé",
        startsAt: s.slot.startsAt,
        durationMinutes: s.slot.durationMinutes,
      });
    }
  }
  return out.sort((a, b) => a.sessionIndex - b.sessionIndex || a.startsAt.getTime() - b.startsAt.getTime());
}
