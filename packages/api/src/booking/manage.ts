import type { Prisma, PrismaClient } from "@medianum/db";
import { canChangeRegistration, changeDeadline, maskContact, type ManageRegistrationView } from "@medianum/domain";
import type { ApiConfig } from "../shared/config.js";
import { UserFacingError } from "../shared/errors.js";
import { hashToken } from "../shared/tokens.js";
import { lockSession, promoteWaitlist, seatsTakenIn } from "./capacity.js";
import { SEAT_TX_OPTIONS } from "./book.js";
import { queueBookingEmail } from "./emails.js";
import { publicSessionInclude, toPublicSessionView } from "./queries.js";

type Config = Pick<ApiConfig, "publicUrl" | "cancellationDeadlineHours" | "mailFrom">;

/** Same answer for an unknown, mistyped or anonymised link: a link never tells whether others exist. */
const linkNotFound = () => new UserFacingError("NOT_FOUND", "Ce lien ne correspond à aucune inscription. Vérifiez qu'il est complet.");

/** The link shown on screen at booking, or one of the links e-mailed since (each has its own token). */
async function findByToken(prisma: PrismaClient | Prisma.TransactionClient, token: string) {
  const tokenHash = hashToken(token);
  const r = await prisma.registration.findFirst({
    where: { OR: [{ manageTokenHash: tokenHash }, { manageTokens: { some: { tokenHash } } }] },
    include: { session: { include: publicSessionInclude } },
  });
  if (!r || r.anonymisedAt) throw linkNotFound();
  return r;
}

export async function viewByToken(prisma: PrismaClient, config: Config, token: string, now: Date): Promise<ManageRegistrationView> {
  const r = await findByToken(prisma, token);
  const taken = await seatsTakenIn(prisma, r.sessionId);
  return {
    status: r.status as ManageRegistrationView["status"],
    seats: r.seats,
    firstName: r.firstName,
    contact: maskContact(r.email, r.phone),
    session: { ...toPublicSessionView(r.session, taken), status: r.session.status },
    changeDeadline: changeDeadline(r.session.startsAt, config.cancellationDeadlineHours),
    canChange: canChangeRegistration({ status: r.status, startsAt: r.session.startsAt, sessionStatus: r.session.status }, now, config.cancellationDeadlineHours),
  };
}

function assertChangeable(r: { status: string; session: { startsAt: Date; status: string } }, config: Config, now: Date) {
  if (r.status === "cancelled") throw new UserFacingError("CONFLICT", "Cette inscription est déjà annulée.");
  if (!canChangeRegistration({ status: r.status, startsAt: r.session.startsAt, sessionStatus: r.session.status }, now, config.cancellationDeadlineHours)) {
    throw new UserFacingError(
      "CONFLICT",
      `Il est trop tard pour modifier cette inscription en ligne (jusqu'à ${config.cancellationDeadlineHours} h avant la séance). Prévenez directement l'équipe de l'atelier.`,
    );
  }
}

/** The parent cancels with the link: seats freed go to the waitlist in the same transaction. */
export async function cancelByToken(prisma: PrismaClient, config: Config, token: string, now: Date) {
  return prisma.$transaction(async (tx) => {
    const first = await findByToken(tx, token);
    await lockSession(tx, first.sessionId);
    const r = await findByToken(tx, token); // re-read under the lock
    assertChangeable(r, config, now);
    await tx.registration.update({ where: { id: r.id }, data: { status: "cancelled", cancelledAt: now } });
    const sequence = await queueBookingEmail(tx, config, "cancelled_by_parent", r, r.session, now);
    await tx.registration.update({ where: { id: r.id }, data: { icsSequence: sequence } });
    const promoted = await promoteWaitlist(tx, r.sessionId, config, now);
    return { promoted: promoted.length };
  }, SEAT_TX_OPTIONS);
}

/** The parent gives back some seats (a family of 3 that will be 2). */
export async function reduceByToken(prisma: PrismaClient, config: Config, token: string, seats: number, now: Date) {
  return prisma.$transaction(async (tx) => {
    const first = await findByToken(tx, token);
    await lockSession(tx, first.sessionId);
    const r = await findByToken(tx, token);
    assertChangeable(r, config, now);
    if (seats >= r.seats) throw new UserFacingError("BAD_REQUEST", "Vous pouvez seulement réduire le nombre de places.", { field: "seats" });
    await tx.registration.update({ where: { id: r.id }, data: { seats } });
    const sequence = await queueBookingEmail(tx, config, "seats_reduced", { ...r, seats }, r.session, now);
    await tx.registration.update({ where: { id: r.id }, data: { icsSequence: sequence } });
    const promoted = await promoteWaitlist(tx, r.sessionId, config, now);
    return { promoted: promoted.length };
  }, SEAT_TX_OPTIONS);
}
