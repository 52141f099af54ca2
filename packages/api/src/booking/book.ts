import { randomUUID } from "node:crypto";
import type { RawSql, RawTx } from "@medianum/db";
import {
  bookingContact,
  contactSeatsRefusal,
  decideContactSeats,
  MAX_SEATS_PER_CONTACT,
  seatsLeft,
  type BookingDecision,
  type BookingResultView,
  type RegistrationSource,
} from "@medianum/domain";
import type { ApiConfig } from "../shared/config.js";
import { UserFacingError } from "../shared/errors.js";
import { refuseSlotCtes, secondsToWait, takeSlotCtes, tooManyRequests, type QuotaInTransaction } from "../shared/rate-limit.js";
import { hashToken, newToken } from "../shared/tokens.js";
import { outboxRow } from "../mail/outbox.js";
import { seatsTakenAndHeldSql } from "./capacity.js";
import { composeBookingEmail, type MailSession } from "./emails.js";
import { isBookable, toPublicSessionView, type PublicSessionSource } from "./queries.js";

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

const SESSION_JOINS = `
  FROM "WorkshopSession" s
  JOIN "Workshop" w ON w.id = s."workshopId"
  JOIN "Place" p ON p.id = s."placeId"
  JOIN "Commune" c ON c."inseeCode" = p."communeInsee"`;

/**
 * Everything of the session that its e-mail and its public view show, in one value: the booking
 * composes its e-mail from a read without lock, and checks under the lock that nothing of it
 * changed meanwhile (a session moved by staff, a workshop renamed).
 */
const DETAILS_FINGERPRINT = `md5(ROW(s."workshopId", s."startsAt", s."durationMinutes", s."accessInfo",
  w.title, w.theme, w.description, w."whatToBring", w."contactEmail", w."contactPhone",
  p.id, p.name, p.address, p."postalCode", p."accessInfo", c.name)::text)`;

/** The session as the booking shows and mails it, read before the lock. Parameter: $1 session id. */
const SESSION_DETAILS_SQL = `
  SELECT s.id, s."workshopId", s."startsAt", s."durationMinutes", s.capacity, s.status, s."accessInfo",
         w.title, w.theme, w.description, w."whatToBring", w."contactEmail", w."contactPhone", w."isPublic",
         p.id AS "placeId", p.name AS "placeName", p.address, p."postalCode", p."accessInfo" AS "placeAccessInfo",
         c.name AS "communeName", ${DETAILS_FINGERPRINT} AS fingerprint
  ${SESSION_JOINS}
  WHERE s.id = $1::uuid`;

/** The decisions that refuse the booking for good: the quota's slot is given back and the attempt counted as refused. */
const REFUSALS = ["closed", "contact_share", "refused"] as const;

/** Locks the session's row (as lockSession does) until the transaction ends. Parameter: $1 session id. */
const LOCK_SESSION_SQL = `SELECT 1 FROM "WorkshopSession" WHERE id = $1::uuid FOR UPDATE`;

/** The transaction-local setting by which the locking statement tells the booking's whether the quota's slot was taken. */
const QUOTA_SETTING = "medianum.booking_quota";

/**
 * The address's booking quota (RateLimiter.take's statement) and, only when a slot was taken, the
 * session's lock, in one statement: the busiest write saves a round trip. Over the limit, nothing
 * is locked and the booking's statement writes nothing ("over_quota"). The counter's row is
 * locked before the session's, always in that order, by every booking of that address.
 * Parameters: $1 session id, $2 quota key, $3 end of a new window, $4 now, $5 refusals' key,
 * $6 refusals' limit, $7 quota limit.
 */
const TAKE_QUOTA_AND_LOCK_SQL = `WITH ${takeSlotCtes({ key: "$2", newWindowEnd: "$3", now: "$4", guardKey: "$5", guardLimit: "$6", limit: "$7" })},
  locked AS (SELECT 1 FROM "WorkshopSession" WHERE id = $1::uuid AND EXISTS (SELECT 1 FROM taken) FOR UPDATE)
  SELECT (SELECT count(*) FROM taken)::int AS "taken",
         (SELECT "resetAt" FROM "RateLimitCounter" WHERE "key" = $2::text) AS "resetAt",
         (SELECT "resetAt" FROM blocked) AS "guardResetAt",
         -- Read so that the lock is taken and the setting made (a CTE nobody reads does not run).
         (SELECT count(*) FROM locked)::int AS "locked",
         set_config('${QUOTA_SETTING}', CASE WHEN EXISTS (SELECT 1 FROM taken) THEN 'taken' ELSE 'over' END, true) AS "quota"`;

