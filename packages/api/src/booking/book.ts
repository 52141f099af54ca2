import { Prisma, type PrismaClient } from "@medianum/db";
import { decideBooking, SEAT_HOLDING_STATUSES, seatsLeft, type BookingDecision } from "@medianum/domain";
import { UserFacingError } from "../shared/errors.js";
import { hashToken, newToken } from "../shared/tokens.js";
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
  source: "portal" | "staff";
}

export interface BookingOutcome {
  registrationId: string;
  status: Exclude<BookingDecision, "refused">;
  seats: number;
  manageToken: string;
  session: SessionWithPlace;
  seatsTaken: number;
}

/**
 * Books seats or joins the waitlist in one transaction that first locks the session's row, so
 * concurrent bookings of the same session are decided one after the other and never oversell.
 */
export async function bookSeats(prisma: PrismaClient, req: BookingRequest, now: Date): Promise<BookingOutcome> {
  const manageToken = newToken();
  return prisma.$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>(
        Prisma.sql`SELECT id FROM "WorkshopSession" WHERE id = ${req.sessionId}::uuid FOR UPDATE`,
      );
      if (locked.length === 0) throw new UserFacingError("NOT_FOUND", "Cette séance est introuvable.");
      const session = await tx.workshopSession.findFirst({
        where: { id: req.sessionId, ...bookableWhere(now) },
        include: publicSessionInclude,
      });
      if (!session) {
        throw new UserFacingError("CONFLICT", "Cette séance n'est plus ouverte aux inscriptions (annulée ou déjà passée).");
      }
      const agg = await tx.registration.aggregate({
        where: { sessionId: session.id, status: { in: [...SEAT_HOLDING_STATUSES] } },
        _sum: { seats: true },
      });
      const taken = agg._sum.seats ?? 0;
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
      return {
        registrationId: registration.id,
        status: decision,
        seats: req.seats,
        manageToken,
        session,
        seatsTaken: decision === "confirmed" ? taken + req.seats : taken,
      };
    },
    // Under a rush on one session, bookings queue on the row lock: give them time.
    { maxWait: 20_000, timeout: 30_000 },
  );
}
