import { randomUUID } from "node:crypto";
import type { RawSql, RawTx } from "@medianum/db";
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
import { outboxRow } from "../mail/outbox.js";
import { SEATS_TAKEN_AND_HELD_SQL } from "./capacity.js";
import { composeBookingEmail, type MailSession } from "./emails.js";
import { isBookable, type PublicSessionSource } from "./queries.js";

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

/** The session as the booking reads it (with its lock): its public view and its e-mails. */
export type BookedSession = PublicSessionSource &
  MailSession & {
    status: string;
    workshop: { isPublic: boolean };
  };

export interface BookingOutcome {
  registrationId: string;
  status: Exclude<BookingDecision, "refused">;
  seats: number;
  manageToken: string;
  session: BookedSession;
  seatsTaken: number;
}

/** Interactive transactions that wait on a session's lock under a rush: give them time. */
export const SEAT_TX_OPTIONS = { maxWait: 20_000, timeout: 30_000 } as const;

/**
 * Locks the session's row (as lockSession does) and reads what the booking needs of it, joins
 * included, in one statement. The seats are summed in the next statement, not here: a statement's
 * snapshot is taken before it waits for the lock, so a sum in this one would miss the bookings
 * committed by the transaction it waited for.
 */
const LOCK_SESSION_SQL = `
  SELECT s.id, s."workshopId", s."startsAt", s."durationMinutes", s.capacity, s.status, s."accessInfo",
         w.title, w.theme, w.description, w."whatToBring", w."contactEmail", w."contactPhone", w."isPublic",
         p.id AS "placeId", p.name AS "placeName", p.address, p."postalCode", p."accessInfo" AS "placeAccessInfo",
         c.name AS "communeName"
  FROM "WorkshopSession" s
  JOIN "Workshop" w ON w.id = s."workshopId"
  JOIN "Place" p ON p.id = s."placeId"
  JOIN "Commune" c ON c."inseeCode" = p."communeInsee"
  WHERE s.id = $1::uuid
  FOR UPDATE OF s`;

interface LockedRow {
  id: string;
  workshopId: string;
  startsAt: Date | string;
  durationMinutes: number;
  capacity: number;
  status: string;
  accessInfo: string | null;
  title: string;
  theme: string;
  description: string;
  whatToBring: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  isPublic: boolean;
  placeId: string;
  placeName: string;
  address: string;
  postalCode: string;
  placeAccessInfo: string | null;
  communeName: string;
}

function toBookedSession(r: LockedRow): BookedSession {
  return {
    id: r.id,
    workshopId: r.workshopId,
    startsAt: new Date(r.startsAt),
    durationMinutes: r.durationMinutes,
    capacity: r.capacity,
    status: r.status,
    accessInfo: r.accessInfo,
    workshop: {
      title: r.title,
      theme: r.theme,
      description: r.description,
      whatToBring: r.whatToBring,
      contactEmail: r.contactEmail,
      contactPhone: r.contactPhone,
      isPublic: r.isPublic,
    },
    place: { id: r.placeId, name: r.placeName, address: r.address, postalCode: r.postalCode, accessInfo: r.placeAccessInfo, commune: { name: r.communeName } },
  };
}

const INSERT_REGISTRATION = `
  INSERT INTO "Registration" (id, "sessionId", status, seats, "firstName", "lastName", email, phone, need, "consentAt", "manageTokenHash", source, "createdAt", "updatedAt")
  VALUES ($1::uuid, $2::uuid, $3::text, $4::int, $5::text, $6::text, $7::text, $8::text, $9::text, $10::timestamptz, $11::text, $12::text, $10::timestamptz, $10::timestamptz)`;

/** The registration and its e-mail in one statement: the outbox row is written if and only if the registration is. */
const INSERT_REGISTRATION_AND_EMAIL = `
  WITH registration AS (${INSERT_REGISTRATION} RETURNING id)
  INSERT INTO "OutboxEmail" (id, "to", subject, text, html, ics, "dedupeKey", "linkKind", "linkTargetId", "linkPrefix", "replyTo", "createdAt")
  SELECT $13::uuid, $14::text, $15::text, $16::text, $17::text, $18::text, $19::text, $20::text, $21::uuid, $22::text, $23::text, $10::timestamptz
  FROM registration`;

