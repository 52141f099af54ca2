import { Prisma, type PrismaClient } from "@medianum/db";
import { CONTACT_SEAT_STATUSES, registrationsToPromote, SEAT_HOLDING_STATUSES, seatsLeft } from "@medianum/domain";
import type { ApiConfig } from "../shared/config.js";
import { UserFacingError } from "../shared/errors.js";
import { mailSessionInclude, queueBookingEmail } from "./emails.js";

type Tx = Prisma.TransactionClient;

/**
 * Locks a session's row until the end of the transaction. Every change to a session's seats
 * (booking, cancellation, reduction, move, capacity change) takes this lock first, so seat
 * decisions about one session happen one after the other: the capacity is never exceeded.
 */
export async function lockSession(tx: Tx, sessionId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT id FROM "WorkshopSession" WHERE id = ${sessionId}::uuid FOR UPDATE`);
  if (rows.length === 0) throw new UserFacingError("NOT_FOUND", "Cette séance est introuvable.");
}

/** Locks several sessions in a fixed order (by id), so that two moves in opposite directions cannot deadlock. */
export async function lockSessions(tx: Tx, ids: string[]): Promise<void> {
  for (const id of [...new Set(ids)].sort()) await lockSession(tx, id);
}

export async function seatsTakenIn(tx: Tx | PrismaClient, sessionId: string): Promise<number> {
  const agg = await tx.registration.aggregate({
    where: { sessionId, status: { in: [...SEAT_HOLDING_STATUSES] } },
    _sum: { seats: true },
  });
  return agg._sum.seats ?? 0;
}

/** Domain constants (never user input) written into SQL as a list of literals. */
const sqlStrings = (values: readonly string[]) =>
  values
    .map((v) => {
      if (!/^[a-z_]+$/.test(v)) throw new Error(`sqlStrings: unexpected value ${v}`);
      return `'${v}'`;
    })
    .join(", ");

/**
 * In one statement (a booking holds the session's lock meanwhile): the seats taken in the session,
 * and the seats held there by a contact — registrations sharing its e-mail (any case) or its phone
 * number (normalised as the domain's normalisePhone does), confirmed, waitlisted or checked in.
 * Parameters: the SQL of the session id, of the normalised e-mail and of the normalised phone.
 */
export const seatsTakenAndHeldSql = (session: string, email: string, phone: string) => `
  SELECT
    COALESCE(SUM(seats) FILTER (WHERE status IN (${sqlStrings(SEAT_HOLDING_STATUSES)})), 0)::int AS taken,
    COALESCE(SUM(seats) FILTER (WHERE status IN (${sqlStrings(CONTACT_SEAT_STATUSES)}) AND (
      lower(btrim(email)) = ${email}
      OR regexp_replace(regexp_replace(phone, '[[:space:].-]', '', 'g'), '^[+]33', '0') = ${phone}
    )), 0)::int AS held
  FROM "Registration" WHERE "sessionId" = ${session}`;

/** seatsTakenAndHeldSql with $1 session id, $2 normalised e-mail, $3 normalised phone. */
export const SEATS_TAKEN_AND_HELD_SQL = seatsTakenAndHeldSql("$1::uuid", "$2::text", "$3::text");

export async function seatsTakenAndHeldBy(tx: Tx, sessionId: string, contact: { email: string | null; phone: string | null }): Promise<{ taken: number; held: number }> {
  const [row] = await tx.$queryRawUnsafe<Array<{ taken: number; held: number }>>(SEATS_TAKEN_AND_HELD_SQL, sessionId, contact.email, contact.phone);
  return row!;
}

/**
 * Promotes waitlisted registrations into the seats now free, in arrival order (each one that
 * fits), and queues their e-mails, inside the caller's transaction (the session must be locked).
 * Nothing is promoted for a session that is cancelled or already started.
 */
export async function promoteWaitlist(tx: Tx, sessionId: string, config: Pick<ApiConfig, "publicUrl" | "cancellationDeadlineHours" | "mailFrom">, now: Date) {
  const session = await tx.workshopSession.findUniqueOrThrow({ where: { id: sessionId }, include: mailSessionInclude });
  if (session.status !== "scheduled" || session.startsAt <= now) return [];
  const free = seatsLeft(session.capacity, await seatsTakenIn(tx, sessionId));
  if (free === 0) return [];
  const waitlist = await tx.registration.findMany({ where: { sessionId, status: "waitlisted" }, orderBy: { arrival: "asc" } });
  const promoted = registrationsToPromote(waitlist, free);
  for (const r of promoted) {
    const sequence = await queueBookingEmail(tx, config, "promoted", r, session, now);
    await tx.registration.update({ where: { id: r.id }, data: { status: "confirmed", promotedAt: now, icsSequence: sequence } });
  }
  return promoted.map((r) => r.id);
}
