import type { PrismaClient } from "@medianum/db";
import {
  bookingContact,
  contactSeatsRefusal,
  decideBooking,
  decideContactSeats,
  seatsLeft,
  type BookingDecision,
  type RegistrationSource,
} from "@medianum/domain";
import type { ApiConfig } from "../shared/config.js";
import { UserFacingError } from "../shared/errors.js";
import { hashToken, newToken } from "../shared/tokens.js";
import { lockSession, seatsTakenAndHeldBy } from "./capacity.js";
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
 * concurrent bookings of the same session are decided one after the other and never oversell,
 * nor give one e-mail or phone more than its share of seats (MAX_SEATS_PER_CONTACT).
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
    const contact = bookingContact(req);
    const { taken, held } = await seatsTakenAndHeldBy(tx, session.id, contact);
    // Decided under the session's lock: two bookings with one e-mail at once are counted in turn.
    const share = decideContactSeats(held, req.seats);
    if (!share.ok) {
      throw new UserFacingError("CONFLICT", contactSeatsRefusal(share, req.source === "staff" ? "staff" : "parent"), {
        seatsHeld: share.held,
        seatsStillAllowed: share.stillAllowed,
      });
    }
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
        email: contact.email,
        phone: contact.phone,
        need: req.need ?? null,
        consentAt: now,
        manageTokenHash: hashToken(manageToken),
        source: req.source,
        createdAt: now,
      },
    });
    await queueBookingEmail(tx, config, decision, registration, { ...session, workshop: session.workshop }, now, { withManageLink: true });
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