/**
 * Books seats or joins the waitlist in one transaction that first locks the session's row, so
 * concurrent bookings of the same session are decided one after the other and never oversell,
 * nor give one e-mail or phone more than its share of seats (MAX_SEATS_PER_CONTACT).
 * The confirmation (or waitlist) e-mail is queued in the same transaction.
 * Three statements between BEGIN and COMMIT (lock and read, sums, inserts), in raw SQL and two
 * round trips on PostgreSQL: this is the product's busiest write, and Prisma's query compiler
 * cost more than the database here.
 */
export async function bookSeats(
  raw: RawSql,
  config: Pick<ApiConfig, "publicUrl" | "cancellationDeadlineHours" | "mailFrom">,
  req: BookingRequest,
  now: Date,
): Promise<BookingOutcome> {
  const manageToken = newToken();
  const manageTokenHash = hashToken(manageToken);
  const registrationId = randomUUID();
  const contact = bookingContact(req);
  return raw.transaction(async (tx: RawTx) => {
    // One round trip on PostgreSQL (BEGIN, lock and read, sums): the sums' statement starts once
    // the lock is held, so its snapshot has every booking committed before.
    const [locked, sumRows] = (await tx.batch([
      [LOCK_SESSION_SQL, [req.sessionId]],
      [SEATS_TAKEN_AND_HELD_SQL, [req.sessionId, contact.email, contact.phone]],
    ])) as [LockedRow[], Array<{ taken: number; held: number }>];
    const row = locked[0];
    if (!row) throw new UserFacingError("NOT_FOUND", "Cette séance est introuvable.");
    const session = toBookedSession(row);
    if (req.source === "staff" ? session.status !== "scheduled" : !isBookable(session, now)) {
      throw new UserFacingError("CONFLICT", "Cette séance n'est plus ouverte aux inscriptions (annulée ou déjà passée).");
    }
    const { taken, held } = sumRows[0]!;
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
    const registration = [
      registrationId,
      session.id,
      decision,
      req.seats,
      req.firstName,
      req.lastName,
      contact.email,
      contact.phone,
      req.need ?? null,
      now,
      manageTokenHash,
      req.source,
    ];
    const mail = composeBookingEmail(
      config,
      decision,
      { id: registrationId, firstName: req.firstName, lastName: req.lastName, email: contact.email, seats: req.seats, icsSequence: 0 },
      session,
      { withManageLink: true },
    );
    // The inserts and COMMIT in one round trip: the lock is held for that one only.
    if (mail) {
      const e = outboxRow(mail.email);
      const params = [...registration, randomUUID(), e.to, e.subject, e.text, e.html, e.ics, e.dedupeKey, e.linkKind, e.linkTargetId, e.linkPrefix, e.replyTo];
      await tx.batch([[INSERT_REGISTRATION_AND_EMAIL, params]], { commit: true });
    } else {
      await tx.batch([[INSERT_REGISTRATION, registration]], { commit: true });
    }
    return {
      registrationId,
      status: decision,
      seats: req.seats,
      manageToken,
      session,
      seatsTaken: decision === "confirmed" ? taken + req.seats : taken,
    };
  }, { maxWaitMs: SEAT_TX_OPTIONS.maxWait, timeoutMs: SEAT_TX_OPTIONS.timeout });
}

/** The statements of a booking, for the benchmark that replays them with pgbench (bench/booking.ts). */
export const BOOKING_SQL = {
  lockSession: LOCK_SESSION_SQL,
  seatsTakenAndHeld: SEATS_TAKEN_AND_HELD_SQL,
  insertRegistrationAndEmail: INSERT_REGISTRATION_AND_EMAIL,
} as const;
