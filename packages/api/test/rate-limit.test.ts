import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@medianum/db/testing";
import type { Database } from "@medianum/db";
import { RateLimiter, RATE_LIMITS } from "../src/shared/rate-limit.js";

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

describe("rate limits shared by every server instance", () => {
  it("counts the hits of two instances together, says how long to wait, and starts again after the window", async () => {
    let t = Date.parse("2026-11-25T10:00:00Z");
    const [a, b] = [new RateLimiter(db.prisma, () => t), new RateLimiter(db.prisma, () => t)];
    const rule = RATE_LIMITS.loginPerAccount; // 5 per 15 minutes
    const key = "login:account:nora@exemple.fr";
    const waits = [];
    for (let i = 0; i < 6; i++) waits.push(await (i % 2 ? b : a).hit(key, rule));
    expect(waits).toEqual([0, 0, 0, 0, 0, 15 * 60]);
    t += 10 * 60_000;
    expect(await b.hit(key, rule)).toBe(5 * 60);
    t += 5 * 60_000;
    expect(await a.hit(key, rule)).toBe(0);
  });

  it("counts concurrent hits exactly (one statement per hit)", async () => {
    const limiter = new RateLimiter(db.prisma);
    const rule = { limit: 20, windowMs: 60_000 };
    const waits = await Promise.all(Array.from({ length: 30 }, () => limiter.hit("booking.book:ip:192.0.2.7", rule)));
    expect(waits.filter((w) => w === 0)).toHaveLength(20);
  });

  it("forgets an account's failures after a successful login, and sweeps the windows that are over", async () => {
    let t = Date.parse("2026-11-25T12:00:00Z");
    const limiter = new RateLimiter(db.prisma, () => t);
    await limiter.hit("login:account:yann@exemple.fr", RATE_LIMITS.loginPerAccount);
    await limiter.hit("login:ip:192.0.2.9", RATE_LIMITS.loginPerIp);
    await limiter.reset("login:account:yann@exemple.fr");
    expect(await db.prisma.rateLimitCounter.findUnique({ where: { key: "login:account:yann@exemple.fr" } })).toBeNull();
    t += 16 * 60_000;
    expect((await limiter.sweep()).deleted).toBeGreaterThanOrEqual(1);
    expect(await db.prisma.rateLimitCounter.findUnique({ where: { key: "login:ip:192.0.2.9" } })).toBeNull();
  });
});