/**
 * The booking's decision in SQL (each argument: the SQL of that value), taken as the domain takes
 * it: closed unless bookable (isBookable; staff: scheduled is enough), then the contact's share
 * (decideContactSeats), then book or waitlist (decideBooking). test/booking-decision.test.ts runs
 * the two side by side over every case. "stale": the session's details changed since they were read.
 */
export const bookingDecisionSql = (v: Record<"fingerprintMatches" | "status" | "startsAt" | "isPublic" | "capacity" | "taken" | "held" | "seats" | "acceptWaitlist" | "staff" | "now", string>) => `CASE
        WHEN NOT (${v.fingerprintMatches}) THEN 'stale'
        WHEN ${v.status} <> 'scheduled' OR NOT (${v.staff} OR (${v.startsAt} > ${v.now} AND ${v.isPublic})) THEN 'closed'
        WHEN ${v.held} + ${v.seats} > ${MAX_SEATS_PER_CONTACT} THEN 'contact_share'
        WHEN ${v.seats} <= GREATEST(0, ${v.capacity} - ${v.taken}) THEN 'confirmed'
        WHEN ${v.acceptWaitlist} THEN 'waitlisted'
        ELSE 'refused'
      END`;

/**
 * The booking's decision and writes, in one statement run once the session's lock is held (its
 * own statement: a statement's snapshot is taken when it starts, so a sum in the locking one would
 * miss the bookings committed by the transaction it waited for). It decides (bookingDecisionSql),
 * writes the registration and, when the decision has one, its e-mail ($15: the e-mails
 * composed beforehand, by decision), and returns the decision with the sums it was made on.
 * A decision whose e-mail was not prepared ($16: the decisions prepared for) writes nothing and
 * answers "unprepared": the caller prepares every e-mail and books again. No row: the session is gone.
 * Parameters: $1 session id, $2 details fingerprint, $3 now, $4 staff booking, $5 seats,
 * $6 accept the waitlist, $7 normalised e-mail, $8 normalised phone, $9 registration id,
 * $10 first name, $11 last name, $12 need, $13 manage token hash, $14 source, $15 e-mails (jsonb),
 * $16 decisions prepared for (comma-separated), $17 the quota's slot taken by this transaction's
 * locking statement (TAKE_QUOTA_AND_LOCK_SQL): when it was not, "over_quota" and nothing written;
 * when it was and the booking is refused, the slot is given back and the refusal counted
 * (RateLimiter.refuse) here: $18 the quota's key, $19 the refusals' key, $20 the end of a new
 * refusals' window.
 */
