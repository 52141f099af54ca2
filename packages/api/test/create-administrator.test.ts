import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdministrator } from "../src/team/create-administrator.js";
import { createHarness, createUser, errorOf, type Harness } from "./harness.js";

// The operator's command on a new instance: the first administrator, and later the recovery of one.

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const tokenOf = (url: string) => new URL(url).searchParams.get("jeton")!;

describe("createAdministrator (pnpm create-admin)", () => {
  it("creates the first administrator, whose printed link sets the password and opens the back-office", async () => {
    const res = await createAdministrator(h.db.prisma, { email: "Premiere.Admin@Departement.fr", displayName: "Première Admin", publicUrl: "https://medianum.example", now: h.clock.now });
    expect(res.created).toBe(true);
    expect(res.link.url).toMatch(/^https:\/\/medianum\.example\/pilotage\/.*\?jeton=[A-Za-z0-9_-]{43,}$/);
    // Nothing was e-mailed: the link exists only in the operator's terminal.
    expect(await h.db.prisma.outboxEmail.count()).toBe(0);
    const pub = await h.client().api();
    expect(await pub.team.setPassword({ token: tokenOf(res.link.url), password: "une phrase de passe solide", confirmation: "une phrase de passe solide" })).toEqual({ role: "admin" });
    const me = await h.client().login("premiere.admin@departement.fr", "une phrase de passe solide");
    expect(me).toMatchObject({ role: "admin", displayName: "Première Admin" });
    expect(await h.db.prisma.auditLog.count({ where: { action: "team.create_admin", entityId: res.userId } })).toBe(1);
  });

  it("recovers an account: it becomes administrator again, its sessions and old password stop working", async () => {
    await createUser(h.db, "coordinator", "ancienne@medianum.test");
    const before = h.client();
    await before.login("ancienne@medianum.test");
    const res = await createAdministrator(h.db.prisma, { email: "ancienne@medianum.test", displayName: "Ancienne", publicUrl: "https://medianum.example", now: h.clock.now });
    expect(res.created).toBe(false);
    expect(await (await before.api()).auth.me()).toBeNull();
    const pub = await h.client().api();
    await pub.team.setPassword({ token: tokenOf(res.link.url), password: "un nouveau mot de passe", confirmation: "un nouveau mot de passe" });
    expect(await h.client().login("ancienne@medianum.test", "un nouveau mot de passe")).toMatchObject({ role: "admin" });
  });

  it("refuses a malformed e-mail with a French message, and creates nothing", async () => {
    const before = await h.db.prisma.user.count();
    const err = await errorOf(() => createAdministrator(h.db.prisma, { email: "pas-une-adresse", displayName: "X", publicUrl: "https://medianum.example", now: h.clock.now }));
    expect(err.message).toMatch(/adresse e-mail/i);
    expect(await h.db.prisma.user.count()).toBe(before);
  });
});
