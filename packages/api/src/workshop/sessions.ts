import type { PrismaClient } from "@medianum/db";
import {
  parisDayTimeToInstant,
  sessionCancelInput,
  sessionDuplicateInput,
  sessionInput,
  sessionUpdateInput,
  workshopInput,
  workshopUpdateInput,
} from "@medianum/domain";
import type { z } from "zod";
import { promoteWaitlist, lockSession, seatsTakenIn } from "../booking/capacity.js";
import { SEAT_TX_OPTIONS } from "../booking/book.js";
import { mailSessionInclude, queueBookingEmail } from "../booking/emails.js";
import type { ApiConfig } from "../shared/config.js";
import { UserFacingError } from "../shared/errors.js";

type Config = Pick<ApiConfig, "publicUrl" | "cancellationDeadlineHours" | "mailFrom">;

export async function createWorkshop(prisma: PrismaClient, input: z.output<typeof workshopInput>) {
  return prisma.workshop.create({ data: { ...input, whatToBring: input.whatToBring ?? null, contactEmail: input.contactEmail ?? null, contactPhone: input.contactPhone ?? null } });
}

export async function updateWorkshop(prisma: PrismaClient, input: z.output<typeof workshopUpdateInput>) {
  const { id, ...data } = input;
  const exists = await prisma.workshop.findUnique({ where: { id }, select: { id: true } });
  if (!exists) throw new UserFacingError("NOT_FOUND", "Cet atelier est introuvable.");
  return prisma.workshop.update({
    where: { id },
    data: { ...data, whatToBring: data.whatToBring ?? null, contactEmail: data.contactEmail ?? null, contactPhone: data.contactPhone ?? null },
  });
}

async function checkRefs(prisma: PrismaClient, placeId: string, counsellorIds: string[]) {
  const [place, counsellors] = await Promise.all([
    prisma.place.findUnique({ where: { id: placeId }, select: { id: true } }),
    prisma.counsellor.count({ where: { id: { in: counsellorIds } } }),
  ]);
  if (!place) throw new UserFacingError("BAD_REQUEST", "Ce lieu est introuvable.", { field: "placeId" });
  if (counsellors !== new Set(counsellorIds).size) throw new UserFacingError("BAD_REQUEST", "Un des conseillers choisis est introuvable.", { field: "counsellorIds" });
}

export async function createSession(prisma: PrismaClient, input: z.output<typeof sessionInput>, now: Date) {
  const { day: _d, time: _t, ...rest } = input;
  return insertSession(prisma, { ...rest, startsAt: parisDayTimeToInstant(input.day, input.time) }, now);
}

type NewSession = Omit<z.output<typeof sessionInput>, "day" | "time"> & { startsAt: Date };

async function insertSession(prisma: PrismaClient, input: NewSession, now: Date) {
  if (input.startsAt <= now) throw new UserFacingError("BAD_REQUEST", "La séance doit commencer dans le futur.", { field: "day" });
  const workshop = await prisma.workshop.findUnique({ where: { id: input.workshopId }, select: { id: true } });
  if (!workshop) throw new UserFacingError("NOT_FOUND", "Cet atelier est introuvable.");
  await checkRefs(prisma, input.placeId, input.counsellorIds);
  return prisma.workshopSession.create({
    data: {
      workshopId: input.workshopId,
      startsAt: input.startsAt,
      durationMinutes: input.durationMinutes,
      placeId: input.placeId,
      capacity: input.capacity,
      accessInfo: input.accessInfo ?? null,
      counsellors: { create: [...new Set(input.counsellorIds)].map((counsellorId) => ({ counsellorId })) },
    },
  });
}

/**
 * Edits a session under its lock. The capacity cannot go below the seats already confirmed
 * (cancel or move registrations first); raising it promotes the waitlist. When the date, time
 * or place changes, every registrant with an e-mail gets the updated invitation.
 */
