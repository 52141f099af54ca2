import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../src/auth/session.js";
import { createHarness, createUser, errorOf, PASSWORD, type Harness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await createUser(h.db, "coordinator", "coordination@medianum.test", "Claire Coordination");
  await createUser(h.db, "counsellor", "conseiller@medianum.test", "Karim Conseiller");
  const disabled = await createUser(h.db, "counsellor", "parti@medianum.test");
  await h.db.prisma.user.update({ where: { id: disabled.user.id }, data: { disabledAt: new Date() } });
});
afterAll(() => h.close());

describe("auth", () => {
  it("logs in with e-mail and password, sets an HttpOnly SameSite cookie and knows who I am", async () => {
    const browser = h.client();
    const me = await browser.login("Coordination@Medianum.test ", PASSWORD);
    expect(me).toMatchObject({ email: "coordination@medianum.test", role: "coordinator", displayName: "Claire Coordination", counsellorId: null });
    const call = browser.setCookieCalls.find((c) => c.name === SESSION_COOKIE)!;
    expect(call.options).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/" });
    expect(await (await browser.api()).auth.me()).toMatchObject({ email: "coordination@medianum.test" });
  });

  it("stores only a hash of the session token and the password as argon2id", async () => {
    const browser = h.client();
    await browser.login("conseiller@medianum.test");
    const token = browser.cookies.get(SESSION_COOKIE)!;
    expect(token.length).toBeGreaterThanOrEqual(43); // 256 bits in base64url
    const sessions = await h.db.prisma.authSession.findMany();
    expect(sessions.some((s) => s.tokenHash === token)).toBe(false);
    const user = await h.db.prisma.user.findUniqueOrThrow({ where: { email: "conseiller@medianum.test" } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("refuses a wrong password or an unknown account with the same French message", async () => {
    const a = await errorOf(async () => h.client("198.51.100.1").login("conseiller@medianum.test", "mauvais"));
    const b = await errorOf(async () => h.client("198.51.100.2").login("personne@medianum.test", "mauvais"));
    expect(a.code).toBe("UNAUTHORIZED");
    expect(a.message).toBe("Adresse e-mail ou mot de passe incorrect.");
    expect(b.message).toBe(a.message);
  });

  it("refuses a disabled account", async () => {
    const err = await errorOf(async () => h.client("198.51.100.3").login("parti@medianum.test"));
    expect(err.code).toBe("UNAUTHORIZED");
  });

  it("rate-limits repeated failures on one account from one address, even with the right password afterwards", async () => {
    const browser = h.client("198.51.100.4");
    for (let i = 0; i < 5; i++) await errorOf(() => browser.login("coordination@medianum.test", "essai-" + i));
    const err = await errorOf(() => browser.login("coordination@medianum.test"));
    expect(err.code).toBe("TOO_MANY_REQUESTS");
    expect(err.message).toMatch(/réessayez dans \d+ minute/);
    h.clock.now = new Date(h.clock.now.getTime() + 16 * 60_000);
    await expect(browser.login("coordination@medianum.test")).resolves.toMatchObject({ role: "coordinator" });
  });

  it("a stranger's wrong passwords from elsewhere do not lock the owner out of their own network", async () => {
    const stranger = h.client("198.51.100.20");
    for (let i = 0; i < 5; i++) expect((await errorOf(() => stranger.login("conseiller@medianum.test", "devine-" + i))).code).toBe("UNAUTHORIZED");
    // The stranger's address is stopped for this account, even with the right password…
    const stopped = await errorOf(() => stranger.login("conseiller@medianum.test"));
    expect(stopped.code).toBe("TOO_MANY_REQUESTS");
    expect(stopped.details?.retryAfterSeconds).toBe(15 * 60);
    // …while the owner, from their usual address, logs in at once.
    await expect(h.client("198.51.100.21").login("conseiller@medianum.test")).resolves.toMatchObject({ role: "counsellor" });
  });

  it("never counts successful logins: 40 in a row from one address all succeed", async () => {
    const office = h.client("198.51.100.30");
    for (let i = 0; i < 40; i++) await expect(office.login("coordination@medianum.test")).resolves.toMatchObject({ role: "coordinator" });
    const counters = await h.db.prisma.rateLimitCounter.findMany({ where: { key: { contains: "198.51.100.30" } } });
    expect(counters.every((c) => c.count === 0)).toBe(true);
  });

  it("stops an address trying many accounts, and only that address", async () => {
    const scanner = h.client("198.51.100.40");
    for (let i = 0; i < 30; i++) expect((await errorOf(() => scanner.login(`compte-${i}@medianum.test`, "devine"))).code).toBe("UNAUTHORIZED");
    expect((await errorOf(() => scanner.login("coordination@medianum.test"))).code).toBe("TOO_MANY_REQUESTS");
    await expect(h.client("198.51.100.41").login("coordination@medianum.test")).resolves.toMatchObject({ role: "coordinator" });
  });

  it("counts parallel guesses too: 20 at once on one account give 5 password checks at most", async () => {
    const burst = h.client("198.51.100.50");
    const errors = await Promise.all(Array.from({ length: 20 }, (_, i) => errorOf(() => burst.login("coordination@medianum.test", "rafale-" + i))));
    expect(errors.filter((e) => e.code === "UNAUTHORIZED")).toHaveLength(5);
    expect(errors.filter((e) => e.code === "TOO_MANY_REQUESTS")).toHaveLength(15);
    expect(await h.db.prisma.auditLog.count({ where: { action: "auth.login_failed", ip: "198.51.100.50" } })).toBe(5);
  });

  it("logs out: the cookie is cleared and the session no longer works", async () => {
    const browser = h.client();
    await browser.login("conseiller@medianum.test");
    const token = browser.cookies.get(SESSION_COOKIE)!;
    await (await browser.api()).auth.logout();
    expect(browser.cookies.has(SESSION_COOKIE)).toBe(false);
    browser.cookies.set(SESSION_COOKIE, token); // a stolen copy of the old cookie
    expect(await (await browser.api()).auth.me()).toBeNull();
  });

  it("an expired session is not accepted", async () => {
    const browser = h.client();
    await browser.login("conseiller@medianum.test");
    h.clock.now = new Date(h.clock.now.getTime() + 15 * 24 * 3_600_000);
    expect(await (await browser.api()).auth.me()).toBeNull();
  });
});
