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
    const [a, b] = [new RateLimiter(db.raw, () => t), new RateLimiter(db.raw, () => t)];
    const rule = RATE_LIMITS.loginFailuresPerAccountAndIp; // 5 per 15 minutes
    const key = "login:account-ip:nora@exemple.fr|192.0.2.1";
    const waits = [];
    for (let i = 0; i < 6; i++) waits.push(await (i % 2 ? b : a).hit(key, rule));
    expect(waits).toEqual([0, 0, 0, 0, 0, 15 * 60]);
    t += 10 * 60_000;
    expect(await b.hit(key, rule)).toBe(5 * 60);
    t += 5 * 60_000;
    expect(await a.hit(key, rule)).toBe(0);
  });

  it("counts concurrent hits exactly (one statement per hit)", async () => {
    const limiter = new RateLimiter(db.raw);
    const rule = { limit: 20, windowMs: 60_000 };
    const waits = await Promise.all(Array.from({ length: 30 }, () => limiter.hit("booking.book:ip:192.0.2.7", rule)));
    expect(waits.filter((w) => w === 0)).toHaveLength(20);
  });

  it("forgets an account's failures after a successful login, and sweeps the windows that are over", async () => {
    let t = Date.parse("2026-11-25T12:00:00Z");
    const limiter = new RateLimiter(db.raw, () => t);
    await limiter.hit("login:account-ip:yann@exemple.fr|192.0.2.9", RATE_LIMITS.loginFailuresPerAccountAndIp);
    await limiter.hit("login:ip:192.0.2.9", RATE_LIMITS.loginFailuresPerIp);
    await limiter.reset("login:account-ip:yann@exemple.fr|192.0.2.9");
    expect(await db.prisma.rateLimitCounter.findUnique({ where: { key: "login:account-ip:yann@exemple.fr|192.0.2.9" } })).toBeNull();
    t += 16 * 60_000;
    expect((await limiter.sweep()).deleted).toBeGreaterThanOrEqual(1);
    expect(await db.prisma.rateLimitCounter.findUnique({ where: { key: "login:ip:192.0.2.9" } })).toBeNull();
  });

  it("takes a slot only while the window has room, and a slot given back is free again", async () => {
    let t = Date.parse("2026-11-25T14:00:00Z");
    const limiter = new RateLimiter(db.raw, () => t);
    const rule = { limit: 3, windowMs: 10 * 60_000 };
    const key = "take:ip:192.0.2.20";
    expect([await limiter.take(key, rule), await limiter.take(key, rule), await limiter.take(key, rule)]).toEqual([0, 0, 0]);
    // Refused attempts are not counted: one slot given back is one more attempt, not zero.
    expect(await limiter.take(key, rule)).toBe(600);
    expect(await limiter.take(key, rule)).toBe(600);
    await limiter.giveBack(key);
    expect(await limiter.take(key, rule)).toBe(0);
    expect(await limiter.take(key, rule)).toBe(600);
    t += 10 * 60_000;
    expect(await limiter.take(key, rule)).toBe(0);
  });

  it("refuses a slot while another window (the refused attempts) is full, without counting it", async () => {
    let t = Date.parse("2026-11-25T15:00:00Z");
    const limiter = new RateLimiter(db.raw, () => t);
    const accepted = { limit: 5, windowMs: 10 * 60_000 };
    const refused = { limit: 2, windowMs: 10 * 60_000 };
    const guard = { key: "guard:refused:ip:192.0.2.21", rule: refused };
    expect(await limiter.take("guard:ip:192.0.2.21", accepted, guard)).toBe(0);
    await limiter.hit(guard.key, refused);
    expect(await limiter.take("guard:ip:192.0.2.21", accepted, guard)).toBe(0);
    await limiter.hit(guard.key, refused);
    t += 4 * 60_000;
    expect(await limiter.take("guard:ip:192.0.2.21", accepted, guard)).toBe(6 * 60);
    expect((await db.prisma.rateLimitCounter.findUniqueOrThrow({ where: { key: "guard:ip:192.0.2.21" } })).count).toBe(2);
  });

  it("a refused attempt gives its slot back and counts among the refused, in one call", async () => {
    const t = Date.parse("2026-11-25T16:00:00Z");
    const limiter = new RateLimiter(db.raw, () => t);
    const accepted = { limit: 2, windowMs: 10 * 60_000 };
    const refused = { limit: 3, windowMs: 10 * 60_000 };
    const guard = { key: "refuse:refused:ip:192.0.2.23", rule: refused };
    expect(await limiter.take("refuse:ip:192.0.2.23", accepted, guard)).toBe(0);
    expect(await limiter.take("refuse:ip:192.0.2.23", accepted, guard)).toBe(0);
    await limiter.refuse("refuse:ip:192.0.2.23", guard.key, refused);
    const count = async (key: string) => (await db.prisma.rateLimitCounter.findUniqueOrThrow({ where: { key } })).count;
    expect([await count("refuse:ip:192.0.2.23"), await count(guard.key)]).toEqual([1, 1]);
    expect(await limiter.take("refuse:ip:192.0.2.23", accepted, guard)).toBe(0);
    expect(await limiter.take("refuse:ip:192.0.2.23", accepted, guard)).toBe(600);
  });

  it("never hands out more slots than the limit to concurrent takers", async () => {
    const limiter = new RateLimiter(db.raw);
    const rule = { limit: 7, windowMs: 60_000 };
    const waits = await Promise.all(Array.from({ length: 25 }, () => limiter.take("take:ip:192.0.2.22", rule)));
    expect(waits.filter((w) => w === 0)).toHaveLength(7);
    expect((await db.prisma.rateLimitCounter.findUniqueOrThrow({ where: { key: "take:ip:192.0.2.22" } })).count).toBe(7);
  });
});
