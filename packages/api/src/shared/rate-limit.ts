import type { PrismaClient } from "@medianum/db";

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
  loginPerAccount: { limit: 5, windowMs: 15 * 60_000 },
  loginPerIp: { limit: 30, windowMs: 15 * 60_000 },
  publicMutationPerIp: { limit: 20, windowMs: 10 * 60_000 },
  /** Opening a manage link: generous for a parent, useless for guessing 256-bit tokens anyway. */
  manageLinkPerIp: { limit: 60, windowMs: 10 * 60_000 },
} satisfies Record<string, RateLimitRule>;
