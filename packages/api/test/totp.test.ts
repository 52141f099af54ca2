import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../src/auth/session.js";
import { createHarness, createUser, errorOf, type Harness, type TestClient } from "./harness.js";

// TOTP of administrators through the router: setup with a code computed by otplib from the secret
// shown, then the login's second step, replay, wrong codes, recovery codes, switch-off and reset.

let h: Harness;
let adminId: string;
let colleagueId: string;
beforeAll(async () => {
  h = await createHarness();
  adminId = (await createUser(h.db, "admin", "admin@medianum.test", "Alice Admin")).user.id;
  colleagueId = (await createUser(h.db, "admin", "collegue@medianum.test", "Bruno Admin")).user.id;
});
afterAll(() => h.close());

const codeAt = (secret: string, date = h.clock.now) => generate({ secret, epoch: Math.floor(date.getTime() / 1000) });
/** Moves the server's clock to the next 30-second step (a new code in the app). */
const nextStep = () => {
  h.clock.now = new Date(h.clock.now.getTime() + 30_000);
};

async function setUp(browser: TestClient) {
  const api = await browser.api();
  const setup = await api.totp.beginSetup();
  const { recoveryCodes } = await api.totp.confirmSetup({ code: await codeAt(setup.secret) });
  return { secret: setup.secret, recoveryCodes, setup };
}

