import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@medianum/db";
import { bookingClosesAt, expandSlotPattern, formatDateTime, publishSlotsInput, slotStartsAt, type PublishSlotsResult } from "@medianum/domain";
import type { z } from "zod";
import { findCounsellorConflicts } from "../college/conflicts.js";
import { UserFacingError } from "../shared/errors.js";

type Input = z.output<typeof publishSlotsInput>;
type Conflict = Extract<PublishSlotsResult, { outcome: "conflicts" }>["conflicts"][number];

/**
 * Publishes every slot of a bulk pattern at once. The counsellors' agendas are checked as
 * scheduling does (workshops, collège sessions, the slots already published for them); when
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
    // Workshops, collège sessions and the slots already published for these counsellors.
    const conflicts: Conflict[] = (await findCounsellorConflicts(tx, slots)).map((c) => ({
      slotIndex: c.sessionIndex,
      counsellorName: c.counsellorName,
      kind: c.kind,
      title: c.kind === "slot" ? `Créneau collèges déjà publié (${formatDateTime(c.startsAt)})` : c.title,
      startsAt: c.startsAt,
      durationMinutes: c.durationMinutes,
    }));
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
