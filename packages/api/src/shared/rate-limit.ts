import type { PrismaClient, RawQuery, RawSql } from "@medianum/db";
import { countOf } from "@medianum/domain";
import { UserFacingError } from "./errors.js";

/**
 * Fixed-window counters per key (e.g. "login:ip:1.2.3.4"), kept in the database so that every
 * server instance counts the same hits. Written here rather than taken from @fastify/rate-limit
 * because limits apply per tRPC procedure and per account, not per HTTP route.
 */
export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

export class RateLimiter {
  private readonly query: RawQuery;
  /** `db`: the database's raw SQL (`db.raw`, straight through `pg` on PostgreSQL), or a Prisma client. */
  constructor(
    db: RawSql | PrismaClient,
    private readonly now: () => number = Date.now,
  ) {
    this.query = "$queryRawUnsafe" in db ? (sql, params = []) => db.$queryRawUnsafe(sql, ...params) : db.query;
  }

  /** Counts one hit; returns the seconds to wait when over the limit, otherwise 0. */
  async hit(key: string, rule: RateLimitRule): Promise<number> {
    const now = new Date(this.now());
    const resetAt = new Date(now.getTime() + rule.windowMs);
    // One statement: concurrent hits on the same key (two instances, two tabs) are all counted.
    const [row] = await this.query<{ count: number; resetAt: Date }>(
      `INSERT INTO "RateLimitCounter" AS c ("key", "count", "resetAt") VALUES ($1::text, 1, $2::timestamptz)
       ON CONFLICT ("key") DO UPDATE SET ${COUNT_ONE_MORE}
       RETURNING "count", "resetAt"`,
      [key, resetAt, now],
    );
    return row!.count > rule.limit ? Math.ceil((new Date(row!.resetAt).getTime() - now.getTime()) / 1000) : 0;
  }

  /**
   * Takes one slot in `key`'s window only if it has room (and, when given, only if `unless`'s
   * window is not full): nothing is counted when refused. With `giveBack` for the attempts that
   * turn out not to count, the window then holds exactly the attempts that count, also under
   * concurrent requests: each waits on the counter's row, then sees the others' slots.
   * One statement either way. Returns 0 when taken, otherwise the seconds to wait.
   */
  async take(key: string, rule: RateLimitRule, unless?: { key: string; rule: RateLimitRule }): Promise<number> {
    const now = new Date(this.now());
    const resetAt = new Date(now.getTime() + rule.windowMs);
    const [row] = await this.query<{ taken: number; resetAt: Date | null; guardResetAt: Date | null }>(
      TAKE_SQL,
      [key, resetAt, now, unless?.key ?? null, unless?.rule.limit ?? 0, rule.limit],
    );
    return row!.taken > 0 ? 0 : secondsToWait(row!, now, resetAt);
  }

  /** Gives back slots taken with `take` for an attempt that does not count (e.g. a successful login). */
  async giveBack(...keys: string[]): Promise<void> {
    const now = new Date(this.now());
    await this.query(
      `UPDATE "RateLimitCounter" SET "count" = "count" - 1
       WHERE "key" = ANY($1::text[]) AND "count" > 0 AND "resetAt" > $2::timestamptz`,
      [keys, now],
    );
  }

  /**
   * A refused attempt, in one statement: gives back its slot taken with `take` from `acceptedKey`
   * and counts it in `refusedKey`'s window (the two statements it would otherwise take, one round trip).
   */
  async refuse(acceptedKey: string, refusedKey: string, refused: RateLimitRule): Promise<void> {
    const now = new Date(this.now());
    const resetAt = new Date(now.getTime() + refused.windowMs);
    await this.query(
      `WITH ${refuseSlotCtes({ acceptedKey: "$4", refusedKey: "$1", newWindowEnd: "$2", now: "$3", when: "TRUE" })}
       SELECT count(*)::int AS "counted" FROM refusal_counted`,
      [refusedKey, resetAt, now, acceptedKey],
    );
  }

  async reset(key: string): Promise<void> {
    await this.query(`DELETE FROM "RateLimitCounter" WHERE "key" = $1::text`, [key]);
  }

  /** Deletes the counters whose window is over (hourly job): they would restart from 1 anyway. */
  async sweep(): Promise<{ deleted: number }> {
    const [row] = await this.query<{ deleted: number }>(
      `WITH gone AS (DELETE FROM "RateLimitCounter" WHERE "resetAt" <= $1::timestamptz RETURNING 1) SELECT count(*)::int AS deleted FROM gone`,
      [new Date(this.now())],
    );
    return { deleted: row!.deleted };
  }
}

/** The seconds a refused `take` has to wait: until the guard's window ends if it was full, else the key's. */
export function secondsToWait(row: { resetAt: Date | string | null; guardResetAt: Date | string | null }, now: Date, newWindowEnd: Date): number {
  const until = row.guardResetAt ?? row.resetAt ?? newWindowEnd;
  return Math.max(1, Math.ceil((new Date(until).getTime() - now.getTime()) / 1000));
}

/** What a person over a limit reads. */
export function tooManyRequests(waitSeconds: number): UserFacingError {
  return new UserFacingError(
    "TOO_MANY_REQUESTS",
    `Trop de demandes depuis votre connexion : réessayez dans ${countOf(Math.ceil(waitSeconds / 60), "minute")}.`,
    { retryAfterSeconds: waitSeconds },
  );
}

/**
 * A quota (rateLimitedToAccepted) whose slot the procedure takes itself, in its own transaction:
 * the booking, the busiest write, saves a round trip that way. The procedure says what it did in
 * `state`, and the middleware settles the rest once the call is over.
 * - pending: nothing taken (the call failed before its transaction, or the transaction failed);
 * - taken: a slot is held (given back or counted as refused by the middleware if the call fails);
 * - settled: nothing left to count (over the limit, or the refusal already counted in the transaction).
 */
