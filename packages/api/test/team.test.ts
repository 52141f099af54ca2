import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "../src/shared/tokens.js";
import { createHarness, createPlace, createUser, errorOf, seedTerritory, type Harness } from "./harness.js";
import { startMailbox, tokenIn, type Mailbox } from "./mailbox.js";

// With an SMTP server: invitation and reset links reach people by e-mail only (secret-links.test.ts
// covers the server without SMTP, where the administrator hands the link over).
let h: Harness;
let mailbox: Mailbox;
let adminId: string;
beforeAll(async () => {
  h = await createHarness(undefined, { smtpConfigured: true });
  mailbox = await startMailbox();
  await seedTerritory(h.db);
  adminId = (await createUser(h.db, "admin", "admin@test.fr", "Adèle Admin")).user.id;
  await createUser(h.db, "coordinator", "coordination@test.fr", "Coralie");
});
afterAll(async () => {
  await mailbox.close();
  await h.close();
});

async function as(email: string, ip = "203.0.113.10") {
  const c = h.client(ip);
  await c.login(email);
  return c;
}

/** Sends the outbox, then the link of the last e-mail `to` received, as the person would click it. */
async function lastLink(to: string) {
  await mailbox.deliver(h);
  const mail = mailbox.to(to).at(-1);
  expect(mail?.text).toMatch(/http:\/\/localhost:3000\/pilotage\/mot-de-passe\?jeton=/);
  return { mail: mail!, token: tokenIn(mail, "mot-de-passe?jeton=") };
}