const BOOK_SQL = `
  WITH session AS (
    SELECT s.capacity, s.status, s."startsAt", w."isPublic", ${DETAILS_FINGERPRINT} AS fingerprint
    ${SESSION_JOINS}
    WHERE s.id = $1::uuid
  ), sums AS (${seatsTakenAndHeldSql("$1::uuid", "$7::text", "$8::text")}
  ), decided AS (
    SELECT session.capacity, sums.taken, sums.held,
      ${bookingDecisionSql({
        fingerprintMatches: "session.fingerprint IS NOT DISTINCT FROM $2::text",
        status: "session.status",
        startsAt: 'session."startsAt"',
        isPublic: 'session."isPublic"',
        capacity: "session.capacity",
        taken: "sums.taken",
        held: "sums.held",
        seats: "$5::int",
        acceptWaitlist: "$6::boolean",
        staff: "$4::boolean",
        now: "$3::timestamptz",
      })} AS decision
    FROM session CROSS JOIN sums
  ), decision AS (
    SELECT capacity, taken, held,
      CASE
        WHEN $17::boolean AND current_setting('${QUOTA_SETTING}', true) IS DISTINCT FROM 'taken' THEN 'over_quota'
        WHEN decision IN ('confirmed', 'waitlisted') AND NOT (decision = ANY(string_to_array($16::text, ','))) THEN 'unprepared'
        ELSE decision
      END AS decision
    FROM decided
  ), registration AS (
    INSERT INTO "Registration" (id, "sessionId", status, seats, "firstName", "lastName", email, phone, need, "consentAt", "manageTokenHash", source, "createdAt", "updatedAt")
    SELECT $9::uuid, $1::uuid, decision, $5::int, $10::text, $11::text, $7::text, $8::text, $12::text, $3::timestamptz, $13::text, $14::text, $3::timestamptz, $3::timestamptz
    FROM decision WHERE decision IN ('confirmed', 'waitlisted')
    RETURNING status
  ), email AS (
    INSERT INTO "OutboxEmail" (id, "to", subject, text, html, ics, "dedupeKey", "linkKind", "linkTargetId", "linkPrefix", "replyTo", "createdAt")
    SELECT gen_random_uuid(), m."to", m.subject, m.text, m.html, m.ics, m."dedupeKey", m."linkKind", m."linkTargetId", m."linkPrefix", m."replyTo", $3::timestamptz
    FROM registration r
    CROSS JOIN LATERAL jsonb_to_record($15::jsonb -> r.status) AS m("to" text, subject text, text text, html text, ics text, "dedupeKey" text, "linkKind" text, "linkTargetId" uuid, "linkPrefix" text, "replyTo" text)
    WHERE $15::jsonb -> r.status IS NOT NULL
  ), ${refuseSlotCtes({
    acceptedKey: "$18",
    refusedKey: "$19",
    newWindowEnd: "$20",
    now: "$3",
    when: `$17::boolean AND EXISTS (SELECT 1 FROM decision WHERE decision IN (${REFUSALS.map((d) => `'${d}'`).join(", ")}))`,
  })}
  SELECT decision, taken, held, capacity FROM decision`;

interface DetailsRow {
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
  fingerprint: string;
}

