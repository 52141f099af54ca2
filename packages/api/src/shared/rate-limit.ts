import { Prisma, type PrismaClient } from "@medianum/db";

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
  constructor(
    private readonly prisma: PrismaClient,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one hit; returns the seconds to wait when over the limit, otherwise 0. */
  async hit(key: string, rule: RateLimitRule): Promise<number> {
    const now = new Date(this.now());
    const resetAt = new Date(now.getTime() + rule.windowMs);
    // One statement: concurrent hits on the same key (two instances, two tabs) are all counted.
    const [row] = await this.prisma.$queryRaw<Array<{ count: number; resetAt: Date }>>`
      INSERT INTO "RateLimitCounter" ("key", "count", "resetAt") VALUES (${key}, 1, ${resetAt})
      ON CONFLICT ("key") DO UPDATE SET
        "count" = CASE WHEN "RateLimitCounter"."resetAt" <= ${now} THEN 1 ELSE "RateLimitCounter"."count" + 1 END,
        "resetAt" = CASE WHEN "RateLimitCounter"."resetAt" <= ${now} THEN ${resetAt} ELSE "RateLimitCounter"."resetAt" END
      RETURNING "count", "resetAt"`;
    return row!.count > rule.limit ? Math.ceil((row!.resetAt.getTime() - now.getTime()) / 1000) : 0;
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
    const guardKey = unless?.key ?? null;
    const guardLimit = unless?.rule.limit ?? 0;
    const [row] = await this.prisma.$queryRaw<Array<{ taken: number; resetAt: Date | null; guardResetAt: Date | null }>>`
      WITH blocked AS (
        SELECT "resetAt" FROM "RateLimitCounter"
        WHERE "key" = ${guardKey}::text AND "resetAt" > ${now} AND "count" >= ${guardLimit}
      ), taken AS (
        INSERT INTO "RateLimitCounter" AS c ("key", "count", "resetAt")
        SELECT ${key}::text, 1, ${resetAt}::timestamptz WHERE NOT EXISTS (SELECT 1 FROM blocked)
        ON CONFLICT ("key") DO UPDATE SET
          "count" = CASE WHEN c."resetAt" <= ${now} THEN 1 ELSE c."count" + 1 END,
          "resetAt" = CASE WHEN c."resetAt" <= ${now} THEN ${resetAt} ELSE c."resetAt" END
        WHERE c."resetAt" <= ${now} OR c."count" < ${rule.limit}
        RETURNING "count"
      )
      SELECT (SELECT count(*) FROM taken)::int AS "taken",
             (SELECT "resetAt" FROM "RateLimitCounter" WHERE "key" = ${key}) AS "resetAt",
             (SELECT "resetAt" FROM blocked) AS "guardResetAt"`;
    if (row!.taken > 0) return 0;
    const until = row!.guardResetAt ?? row!.resetAt ?? resetAt;
    return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  }

  /** Gives back slots taken with `take` for an attempt that does not count (e.g. a successful login). */
  async giveBack(...keys: string[]): Promise<void> {
    const now = new Date(this.now());
    await this.prisma.$executeRaw`
      UPDATE "RateLimitCounter" SET "count" = "count" - 1
      WHERE "key" IN (${Prisma.join(keys)}) AND "count" > 0 AND "resetAt" > ${now}`;
  }

  async reset(key: string): Promise<void> {
    await this.prisma.rateLimitCounter.deleteMany({ where: { key } });
  }

  /** Deletes the counters whose window is over (hourly job): they would restart from 1 anyway. */
  async sweep(): Promise<{ deleted: number }> {
    const { count } = await this.prisma.rateLimitCounter.deleteMany({ where: { resetAt: { lte: new Date(this.now()) } } });
    return { deleted: count };
  }
}

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
} satisfies Record<string, RateLimitRule>;
