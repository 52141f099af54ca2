import type { PrismaClient } from "@medianum/db";
import { decideBooking, seatsLeft, type BookingDecision, type RegistrationSource } from "@medianum/domain";
import type { ApiConfig } from "../shared/config.js";
import { UserFacingError } from "../shared/errors.js";
import { hashToken, newToken } from "../shared/tokens.js";
import { lockSession, seatsTakenIn } from "./capacity.js";
import { queueBookingEmail } from "./emails.js";
import { bookableWhere, publicSessionInclude, type SessionWithPlace } from "./queries.js";

export interface BookingRequest {
  sessionId: string;
  firstName: string;
  lastName: string;
  email?: string | undefined;
  phone?: string | undefined;
  seats: number;
  need?: string | undefined;
  acceptWaitlist: boolean;
  source: Exclude<RegistrationSource, "walk_in">;
}

export interface BookingOutcome {
  registrationId: string;
  status: Exclude<BookingDecision, "refused">;
  seats: number;
  manageToken: string;
  session: SessionWithPlace;
  seatsTaken: number;
}

/** Interactive transactions that wait on a session's lock under a rush: give them time. */
export const SEAT_TX_OPTIONS = { maxWait: 20_000, timeout: 30_000 } as const;

/**
 * Books seats or joins the waitlist in one transaction that first locks the session's row, so
 * concurrent bookings of the same session are decided one after the other and never oversell.
 * The confirmation (or waitlist) e-mail is queued in the same transaction.
 */
export async function bookSeats(
  prisma: PrismaClient,
  config: Pick<ApiConfig, "publicUrl" | "cancellationDeadlineHours">,
  req: BookingRequest,
  now: Date,
): Promise<BookingOutcome> {
  const manageToken = newToken();
  return prisma.$transaction(async (tx) => {
    await lockSession(tx, req.sessionId);
    const session = await tx.workshopSession.findFirst({
      where: { id: req.sessionId, ...(req.source === "staff" ? { status: "scheduled" } : bookableWhere(now)) },
      include: publicSessionInclude,
    });
    if (!session) {
      throw new UserFacingError("CONFLICT", "Cette séance n'est plus ouverte aux inscriptions (annulée ou déjà passée).");
    }
    const taken = await seatsTakenIn(tx, session.id);
    const decision = decideBooking({
      capacity: session.capacity,
      seatsTaken: taken,
      seatsRequested: req.seats,
      acceptWaitlist: req.acceptWaitlist,
    });
    if (decision === "refused") {
      const left = seatsLeft(session.capacity, taken);
      throw new UserFacingError(
        "CONFLICT",
        left === 0
          ? "Cette séance est complète : il ne reste pas assez de places."
          : `Cette séance est complète : il ne reste pas assez de places (${left} restante${left > 1 ? "s" : ""}).`,
        { seatsLeft: left },
      );
    }
    const registration = await tx.registration.create({
      data: {
        sessionId: session.id,
        status: decision,
        seats: req.seats,
        firstName: req.firstName,
        lastName: req.lastName,
        email: req.email || null,
        phone: req.phone || null,
        need: req.need ?? null,
        consentAt: now,
        manageTokenHash: hashToken(manageToken),
        source: req.source,
        createdAt: now,
      },
    });
    await queueBookingEmail(tx, config, decision, registration, { ...session, workshop: session.workshop }, now, { manageToken });
    return {
      registrationId: registration.id,
      status: decision,
      seats: req.seats,
      manageToken,
      session,
      seatsTaken: decision === "confirmed" ? taken + req.seats : taken,
    };
  }, SEAT_TX_OPTIONS);
}