function toBookedSession(r: DetailsRow): BookedSession {
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

/**
 * The sessions' details read lately, per database: in a rush on a session every booking would
 * read the same row again, a round trip to the database each time. Safe to reuse because the
 * booking's locked statement compares their fingerprint with the row's and writes nothing if they
 * differ ("stale": read again). Kept a minute at most, a few hundred sessions.
 */
const DETAILS_KEPT_MS = 60_000;
const DETAILS_KEPT_SESSIONS = 500;
const detailsCaches = new WeakMap<RawSql, Map<string, { row: DetailsRow; readAt: number; seatsLeft?: number }>>();

function sessionDetailsCache(raw: RawSql) {
  let cache = detailsCaches.get(raw);
  if (!cache) detailsCaches.set(raw, (cache = new Map()));
  const entries = cache;
  return {
    get(id: string, now: Date): DetailsRow | undefined {
      const hit = entries.get(id);
      if (!hit) return undefined;
      // A clock moved backwards (tests) or an old read: read again.
      const age = now.getTime() - hit.readAt;
      if (age < 0 || age > DETAILS_KEPT_MS) {
        entries.delete(id);
        return undefined;
      }
      return hit.row;
    },
    set(row: DetailsRow, now: Date) {
      entries.delete(row.id);
      if (entries.size >= DETAILS_KEPT_SESSIONS) entries.delete(entries.keys().next().value!);
      entries.set(row.id, { row, readAt: now.getTime() });
    },
    forget(id: string) {
      entries.delete(id);
    },
    /** Seats left after the last booking decided here: a guess of the next decision, never trusted for it. */
    seatsLeft(id: string): number | undefined {
      return entries.get(id)?.seatsLeft;
    },
    noteSeatsLeft(id: string, left: number) {
      const hit = entries.get(id);
      if (hit) hit.seatsLeft = left;
    },
  };
}

interface QuotaRow {
  taken: number;
  resetAt: Date | string | null;
  guardResetAt: Date | string | null;
}

type SqlDecision = BookingDecision | "stale" | "closed" | "contact_share" | "unprepared" | "over_quota";

const closed = () => new UserFacingError("CONFLICT", "Cette séance n'est plus ouverte aux inscriptions (annulée ou déjà passée).");

/** A session's details changing between the read and the lock is rare: a few reads at most. */
const MAX_READS = 3;

/**
 * Books seats or joins the waitlist, so that concurrent bookings of the same session are decided
 * one after the other under the session's row lock and never oversell, nor give one e-mail or
 * phone more than its share of seats (MAX_SEATS_PER_CONTACT). The confirmation (or waitlist)
 * e-mail is written in the same statement as the registration.
 * The busiest write of the product, so the lock is held for the database's work only: the session
 * is read and both possible e-mails (confirmed, waitlisted) are composed beforehand, then one
 * round trip (BEGIN, lock, decide and write, COMMIT) in raw SQL — Prisma's query compiler cost
 * more than the database here.
 */
export async function bookSeats(
  raw: RawSql,
  config: Pick<ApiConfig, "publicUrl" | "cancellationDeadlineHours" | "mailFrom">,
  req: BookingRequest,
  now: Date,
  /** The address's booking quota, taken in the booking's own transaction (portal bookings). */
  quota?: QuotaInTransaction,
): Promise<BookingOutcome> {
  if (!Number.isInteger(req.seats) || req.seats < 1) throw new RangeError("seats must be ≥ 1");
  const manageToken = newToken();
  const manageTokenHash = hashToken(manageToken);
  const registrationId = randomUUID();
  const contact = bookingContact(req);
  const staff = req.source === "staff";
  const isOpen = (session: BookedSession) => (staff ? session.status === "scheduled" : isBookable(session, now));
  const known = sessionDetailsCache(raw);
  // A remembered read is only trusted for what the lock's statement checks again (its fingerprint):
  // whatever else it says (closed, gone) is read afresh before being answered.
  let details = known.get(req.sessionId, now);
  let reads = 0;
  let prepareAll = false;
  for (;;) {
    if (!details || !isOpen(toBookedSession(details))) {
      reads += 1;
      const [fresh] = await raw.query<DetailsRow>(SESSION_DETAILS_SQL, [req.sessionId]);
      if (!fresh) throw new UserFacingError("NOT_FOUND", "Cette séance est introuvable.");
      known.set(fresh, now);
      if (!isOpen(toBookedSession(fresh))) throw closed();
      details = fresh;
    }
    const session = toBookedSession(details);

    // The e-mail of the likely decision only, when the last booking here says how many seats are
    // left (composing and sending both cost a fifth of a booking): room left confirms, a full
    // session waitlists. A guess that turns out wrong is answered "unprepared", and the next pass
    // prepares both.
    const left = prepareAll ? undefined : known.seatsLeft(req.sessionId);
    const kinds: Array<"confirmed" | "waitlisted"> = !req.acceptWaitlist
      ? ["confirmed"]
      : left === undefined
        ? ["confirmed", "waitlisted"]
        : [left >= req.seats ? "confirmed" : "waitlisted"];
    const emails: Record<string, ReturnType<typeof outboxRow>> = {};
    for (const kind of kinds) {
      const mail = composeBookingEmail(
        config,
        kind,
        { id: registrationId, firstName: req.firstName, lastName: req.lastName, email: contact.email, seats: req.seats, icsSequence: 0 },
        session,
        { withManageLink: true },
      );
      if (mail) emails[kind] = outboxRow(mail.email);
    }
    const params = [
      req.sessionId,
      details.fingerprint,
      now,
      staff,
      req.seats,
      req.acceptWaitlist,
      contact.email,
      contact.phone,
      registrationId,
      req.firstName,
      req.lastName,
      req.need ?? null,
      manageTokenHash,
      req.source,
      JSON.stringify(emails),
      kinds.join(","),
    ];
    // The quota's slot is taken by the first transaction that gets this far; a second pass (a
    // stale read, an e-mail not prepared) already holds it.
    const takeQuota = quota?.state === "pending";
    const quotaWindowEnd = quota ? new Date(now.getTime() + quota.accepted.windowMs) : now;
    const [locking, decided] = (await raw.transaction(
      (tx: RawTx) =>
        tx.batch(
          [
            takeQuota
              ? [TAKE_QUOTA_AND_LOCK_SQL, [req.sessionId, quota.acceptedKey, quotaWindowEnd, now, quota.refusedKey, quota.refused.limit, quota.accepted.limit]]
              : [LOCK_SESSION_SQL, [req.sessionId]],
            [BOOK_SQL, [...params, takeQuota, quota?.acceptedKey ?? null, quota?.refusedKey ?? null, quota ? new Date(now.getTime() + quota.refused.windowMs) : null]],
          ],
          { commit: true },
        ),
      { maxWaitMs: SEAT_TX_OPTIONS.maxWait, timeoutMs: SEAT_TX_OPTIONS.timeout },
    )) as [unknown[], Array<{ decision: SqlDecision; taken: number; held: number; capacity: number }>];
    if (takeQuota) {
      const taken = locking[0] as QuotaRow;
      // Over the limit: nothing was counted nor written, nothing is left to count.
      quota.state = taken.taken > 0 ? "taken" : "settled";
      if (taken.taken === 0) throw tooManyRequests(secondsToWait(taken, now, quotaWindowEnd));
    }
    const row = decided[0];
    if (!row) throw new UserFacingError("NOT_FOUND", "Cette séance est introuvable.");
    const { decision, taken, held, capacity } = row;
    if (decision === "over_quota") throw new Error("booking: the quota's refusal reached the booking's statement");
    // Counted by the statement itself (given back and counted as refused).
    if (takeQuota && (REFUSALS as readonly string[]).includes(decision)) quota.state = "settled";
    if (decision === "unprepared") {
      prepareAll = true;
      continue;
    }
    if (decision === "stale") {
      known.forget(req.sessionId);
      if (reads >= MAX_READS) throw new UserFacingError("CONFLICT", "Cette séance vient d'être modifiée : actualisez la page et réessayez.");
      details = undefined;
      continue;
    }
    known.noteSeatsLeft(req.sessionId, seatsLeft(capacity, decision === "confirmed" ? taken + req.seats : taken));
    if (decision === "closed") throw closed();
    if (decision === "contact_share") {
      const share = decideContactSeats(held, req.seats);
      const refusal = share.ok ? { held, stillAllowed: 0 } : share;
      throw new UserFacingError("CONFLICT", contactSeatsRefusal(refusal, staff ? "staff" : "parent"), {
        seatsHeld: refusal.held,
        seatsStillAllowed: refusal.stillAllowed,
      });
    }
    if (decision === "refused") {
      const left = seatsLeft(capacity, taken);
      throw new UserFacingError(
        "CONFLICT",
        left === 0
          ? "Cette séance est complète : il ne reste pas assez de places."
          : `Cette séance est complète : il ne reste pas assez de places (${left} restante${left > 1 ? "s" : ""}).`,
        { seatsLeft: left },
      );
    }
    return {
      registrationId,
      status: decision,
      seats: req.seats,
      manageToken,
      session: { ...session, capacity },
      seatsTaken: decision === "confirmed" ? taken + req.seats : taken,
    };
  }
}

/** A parent's booking from the portal, as the confirmation screen shows it (its manage link's token shown once). */
export async function bookFromPortal(
  raw: RawSql,
  config: Pick<ApiConfig, "publicUrl" | "cancellationDeadlineHours" | "mailFrom">,
  input: Omit<BookingRequest, "source">,
  now: Date,
  quota: QuotaInTransaction,
): Promise<BookingResultView> {
  const outcome = await bookSeats(raw, config, { ...input, source: "portal" }, now, quota);
  return {
    registrationId: outcome.registrationId,
    status: outcome.status,
    seats: outcome.seats,
    manageToken: outcome.manageToken,
    session: toPublicSessionView(outcome.session, outcome.seatsTaken),
  };
}

/** The statements of a booking, for the benchmark that replays them with pgbench (bench/booking.ts). */
export const BOOKING_SQL = {
  sessionDetails: SESSION_DETAILS_SQL,
  lockSession: LOCK_SESSION_SQL,
  takeQuotaAndLock: TAKE_QUOTA_AND_LOCK_SQL,
  book: BOOK_SQL,
} as const;