export async function updateSession(prisma: PrismaClient, config: Config, input: z.output<typeof sessionUpdateInput>, now: Date) {
  const startsAt = parisDayTimeToInstant(input.day, input.time);
  await checkRefs(prisma, input.placeId, input.counsellorIds);
  return prisma.$transaction(async (tx) => {
    await lockSession(tx, input.id);
    const before = await tx.workshopSession.findUniqueOrThrow({ where: { id: input.id } });
    if (before.status === "cancelled") throw new UserFacingError("CONFLICT", "Cette séance est annulée : elle ne peut plus être modifiée.");
    const taken = await seatsTakenIn(tx, input.id);
    if (input.capacity < taken) {
      throw new UserFacingError("CONFLICT", `${taken} places sont déjà prises : la capacité ne peut pas descendre en dessous. Annulez ou déplacez d'abord des inscriptions.`, {
        field: "capacity",
        seatsTaken: taken,
      });
    }
    const updated = await tx.workshopSession.update({
      where: { id: input.id },
      data: {
        startsAt,
        durationMinutes: input.durationMinutes,
        placeId: input.placeId,
        capacity: input.capacity,
        accessInfo: input.accessInfo ?? null,
        counsellors: { deleteMany: {}, create: [...new Set(input.counsellorIds)].map((counsellorId) => ({ counsellorId })) },
        // A new date means a new reminder.
        ...(before.startsAt.getTime() !== startsAt.getTime() ? { reminderSentAt: null } : {}),
      },
      include: mailSessionInclude,
    });
    const changed =
      before.startsAt.getTime() !== startsAt.getTime() || before.placeId !== input.placeId || before.durationMinutes !== input.durationMinutes;
    if (changed) {
      const regs = await tx.registration.findMany({ where: { sessionId: input.id, status: { in: ["confirmed", "waitlisted"] } } });
      for (const r of regs) {
        const sequence = await queueBookingEmail(tx, config, "session_changed", r, updated, now);
        if (sequence !== r.icsSequence) await tx.registration.update({ where: { id: r.id }, data: { icsSequence: sequence } });
      }
    }
    const promoted = await promoteWaitlist(tx, input.id, config, now);
    return { id: updated.id, promoted: promoted.length, notified: changed };
  }, SEAT_TX_OPTIONS);
}

/** Copies a session (place, capacity, counsellors, access) to a new date, without its registrations. */
export async function duplicateSession(prisma: PrismaClient, input: z.output<typeof sessionDuplicateInput>, now: Date) {
  const s = await prisma.workshopSession.findUnique({ where: { id: input.id }, include: { counsellors: true } });
  if (!s) throw new UserFacingError("NOT_FOUND", "Cette séance est introuvable.");
  return insertSession(
    prisma,
    {
      workshopId: s.workshopId,
      startsAt: parisDayTimeToInstant(input.day, input.time),
      durationMinutes: s.durationMinutes,
      placeId: s.placeId,
      capacity: s.capacity,
      counsellorIds: s.counsellors.map((c) => c.counsellorId),
      accessInfo: s.accessInfo ?? undefined,
    },
    now,
  );
}

/** Cancels a session and tells every registrant (confirmed and waitlisted), in one transaction. */
export async function cancelSession(prisma: PrismaClient, config: Config, input: z.output<typeof sessionCancelInput>, now: Date) {
  return prisma.$transaction(async (tx) => {
    await lockSession(tx, input.id);
    const s = await tx.workshopSession.findUniqueOrThrow({ where: { id: input.id }, include: mailSessionInclude });
    if (s.status === "cancelled") throw new UserFacingError("CONFLICT", "Cette séance est déjà annulée.");
    if (s.status === "done") throw new UserFacingError("CONFLICT", "Cette séance a déjà eu lieu.");
    await tx.workshopSession.update({ where: { id: s.id }, data: { status: "cancelled", cancelledAt: now, cancelReason: input.reason } });
    const regs = await tx.registration.findMany({ where: { sessionId: s.id, status: { in: ["confirmed", "waitlisted"] } } });
    for (const r of regs) {
      const sequence = await queueBookingEmail(tx, config, "session_cancelled", r, s, now, { reason: input.reason });
      await tx.registration.update({ where: { id: r.id }, data: { status: "cancelled", cancelledAt: now, icsSequence: sequence } });
    }
    return { notified: regs.filter((r) => r.email).length, toCall: regs.filter((r) => !r.email).length, registrations: regs.length };
  }, SEAT_TX_OPTIONS);
}