describe("TOTP for administrators", () => {
  let secret: string;
  let recoveryCodes: string[];

  it("sets up with a QR code and the secret, confirmed by a current code; recovery codes are shown once, stored hashed", async () => {
    const browser = h.client();
    await browser.login("admin@medianum.test");
    const api = await browser.api();
    expect(await api.totp.status()).toMatchObject({ enabled: false });

    const wrong = await errorOf(async () => (await browser.api()).totp.confirmSetup({ code: "000000" }));
    expect(wrong.message).toContain("Affichez d'abord le QR code");

    const done = await setUp(browser);
    ({ secret, recoveryCodes } = done);
    expect(done.setup.qrCodeDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(done.setup.qrCodeDataUrl.split(",")[1]!, "base64").toString()).toContain("<svg");
    expect(done.setup.otpauthUrl).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    expect(done.setup.otpauthUrl).toContain(secret);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(recoveryCodes[0]).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);

    const stored = await h.db.prisma.totpRecoveryCode.findMany({ where: { userId: adminId } });
    expect(stored).toHaveLength(10);
    expect(stored.some((r) => recoveryCodes.some((c) => r.codeHash.includes(c.replace(/-/g, ""))))).toBe(false);
    // This session gave the code: it goes on working; a second setup is refused, the secret never sent again.
    expect(await (await browser.api()).totp.status()).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    const again = await errorOf(async () => (await browser.api()).totp.beginSetup());
    expect(again.code).toBe("CONFLICT");
    expect(JSON.stringify(await (await browser.api()).totp.admins())).not.toContain(secret);
    expect(await h.db.prisma.auditLog.count({ where: { action: "auth.totp_enabled", entityId: adminId } })).toBe(1);
  });

  it("a password login then asks for the code before any admin action; a right code opens the session", async () => {
    nextStep();
    const browser = h.client("203.0.113.20");
    const me = await browser.login("admin@medianum.test");
    expect(me).toMatchObject({ email: "admin@medianum.test", secondFactorPending: true });
    expect(await (await browser.api()).auth.me()).toMatchObject({ secondFactorPending: true });

    const refused = await errorOf(async () => (await browser.api()).totp.admins());
    expect(refused.code).toBe("UNAUTHORIZED");
    expect(refused.message).toBe("Saisissez le code de votre application d'authentification pour continuer.");
    expect(refused.details).toMatchObject({ secondFactorRequired: true });
    // Nor any staff reading of personal data.
    expect((await errorOf(async () => (await browser.api()).team.list())).code).toBe("UNAUTHORIZED");

    const user = await (await browser.api()).totp.verify({ code: await codeAt(secret) });
    expect(user.secondFactorPending).toBeUndefined();
    expect((await (await browser.api()).auth.me())?.secondFactorPending).toBeUndefined();
    expect((await (await browser.api()).totp.admins()).map((a) => a.email)).toContain("admin@medianum.test");
  });

  it("refuses a replayed code (same time step), even from another login, and takes the next one", async () => {
    const code = await codeAt(secret);
    const browser = h.client("203.0.113.21");
    await browser.login("admin@medianum.test");
    const replay = await errorOf(async () => (await browser.api()).totp.verify({ code }));
    expect(replay.code).toBe("UNAUTHORIZED");
    expect(replay.message).toContain("n'est pas valide ou a déjà servi");
    // The code of the step before the last one accepted is refused as well (drift window, but older).
    expect((await errorOf(async () => (await browser.api()).totp.verify({ code: await codeAt(secret, new Date(h.clock.now.getTime() - 30_000)) }))).code).toBe("UNAUTHORIZED");
    nextStep();
    await (await browser.api()).totp.verify({ code: await codeAt(secret) });
    expect(await (await browser.api()).totp.status()).toMatchObject({ enabled: true });
  });

  it("accepts a code one step early or late (phone clock drift), not two", async () => {
    nextStep();
    nextStep();
    const browser = h.client("203.0.113.22");
    await browser.login("admin@medianum.test");
    const twoAhead = await codeAt(secret, new Date(h.clock.now.getTime() + 60_000));
    expect((await errorOf(async () => (await browser.api()).totp.verify({ code: twoAhead }))).code).toBe("UNAUTHORIZED");
    const oneAhead = await codeAt(secret, new Date(h.clock.now.getTime() + 30_000));
    await (await browser.api()).totp.verify({ code: oneAhead });
    expect(await (await browser.api()).totp.status()).toMatchObject({ enabled: true });
    nextStep(); // the app's next code is now the one already used
    nextStep();
  });

  it("refuses a wrong code, and stops guessing after 5 wrong codes", async () => {
    // A fresh window of the limit (the replays above counted as wrong codes).
    h.clock.now = new Date(h.clock.now.getTime() + 16 * 60_000);
    const since = h.clock.now;
    const browser = h.client("203.0.113.23");
    await browser.login("admin@medianum.test");
    const right = await codeAt(secret);
    const wrong = right === "123456" ? "654321" : "123456";
    const bad = await errorOf(async () => (await browser.api()).totp.verify({ code: wrong }));
    expect(bad.code).toBe("UNAUTHORIZED");
    const malformed = await errorOf(async () => (await browser.api()).totp.verify({ code: "12ab" }));
    expect(malformed.code).toBe("BAD_REQUEST");
    for (let i = 0; i < 3; i++) await errorOf(async () => (await browser.api()).totp.verify({ code: wrong }));
    // 4 failures so far: the right code still passes and gives its slot back...
    await (await browser.api()).totp.verify({ code: right });
    const other = h.client("203.0.113.24");
    await other.login("admin@medianum.test");
    nextStep();
    await errorOf(async () => (await other.api()).totp.verify({ code: wrong }));
    // ...now 5 failures: even the right code waits.
    const limited = await errorOf(async () => (await other.api()).totp.verify({ code: await codeAt(secret) }));
    expect(limited.code).toBe("TOO_MANY_REQUESTS");
    expect(limited.message).toContain("Trop de codes incorrects");
    expect(await h.db.prisma.auditLog.count({ where: { action: "auth.second_factor_failed", entityId: adminId, at: { gte: since } } })).toBe(5);
    h.clock.now = new Date(h.clock.now.getTime() + 16 * 60_000);
  });

  it("a recovery code opens a session once, typed in any case with or without dashes", async () => {
    const a = h.client("203.0.113.25");
    await a.login("admin@medianum.test");
    await (await a.api()).totp.verify({ code: ` ${recoveryCodes[0]!.toLowerCase().replace(/-/g, " ")} ` });
    expect(await (await a.api()).totp.status()).toMatchObject({ enabled: true, recoveryCodesLeft: 9 });
    const b = h.client("203.0.113.26");
    await b.login("admin@medianum.test");
    const reused = await errorOf(async () => (await b.api()).totp.verify({ code: recoveryCodes[0]! }));
    expect(reused.code).toBe("UNAUTHORIZED");
  });

  it("sessions opened before TOTP was switched on owe the code too", async () => {
    const before = h.client("203.0.113.27");
    await before.login("collegue@medianum.test");
    const colleague = h.client("203.0.113.28");
    await colleague.login("collegue@medianum.test");
    await setUp(colleague);
    expect((await errorOf(async () => (await before.api()).team.list())).code).toBe("UNAUTHORIZED");
    expect(await (await colleague.api()).totp.status()).toMatchObject({ enabled: true });
  });

  it("another administrator resets a colleague's TOTP (audited, the colleague's sessions end); not their own", async () => {
    nextStep();
    const admin = h.client("203.0.113.29");
    await admin.login("admin@medianum.test");
    await (await admin.api()).totp.verify({ code: await codeAt(secret) });
    const own = await errorOf(async () => (await admin.api()).totp.resetFor({ userId: adminId }));
    expect(own.code).toBe("BAD_REQUEST");
    await (await admin.api()).totp.resetFor({ userId: colleagueId });
    expect(await h.db.prisma.authSession.count({ where: { userId: colleagueId } })).toBe(0);
    const entry = await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: "team.totp_reset" } });
    expect(entry).toMatchObject({ actorUserId: adminId, entityId: colleagueId });
    const colleague = h.client("203.0.113.30");
    const me = await colleague.login("collegue@medianum.test");
    expect(me.secondFactorPending).toBeUndefined();
    expect((await (await admin.api()).totp.admins()).find((a) => a.id === colleagueId)?.totpEnabledAt).toBeNull();
  });

  it("the owner switches TOTP off with a current code; the next login asks no code", async () => {
    nextStep();
    const browser = h.client("203.0.113.31");
    await browser.login("admin@medianum.test");
    await (await browser.api()).totp.verify({ code: await codeAt(secret) });
    const replay = await errorOf(async () => (await browser.api()).totp.disable({ code: await codeAt(secret) }));
    expect(replay.code).toBe("UNAUTHORIZED");
    nextStep();
    await (await browser.api()).totp.disable({ code: await codeAt(secret) });
    expect(await (await browser.api()).totp.status()).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    expect(await h.db.prisma.totpRecoveryCode.count({ where: { userId: adminId } })).toBe(0);
    const user = await h.db.prisma.user.findUniqueOrThrow({ where: { id: adminId } });
    expect(user.totpSecret).toBeNull();
    const next = h.client("203.0.113.32");
    expect((await next.login("admin@medianum.test")).secondFactorPending).toBeUndefined();
    expect(next.cookies.get(SESSION_COOKIE)).toBeTruthy();
    expect(await (await next.api()).totp.admins()).toHaveLength(2);
  });

  it("counsellors and coordinators have nothing to verify; anonymous callers are refused", async () => {
    await createUser(h.db, "coordinator", "coordination@medianum.test");
    const browser = h.client("203.0.113.33");
    await browser.login("coordination@medianum.test");
    const none = await errorOf(async () => (await browser.api()).totp.verify({ code: "123456" }));
    expect(none.code).toBe("BAD_REQUEST");
    expect(none.message).toContain("Aucun code n'est demandé");
    expect((await errorOf(async () => (await h.client().api()).totp.verify({ code: "123456" }))).code).toBe("UNAUTHORIZED");
  });
});