describe("invitations", () => {
  it("an admin invites a counsellor, who sets a password from the e-mailed link and logs in", async () => {
    const admin = await as("admin@test.fr");
    const { id, handover } = await (await admin.api()).team.invite({ email: "Nina.Nouvelle@Test.fr", displayName: "Nina Nouvelle", role: "counsellor" });
    expect(handover).toBeNull();
    const { mail, token } = await lastLink("nina.nouvelle@test.fr");
    expect(mail.subject).toBe("Votre accès à Médianum");
    expect(mail.text).toContain("Adèle Admin vous invite");
    // Only the hash is stored; the token is long and random.
    expect(token.length).toBeGreaterThanOrEqual(43);
    const stored = await h.db.prisma.userToken.findFirstOrThrow({ where: { userId: id } });
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(stored.kind).toBe("invite");
    expect(await h.db.prisma.counsellor.count({ where: { userId: id } })).toBe(1);

    const visitor = h.client("198.51.100.20");
    const pub = await visitor.api();
    expect(await pub.team.checkLink({ token })).toEqual({ displayName: "Nina Nouvelle", email: "nina.nouvelle@test.fr", kind: "invite" });
    const mismatch = await errorOf(() => pub.team.setPassword({ token, password: "un mot de passe solide", confirmation: "autre chose" }));
    expect(mismatch.code).toBe("BAD_REQUEST");
    expect(await pub.team.setPassword({ token, password: "un mot de passe solide", confirmation: "un mot de passe solide" })).toEqual({ role: "counsellor" });
    // Single use.
    const again = await errorOf(() => pub.team.setPassword({ token, password: "encore un autre mot", confirmation: "encore un autre mot" }));
    expect(again.message).toMatch(/n'est plus valable/);
    expect((await visitor.login("nina.nouvelle@test.fr", "un mot de passe solide")).role).toBe("counsellor");
    const actions = (await h.db.prisma.auditLog.findMany({ where: { entityId: id, action: { startsWith: "team." } }, orderBy: { at: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["team.invite", "team.password_set"]);
  });

  it("refuses an address already in use, and an invitation by a coordinator", async () => {
    const admin = await (await as("admin@test.fr")).api();
    const dup = await errorOf(() => admin.team.invite({ email: "coordination@test.fr", displayName: "X", role: "coordinator" }));
    expect(dup.code).toBe("CONFLICT");
    const coord = await (await as("coordination@test.fr")).api();
    const e = await errorOf(() => coord.team.invite({ email: "z@test.fr", displayName: "Z", role: "admin" }));
    expect(e.code).toBe("FORBIDDEN");
    expect(await h.db.prisma.user.count({ where: { email: "z@test.fr" } })).toBe(0);
  });

  it("an expired link is refused", async () => {
    const admin = await (await as("admin@test.fr")).api();
    await admin.team.invite({ email: "tard@test.fr", displayName: "Trop Tard", role: "coordinator" });
    const { token } = await lastLink("tard@test.fr");
    const saved = h.clock.now;
    h.clock.now = new Date(saved.getTime() + 8 * 24 * 3_600_000);
    try {
      const e = await errorOf(async () => (await h.client("198.51.100.21").api()).team.checkLink({ token }));
      expect(e.code).toBe("NOT_FOUND");
    } finally {
      h.clock.now = saved;
    }
  });
});

describe("disable and reset", () => {
  it("disabling ends the person's sessions at once; reset sends a new single-use link replacing older ones", async () => {
    await createUser(h.db, "counsellor", "paul@test.fr", "Paul");
    const paul = await as("paul@test.fr", "198.51.100.30");
    expect(await (await paul.api()).auth.me()).not.toBeNull();
    const admin = await (await as("admin@test.fr")).api();
    const paulId = (await h.db.prisma.user.findUniqueOrThrow({ where: { email: "paul@test.fr" } })).id;

    await admin.team.resetPassword({ userId: paulId });
    const first = (await lastLink("paul@test.fr")).token;
    await admin.team.resetPassword({ userId: paulId });
    const second = await lastLink("paul@test.fr");
    expect(second.mail.subject).toBe("Choisir un nouveau mot de passe Médianum");
    expect((await errorOf(async () => (await h.client("198.51.100.31").api()).team.checkLink({ token: first }))).code).toBe("NOT_FOUND");

    const res = await admin.team.disable({ userId: paulId });
    expect(res.sessionsEnded).toBe(1);
    expect(await (await paul.api()).auth.me()).toBeNull();
    const relog = await errorOf(() => paul.login("paul@test.fr"));
    expect(relog.code).toBe("UNAUTHORIZED");
    // The pending reset link died with the account.
    expect((await errorOf(async () => (await h.client("198.51.100.32").api()).team.checkLink({ token: second.token }))).code).toBe("NOT_FOUND");
    const list = await admin.team.list();
    expect(list.find((u) => u.id === paulId)?.disabled).toBe(true);

    await admin.team.enable({ userId: paulId });
    expect((await paul.login("paul@test.fr")).email).toBe("paul@test.fr");
  });

  it("an admin cannot disable themselves nor demote the last admin", async () => {
    const admin = await (await as("admin@test.fr")).api();
    expect((await errorOf(() => admin.team.disable({ userId: adminId }))).code).toBe("CONFLICT");
    const e = await errorOf(() => admin.team.changeRole({ userId: adminId, role: "coordinator" }));
    expect(e.message).toMatch(/dernier compte administrateur/);
  });
});

describe("counsellors' posts", () => {
  it("staff set dates, territory and usual place; bad dates are refused", async () => {
    const { counsellor } = await createUser(h.db, "counsellor", "post@test.fr", "Posté");
    const place = await createPlace(h.db);
    const coord = await (await as("coordination@test.fr")).api();
    await coord.team.updatePost({ counsellorId: counsellor!.id, postStartsOn: "2026-01-05", postEndsOn: "2028-01-04", territoryEpciCodes: ["200068930"], usualPlaceId: place.id, phone: "06 12 34 56 78" });
    const m = (await coord.team.list()).find((u) => u.email === "post@test.fr")!;
    expect(m.counsellor).toMatchObject({ postStartsOn: "2026-01-05", postEndsOn: "2028-01-04", territoryEpciCodes: ["200068930"], usualPlaceId: place.id, phone: "0612345678" });
    expect((await errorOf(() => coord.team.updatePost({ counsellorId: counsellor!.id, postStartsOn: "2026-02-01", postEndsOn: "2026-01-01" }))).code).toBe("BAD_REQUEST");
    expect((await errorOf(() => coord.team.updatePost({ counsellorId: counsellor!.id, territoryEpciCodes: ["999999999"] }))).message).toMatch(/inconnue/);
  });
});

describe("audit log viewer", () => {
  it("filters by action, actor and day, newest first, page by page", async () => {
    const admin = await (await as("admin@test.fr")).api();
    const team = await admin.audit.list({ action: "team.", limit: 3 });
    expect(team.entries).toHaveLength(3);
    expect(team.entries.every((e) => e.action.startsWith("team."))).toBe(true);
    expect(team.next).not.toBeNull();
    const page2 = await admin.audit.list({ action: "team.", limit: 3, cursor: team.next! });
    expect(page2.entries[0]!.at.getTime()).toBeLessThanOrEqual(team.entries[2]!.at.getTime());
    expect(page2.entries.map((e) => e.id)).not.toContain(team.entries[0]!.id);
    const mine = await admin.audit.list({ actorUserId: adminId, action: "team.disable" });
    expect(mine.entries.map((e) => [e.action, e.actorName])).toEqual([["team.disable", "Adèle Admin"]]);
    expect((await admin.audit.list({ from: "2026-11-26" })).entries).toEqual([]);
    expect((await admin.audit.list({ from: "2026-11-25", to: "2026-11-25" })).entries.length).toBeGreaterThan(0);
    const facets = await admin.audit.facets();
    expect(facets.actions).toContain("team.invite");
  });
});