export interface QuotaInTransaction {
  acceptedKey: string;
  refusedKey: string;
  accepted: RateLimitRule;
  refused: RateLimitRule;
  state: "pending" | "taken" | "settled";
}

/** The upsert's update of a counter `c`: one more hit in its window, or a new window (ending at `newWindowEnd`) once `now` has passed it. */
const countOneMore = (newWindowEnd: string, now: string) => `
  "count" = CASE WHEN c."resetAt" <= ${now}::timestamptz THEN 1 ELSE c."count" + 1 END,
  "resetAt" = CASE WHEN c."resetAt" <= ${now}::timestamptz THEN ${newWindowEnd}::timestamptz ELSE c."resetAt" END`;
const COUNT_ONE_MORE = countOneMore("$2", "$3");

/**
 * `take`'s work as two CTEs, `blocked` (the guard's window when full) and `taken` (one row when
 * the slot was taken), each argument the SQL of that value: for statements that take a slot
 * along with their own work.
 */
export const takeSlotCtes = (v: Record<"key" | "newWindowEnd" | "now" | "guardKey" | "guardLimit" | "limit", string>) => `blocked AS (
    SELECT "resetAt" FROM "RateLimitCounter"
    WHERE "key" = ${v.guardKey}::text AND "resetAt" > ${v.now}::timestamptz AND "count" >= ${v.guardLimit}::int
  ), taken AS (
    INSERT INTO "RateLimitCounter" AS c ("key", "count", "resetAt")
    SELECT ${v.key}::text, 1, ${v.newWindowEnd}::timestamptz WHERE NOT EXISTS (SELECT 1 FROM blocked)
    ON CONFLICT ("key") DO UPDATE SET ${countOneMore(v.newWindowEnd, v.now)}
    WHERE c."resetAt" <= ${v.now}::timestamptz OR c."count" < ${v.limit}::int
    RETURNING "count"
  )`;

/**
 * `refuse`'s work as two CTEs, `given_back` and `refusal_counted`, done only when `when` (SQL)
 * holds: for statements that refuse an attempt along with their own work. The accepted counter's
 * row is locked before the refusals' one, as every statement of a quota does: two attempts from
 * one address can never wait on each other's rows in opposite orders.
 */
export const refuseSlotCtes = (v: Record<"acceptedKey" | "refusedKey" | "newWindowEnd" | "now" | "when", string>) => `given_back AS (
    UPDATE "RateLimitCounter" SET "count" = "count" - 1
    WHERE "key" = ${v.acceptedKey}::text AND "count" > 0 AND "resetAt" > ${v.now}::timestamptz AND (${v.when})
    RETURNING 1
  ), refusal_counted AS (
    INSERT INTO "RateLimitCounter" AS c ("key", "count", "resetAt")
    -- Reading given_back first makes its UPDATE run (and lock) before this INSERT.
    SELECT ${v.refusedKey}::text, 1, ${v.newWindowEnd}::timestamptz WHERE (${v.when}) AND (SELECT count(*) FROM given_back) >= 0
    ON CONFLICT ("key") DO UPDATE SET ${countOneMore(v.newWindowEnd, v.now)}
    RETURNING 1
  )`;

/**
 * `take` in one statement. Parameters: $1 key, $2 end of a new window, $3 now, $4 guard key (or
 * null), $5 guard limit, $6 limit.
 */
export const TAKE_SQL = `WITH ${takeSlotCtes({ key: "$1", newWindowEnd: "$2", now: "$3", guardKey: "$4", guardLimit: "$5", limit: "$6" })}
  SELECT (SELECT count(*) FROM taken)::int AS "taken",
         (SELECT "resetAt" FROM "RateLimitCounter" WHERE "key" = $1::text) AS "resetAt",
         (SELECT "resetAt" FROM blocked) AS "guardResetAt"`;

export const RATE_LIMITS = {
  /**
   * Failed logins of one account from one address: guessing from elsewhere does not lock the
   * owner out of their usual network. Successful logins are not counted.
   */
  loginFailuresPerAccountAndIp: { limit: 5, windowMs: 15 * 60_000 },
  /** Failed logins from one address, whatever the account (one address trying many accounts). */
  loginFailuresPerIp: { limit: 30, windowMs: 15 * 60_000 },
  publicMutationPerIp: { limit: 20, windowMs: 10 * 60_000 },
  /** Bookings accepted from one address (confirmed or waitlisted). */
  bookingsPerIp: { limit: 20, windowMs: 10 * 60_000 },
  /** Booking attempts refused (invalid form, full session, too many seats): apart, so typos do not use up the bookings. */
  refusedBookingsPerIp: { limit: 60, windowMs: 10 * 60_000 },
  /** Opening a manage link: generous for a parent, useless for guessing 256-bit tokens anyway. */
  manageLinkPerIp: { limit: 60, windowMs: 10 * 60_000 },
  /** Whole lists read once per visit (the communes of the « Où ? » search): a parent never gets near it. */
  publicListsPerIp: { limit: 60, windowMs: 10 * 60_000 },
  /**
   * Public feeds and the embeddable catalogue: calendars refresh a few times a day, but many
   * people behind one address (a collège, a calendar provider's fetchers) share it. Generous;
   * answers are cacheable for a few minutes, so a proxy in front absorbs most repeats.
   */
  publicFeedsPerIp: { limit: 300, windowMs: 10 * 60_000 },
  /** Feedback answers from one address: a whole workshop on the venue's Wi-Fi shares one. */
  feedbackAnswersPerIp: { limit: 60, windowMs: 10 * 60_000 },
} satisfies Record<string, RateLimitRule>;
