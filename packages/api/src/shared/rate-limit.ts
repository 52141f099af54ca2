/**
 * Fixed-window counters in memory, per key (e.g. "login:ip:1.2.3.4"). Written here rather than
 * taken from @fastify/rate-limit because limits apply per tRPC procedure and per account, not
 * per HTTP route; with several server instances each keeps its own counts (documented).
 */
export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

export class RateLimiter {
  private readonly hits = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts one hit; returns the seconds to wait when over the limit, otherwise 0. */
  hit(key: string, rule: RateLimitRule): number {
    const t = this.now();
    let entry = this.hits.get(key);
    if (!entry || entry.resetAt <= t) {
      entry = { count: 0, resetAt: t + rule.windowMs };
      this.hits.set(key, entry);
    }
    entry.count += 1;
    if (this.hits.size > 50_000) this.sweep(t);
    return entry.count > rule.limit ? Math.ceil((entry.resetAt - t) / 1000) : 0;
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  private sweep(t: number) {
    for (const [k, v] of this.hits) if (v.resetAt <= t) this.hits.delete(k);
  }
}

export const RATE_LIMITS = {
  loginPerAccount: { limit: 5, windowMs: 15 * 60_000 },
  loginPerIp: { limit: 30, windowMs: 15 * 60_000 },
  publicMutationPerIp: { limit: 20, windowMs: 10 * 60_000 },
  /** Opening a manage link: generous for a parent, useless for guessing 256-bit tokens anyway. */
  manageLinkPerIp: { limit: 60, windowMs: 10 * 60_000 },
} satisfies Record<string, RateLimitRule>;
