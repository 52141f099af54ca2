import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@medianum/db";
import { bookingClosesAt, expandSlotPattern, formatDateTime, publishSlotsInput, slotStartsAt, slotsOverlap, type PublishSlotsResult } from "@medianum/domain";
import type { z } from "zod";
import { findCounsellorConflicts } from "../college/conflicts.js";
import { UserFacingError } from "../shared/errors.js";

type Input = z.output<typeof publishSlotsInput>;
type Conflict = Extract<PublishSlotsResult, { outcome: "conflicts" }>["conflicts"][number];
type Db = PrismaClient | Prisma.TransactionClient;

/** Longest slot; bounds the search window before a new slot. */
const LONGEST_SLOT_MINUTES = 4 * 60;

/**
 * Open slots already published for the same counsellors at an overlapping time: a counsellor
 * cannot be offered twice at once, even before anyone booked.
 */
async function slotConflicts(db: Db, slots: readonly { startsAt: Date; durationMinutes: number; counsellorIds: readonly string[] }[]): Promise<Conflict[]> {
  if (slots.length === 0) return [];
  const first = slots[0]!.startsAt.getTime();
  const last = slots.at(-1)!.startsAt.getTime();
  const existing = await db.collegeSlotCounsellor.findMany({
    where: {
      counsellorId: { in: [...new Set(slots.flatMap((s) => s.counsellorIds))] },
      slot: { status: "open", startsAt: { gt: new Date(first - LONGEST_SLOT_MINUTES * 60_000), lt: new Date(last + LONGEST_SLOT_MINUTES * 60_000) } },
    },
    include: { slot: { select: { startsAt: true, durationMinutes: true } }, counsellor: { select: { user: { select: { displayName: true } } } } },
  });
  const out: Conflict[] = [];
  for (const [slotIndex, s] of slots.entries()) {
    for (const e of existing) {
      if (!s.counsellorIds.includes(e.counsellorId) || !slotsOverlap(s, e.slot)) continue;
      out.push({
        slotIndex,
        counsellorName: e.counsellor.user.displayName,
        title: `Créneau collèges déjà publié (${formatDateTime(e.slot.startsAt)})`,
        startsAt: e.slot.startsAt,
        durationMinutes: e.slot.durationMinutes,
      });
    }
  }
  return out;
}

/**
 * Publishes every slot of a bulk pattern at once. The counsellors' agendas are checked as
 * scheduling does (workshops, collège sessions) plus the slots already published for them; when
 * something overlaps and the coordinator has not confirmed, nothing is written and the list is
 * returned.
 */
export async function publishSlots(prisma: PrismaClient, staffUserId: string, input: Input, now: Date): Promise<PublishSlotsResult> {
  const pattern = expandSlotPattern(input);
  if (pattern.length === 0) {
    throw new UserFacingError("BAD_REQUEST", "Aucun jour coché ne tombe entre ces deux dates : changez les jours ou la période.", { field: "weekdays" });
  }
  if (pattern.length > 200) {
    throw new UserFacingError("BAD_REQUEST", `Cette publication ferait ${pattern.length} créneaux : 200 au plus à la fois ; raccourcissez la période.`, { field: "to" });
  }
  const slots = pattern
    .map((p) => ({ ...p, startsAt: slotStartsAt(p), durationMinutes: input.durationMinutes, counsellorIds: input.counsellorIds }))
    .filter((s) => s.startsAt.getTime() > now.getTime());
  if (slots.length === 0) {
    throw new UserFacingError("BAD_REQUEST", "Toutes ces dates sont passées : choisissez une période à venir.", { field: "from" });
  }
  return prisma.$transaction(async (tx) => {
    const found = await tx.counsellor.count({ where: { id: { in: input.counsellorIds }, user: { disabledAt: null } } });
    if (found !== new Set(input.counsellorIds).size) {
      throw new UserFacingError("BAD_REQUEST", "Un des conseillers choisis est introuvable ou désactivé.", { field: "counsellorIds" });
    }
    if (input.communeInsees.length > 0) {
      const n = await tx.commune.count({ where: { inseeCode: { in: input.communeInsees } } });
      if (n !== new Set(input.communeInsees).size) throw new UserFacingError("BAD_REQUEST", "Une des communes choisies est inconnue : choisissez-les dans la liste.", { field: "communeInsees" });
    }
    if (input.epciCodes.length > 0) {
      const n = await tx.epci.count({ where: { code: { in: input.epciCodes } } });
      if (n !== new Set(input.epciCodes).size) throw new UserFacingError("BAD_REQUEST", "Une des intercommunalités choisies est inconnue : choisissez-les dans la liste.", { field: "epciCodes" });
    }
    const agenda = await findCounsellorConflicts(tx, slots);
    const conflicts: Conflict[] = [
      ...agenda.map((c) => ({ slotIndex: c.sessionIndex, counsellorName: c.counsellorName, title: c.title, startsAt: c.startsAt, durationMinutes: c.durationMinutes })),
      ...(await slotConflicts(tx, slots)),
    ].sort((a, b) => a.slotIndex - b.slotIndex || a.startsAt.getTime() - b.startsAt.getTime());
    if (conflicts.length > 0 && !input.confirmConflicts) {
      return { outcome: "conflicts" as const, slots: slots.map((s) => ({ day: s.day, time: s.time })), conflicts };
    }
    const batchId = randomUUID();
    const slotIds: string[] = [];
    for (const s of slots) {
      const created = await tx.collegeSlot.create({
        data: {
          startsAt: s.startsAt,
          durationMinutes: input.durationMinutes,
          topics: input.topics,
          capacityClasses: input.capacityClasses,
          communeInsees: [...new Set(input.communeInsees)],
          epciCodes: [...new Set(input.epciCodes)],
          bookingClosesAt: bookingClosesAt(s.day, input.deadlineDays),
          status: "open",
          batchId,
          createdById: staffUserId,
          createdAt: now,
          updatedAt: now,
          counsellors: { create: [...new Set(input.counsellorIds)].map((counsellorId) => ({ counsellorId })) },
        },
        select: { id: true },
      });
      slotIds.push(created.id);
    }
    return { outcome: "published" as const, count: slotIds.length, slotIds };
  });
}
