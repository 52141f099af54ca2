import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@medianum/db";
import { attendanceInput, checkInRefusal, countPresent, dayToDateColumn, instantToParisDay, markRefusal, type AttendanceSheetView } from "@medianum/domain";
import type { z } from "zod";
import { UserFacingError } from "../shared/errors.js";
import { hashToken, newToken } from "../shared/tokens.js";
import { SEAT_TX_OPTIONS } from "./book.js";
import { lockSession } from "./capacity.js";

type Tx = Prisma.TransactionClient;
export type AttendanceAction = z.output<typeof attendanceInput>;

async function assignedSession(db: PrismaClient | Tx, counsellorId: string, sessionId: string) {
  const session = await db.workshopSession.findFirst({
    where: { id: sessionId, counsellors: { some: { counsellorId } } },
    include: { workshop: true, place: { include: { commune: true } } },
  });
  // Same message whether the session does not exist or is someone else's: no probing.
  if (!session) throw new UserFacingError("NOT_FOUND", "Cette séance ne fait pas partie de vos séances.");
  return session;
}

/** The registration list of one of my sessions, for check-in. */
export async function attendanceSheet(prisma: PrismaClient, counsellorId: string, sessionId: string): Promise<AttendanceSheetView> {
  const s = await assignedSession(prisma, counsellorId, sessionId);
  const regs = await prisma.registration.findMany({
    where: { sessionId, status: { not: "cancelled" } },
    orderBy: [{ arrival: "asc" }],
  });
  return {
    session: {
      id: s.id,
      title: s.workshop.title,
      startsAt: s.startsAt,
      durationMinutes: s.durationMinutes,
      capacity: s.capacity,
      status: s.status,
      place: { name: s.place.name, communeName: s.place.commune.name },
    },
    registrations: regs.map((r) => ({ id: r.id, firstName: r.firstName, lastName: r.lastName, seats: r.seats, status: r.status, source: r.source, need: r.need })),
    presentCount: countPresent(regs),
  };
}

/**
 * Records one attendance action (present / absent / walk-in) for a session I run, and updates the
 * session's collective activity record (one per session) with the number of people present.
 * Idempotent: marking twice gives the same state; a walk-in replayed with the same clientId
 * (offline sync retry) returns the registration created the first time.
 * Walk-ins are counted even beyond the capacity: they are people already in the room; the
 * capacity rule is about bookings, which close when the session starts.
 */
export async function recordAttendance(prisma: PrismaClient, counsellorId: string, rawInput: unknown, now: Date) {
  const input = attendanceInput.parse(rawInput);
  return prisma.$transaction(async (tx) => {
    const session = await assignedSession(tx, counsellorId, input.sessionId);
    await lockSession(tx, session.id);
    // The device checks the same rule before queueing: what it accepts, this accepts.
    const closed = checkInRefusal(session, now);
    if (closed) throw new UserFacingError("CONFLICT", closed.message);

    let registrationId: string;
    let status: string;
    if (input.kind === "mark") {
      const r = await tx.registration.findFirst({ where: { id: input.registrationId, sessionId: session.id } });
      const refused = markRefusal(r);
      if (refused || !r) throw new UserFacingError(r ? "CONFLICT" : "NOT_FOUND", refused!.message);
      status = input.mark === "present" ? "attended" : "no_show";
      if (r.status !== status) {
        await tx.registration.update({ where: { id: r.id }, data: { status, checkedInAt: input.mark === "present" ? now : null } });
      }
      registrationId = r.id;
    } else {
      const existing = await tx.registration.findUnique({ where: { clientId: input.clientId } });
      if (existing) {
        if (existing.sessionId !== session.id) throw new UserFacingError("CONFLICT", "Cet identifiant de pointage est déjà utilisé pour une autre séance.");
        registrationId = existing.id;
        status = existing.status;
      } else {
        const created = await tx.registration.create({
          data: {
            sessionId: session.id,
            status: "attended",
            seats: input.seats,
            firstName: input.firstName,
            lastName: input.lastName,
            consentAt: now,
            manageTokenHash: hashToken(newToken()),
            source: "walk_in",
            clientId: input.clientId,
            checkedInAt: now,
            createdAt: now,
          },
        });
        registrationId = created.id;
        status = created.status;
      }
    }

    const regs = await tx.registration.findMany({ where: { sessionId: session.id }, select: { status: true, seats: true } });
    const presentCount = countPresent(regs);
    const record = await upsertSessionRecord(tx, session, counsellorId, presentCount);
    if (session.status === "scheduled" && presentCount > 0 && session.startsAt <= now) {
      await tx.workshopSession.update({ where: { id: session.id }, data: { status: "done" } });
    }
    return { registrationId, status, presentCount, activityRecordId: record.id };
  }, SEAT_TX_OPTIONS);
}

/** The collective activity record of a workshop session: created on the first check-in, then kept up to date. */
async function upsertSessionRecord(
  tx: Tx,
  session: { id: string; startsAt: Date; durationMinutes: number; placeId: string; workshop: { title: string }; place: { communeInsee: string } },
  counsellorId: string,
  presentCount: number,
) {
  const existing = await tx.activityRecord.findUnique({ where: { workshopSessionId: session.id } });
  if (existing) {
    if (existing.participantsCount === presentCount) return existing;
    return tx.activityRecord.update({ where: { id: existing.id }, data: { participantsCount: presentCount, version: { increment: 1 } } });
  }
  return tx.activityRecord.create({
    data: {
      id: randomUUID(),
      counsellorId,
      type: "Collectif",
      date: dayToDateColumn(instantToParisDay(session.startsAt)),
      durationMinutes: session.durationMinutes,
      locationType: "LieuActivite",
      placeId: session.placeId,
      communeInsee: session.place.communeInsee,
      themes: ["Parentalite"],
      administrativeThemes: [],
      equipment: [],
      workshopTitle: session.workshop.title,
      participantsCount: presentCount,
      workshopSessionId: session.id,
    },
  });
}
