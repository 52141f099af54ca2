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

  it("rate-limits repeated attempts on one account, even with the right password afterwards", async () => {
    const browser = h.client("198.51.100.4");
    for (let i = 0; i < 5; i++) await errorOf(() => browser.login("coordination@medianum.test", "essai-" + i));
    const err = await errorOf(() => browser.login("coordination@medianum.test"));
    expect(err.code).toBe("TOO_MANY_REQUESTS");
    expect(err.message).toMatch(/réessayez dans \d+ minute/);
    h.clock.now = new Date(h.clock.now.getTime() + 16 * 60_000);
    await expect(browser.login("coordination@medianum.test")).resolves.toMatchObject({ role: "coordinator" });
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
