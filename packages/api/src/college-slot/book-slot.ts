import { Prisma, type PrismaClient } from "@medianum/db";
import { bookSlotInput, classLevels, collegeTopics, instantToParisDay, slotBookingRefusal, slotServes } from "@medianum/domain";
import type { z } from "zod";
import { queueCollegeInvitations } from "../college/invitations.js";
import { collegeDetailsData } from "../college/request-data.js";
import { notifyCollege, statusSubject } from "../college/notify.js";
import type { ApiConfig } from "../shared/config.js";
import { notFound, UserFacingError } from "../shared/errors.js";
import { hashToken, newToken } from "../shared/tokens.js";

type Input = z.output<typeof bookSlotInput>;

/** Transactions that wait on a slot's lock when collèges rush for its last classes: give them time. */
const SLOT_TX_OPTIONS = { maxWait: 20_000, timeout: 30_000 } as const;

/**
 * A collège books a published slot for its classes. The slot's row is locked for the rest of the
 * transaction (as a workshop session's is for seats), and the classes already booked are counted
 * in a statement run after the lock is granted, so two collèges racing for the last place are
 * decided one after the other and the capacity is never exceeded.
 *
 * The booking is the same thing downstream as a triaged request: a CollegeRequest "Programmée"
 * with its classes and tracking link, and one CollegeSession on the slot's date with the slot's
 * counsellors; the collège gets the usual e-mail, everyone the calendar invitation.
 */
export async function bookSlot(prisma: PrismaClient, input: Input, config: Pick<ApiConfig, "publicUrl" | "mailFrom">, now: Date) {
  const commune = await prisma.commune.findUnique({ where: { inseeCode: input.communeInsee }, select: { inseeCode: true, epciCode: true, name: true } });
  if (!commune) {
    throw new UserFacingError("BAD_REQUEST", "Commune : choisissez la commune de l'établissement dans la liste.", { field: "communeInsee" });
  }
  const token = newToken();
  const result = await prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT id FROM "CollegeSlot" WHERE id = ${input.slotId}::uuid FOR UPDATE`);
    if (locked.length === 0) throw notFound("Ce créneau");
    const slot = await tx.collegeSlot.findUniqueOrThrow({ where: { id: input.slotId }, include: { counsellors: { select: { counsellorId: true } } } });
    // Counted after the lock is granted: this statement sees every booking committed before.
    const classesTaken = await tx.collegeSessionClass.count({ where: { session: { slotId: slot.id, status: { not: "cancelled" } } } });
    const refusal = slotBookingRefusal({ ...slot, classesTaken }, input.classes.length, now);
    if (refusal) throw new UserFacingError("CONFLICT", refusal.message, { reason: refusal.reason, classesLeft: Math.max(0, slot.capacityClasses - classesTaken) });
    if (!slotServes(slot, commune)) {
      throw new UserFacingError("BAD_REQUEST", `Ce créneau n'est pas proposé aux collèges de cette commune (${commune.name}) : choisissez un autre créneau, ou faites une demande de séance.`, {
        field: "communeInsee",
      });
    }
    const offered = new Set(slot.topics);
    const notOffered = input.topics.filter((t) => !offered.has(t));
    if (notOffered.length > 0) {
      throw new UserFacingError(
        "BAD_REQUEST",
        `Sujets : ce créneau ne propose pas « ${notOffered.map((t) => collegeTopics.label(t)).join(" », « ")} » ; décochez-les.`,
        { field: "topics" },
      );
    }

    const day = instantToParisDay(slot.startsAt);
    const request = await tx.collegeRequest.create({
      data: {
        ...collegeDetailsData(input, now),
        // The slot's day is the period the collège chose.
        periods: [{ from: day, to: day }],
        status: "scheduled",
        trackingTokenHash: hashToken(token),
        events: { create: { fromStatus: null, toStatus: "scheduled", actorType: "college", reason: "Créneau réservé sur le portail", createdAt: now } },
      },
      include: { classes: true },
    });
    const session = await tx.collegeSession.create({
      data: {
        requestId: request.id,
        slotId: slot.id,
        startsAt: slot.startsAt,
        durationMinutes: slot.durationMinutes,
        status: "scheduled",
        createdAt: now,
        updatedAt: now,
        classes: { create: request.classes.map((c) => ({ classId: c.id })) },
        counsellors: { create: slot.counsellors.map((c) => ({ counsellorId: c.counsellorId })) },
      },
    });
    await notifyCollege(
      tx,
      {
        requestId: request.id,
        to: input.email,
        establishmentName: input.establishmentName,
        subject: statusSubject("scheduled"),
        paragraphs: [
          `Votre réservation est enregistrée : la séance de sensibilisation du ${input.establishmentName} (${commune.name}) est programmée. Statut de votre demande : Programmée.`,
          `Sujets : ${input.topics.map((t) => (t === "other" ? `${collegeTopics.label(t)} (${input.otherTopic})` : collegeTopics.label(t))).join(", ")}`,
          "La séance :",
        ],
        sessions: [
          {
            startsAt: slot.startsAt,
            durationMinutes: slot.durationMinutes,
            room: null,
            classes: request.classes.map((c) => c.name ?? classLevels.label(c.level as "6e")),
          },
        ],
      },
      config.publicUrl,
      now,
    );
    await queueCollegeInvitations(tx, config, [session.id], "REQUEST", now);
    return { requestId: request.id, sessionId: session.id };
  }, SLOT_TX_OPTIONS);
  return { requestId: result.requestId, trackingToken: token, email: input.email };
}
