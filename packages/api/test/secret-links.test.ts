import { randomUUID } from "node:crypto";
import { readMigrations } from "@medianum/db";
import { PERSONAL_LINK_MASK } from "@medianum/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OBSOLETE_LINK_ERROR } from "../src/mail/deliver.js";
import { enqueueEmail } from "../src/mail/outbox.js";
import { appRouter } from "../src/root.js";
import { hashToken, newToken } from "../src/shared/tokens.js";
import { booking, createHarness, createPlace, createUser, createWorkshopSession, errorOf, seedTerritory, type Harness, type TestClient } from "./harness.js";
import { startMailbox, tokenIn, type Mailbox } from "./mailbox.js";

// Personal links (choose a password, manage a registration, follow a collège request) must never
// be readable by anyone but their recipient: not by staff through any procedure, not in the
// database. The attack this file replays: an admin invites a new admin, coordination reads the
// invitation link in the outbox, sets the password and becomes admin.

let h: Harness;
let mailbox: Mailbox;
let coordination: TestClient;
let placeId: string;
let ip = 1;
const visitor = () => h.client(`198.51.100.${ip++}`);

beforeAll(async () => {
  // As in production with SMTP_URL set: links are e-mailed, never shown.
  h = await createHarness(undefined, { smtpConfigured: true });
  mailbox = await startMailbox();
  await seedTerritory(h.db);
  placeId = (await createPlace(h.db)).id;
  await createUser(h.db, "admin", "admin@test.fr", "Adèle Admin");
  await createUser(h.db, "coordinator", "coordination@test.fr", "Coralie Coordination");
  coordination = h.client("203.0.113.50");
  await coordination.login("coordination@test.fr");
});
afterAll(async () => {
  await mailbox.close();
  await h.close();
});

async function adminApi() {
  const c = h.client("203.0.113.51");
  await c.login("admin@test.fr");
  return c.api();
}

/** Every procedure of these namespaces is walked below: a new one must be added there, or this fails. */
const WALKED = [
  "outbox.counts",
  "outbox.list",
  "outbox.message",
  "outbox.retry",
  "team.list",
  "team.invite",
  "team.resetPassword",
  "team.disable",
  "team.enable",
  "team.changeRole",
  "team.updatePost",
  "team.checkLink",
  "team.setPassword",
];

/** Everything coordination can read or trigger about the team, the outbox and the log, as text. */
async function walkAsCoordination(targetUserId: string): Promise<string> {
  const api = await coordination.api();
  const seen: unknown[] = [];
  const ids: string[] = [];
  for (const status of [undefined, "pending", "sent", "failed"] as const) {
    for (let page = 0; ; page++) {
      const list = await api.outbox.list({ page, ...(status ? { status } : {}) });
      seen.push(list);
      ids.push(...list.items.map((m) => m.id));
      if ((page + 1) * list.pageSize >= list.total) break;
    }
  }
  for (const search of ["jeton", "inscription", "suivi", "nouvel.admin"]) seen.push(await api.outbox.list({ search }));
  seen.push(await api.outbox.counts());
  for (const id of new Set(ids)) seen.push(await api.outbox.message({ id }));
  // Putting a failed message back in the queue gives nothing to read either.
  for (const id of new Set(ids)) seen.push(await api.outbox.retry({ id }));
  seen.push(await api.team.list());
  // Admin-only actions are refused, and their refusal says nothing.
  for (const attempt of [
    () => api.team.invite({ email: `autre-${randomUUID().slice(0, 6)}@test.fr`, displayName: "Autre", role: "admin" }),
    () => api.team.resetPassword({ userId: targetUserId }),
    () => api.team.disable({ userId: targetUserId }),
    () => api.team.enable({ userId: targetUserId }),
    () => api.team.changeRole({ userId: targetUserId, role: "coordinator" }),
  ]) {
    const e = await errorOf(attempt);
    expect(e.code).toBe("FORBIDDEN");
    seen.push(e.message);
  }
  seen.push(await errorOf(() => api.team.updatePost({ counsellorId: randomUUID() })).then((e) => e.message));
  let cursor: { at: Date; id: string } | null = null;
  do {
    const page: Awaited<ReturnType<typeof api.audit.list>> = await api.audit.list({ limit: 200, ...(cursor ? { cursor } : {}) });
    seen.push(page);
    cursor = page.next;
  } while (cursor);
  seen.push(await api.audit.facets());
  return JSON.stringify(seen);
}

/** Hashes of every link that opens something: a string that hashes to one of them is a usable link. */
async function liveTokenHashes(): Promise<Set<string>> {
  const { prisma } = h.db;
  const [users, regs, regTokens, requests, tracking] = await Promise.all([
    prisma.userToken.findMany({ select: { tokenHash: true } }),
    prisma.registration.findMany({ select: { manageTokenHash: true } }),
    prisma.registrationManageToken.findMany({ select: { tokenHash: true } }),
    prisma.collegeRequest.findMany({ select: { trackingTokenHash: true } }),
    prisma.collegeTrackingToken.findMany({ select: { tokenHash: true } }),
  ]);
  return new Set([
    ...users.map((t) => t.tokenHash),
    ...regs.map((r) => r.manageTokenHash),
    ...regTokens.map((t) => t.tokenHash),
    ...requests.map((r) => r.trackingTokenHash),
    ...tracking.map((t) => t.tokenHash),
  ]);
}

/** Asserts that nothing in `readout` opens any link, and that a password cannot be set with any of it. */
async function assertNoUsableLink(readout: string, targetUserId: string) {
  const candidates = new Set(readout.match(/[A-Za-z0-9_-]{20,}/g) ?? []);
  expect(candidates.size).toBeGreaterThan(0); // ids and names are there: the check is not vacuous
  const live = await liveTokenHashes();
  expect([...candidates].filter((c) => live.has(hashToken(c)))).toEqual([]);
  expect(readout).not.toMatch(/jeton=[A-Za-z0-9_-]{20,}|\/inscription\/[A-Za-z0-9_-]{20,}|\/colleges\/suivi\/[A-Za-z0-9_-]{20,}/);
  const before = (await h.db.prisma.user.findUniqueOrThrow({ where: { id: targetUserId } })).passwordHash;
  for (const token of [...candidates].filter((c) => c.length === 43)) {
    const e = await errorOf(async () => (await visitor().api()).team.setPassword({ token, password: "je prends la place", confirmation: "je prends la place" }));
    expect(e.code).toBe("NOT_FOUND");
  }
  expect((await h.db.prisma.user.findUniqueOrThrow({ where: { id: targetUserId } })).passwordHash).toBe(before);
}

describe("the escalation: coordination reads an admin's invitation", () => {
  it("finds no usable link in any outbox, team or audit procedure, before or after delivery; the invitee's e-mailed link works", async () => {
    expect(Object.keys(appRouter._def.procedures).filter((p) => /^(outbox|team)\./.test(p)).sort()).toEqual([...WALKED].sort());

    const admin = await adminApi();
    const invited = await admin.team.invite({ email: "nouvel.admin@test.fr", displayName: "Nouvel Admin", role: "admin" });
    expect(invited.handover).toBeNull();
    // Other personal links in the same outbox: a parent's manage link, a collège's tracking link, a reset.
    const s = await createWorkshopSession(h.db, { placeId, capacity: 5, startsAt: new Date(h.clock.now.getTime() + 5 * 86_400_000) });
    const booked = await (await visitor().api()).booking.book(booking(s.id, { email: "parent.secret@exemple.fr" }));
    const submitted = await (await visitor().api()).college.submit(collegeRequest("cpe.secret@college.fr"));
    const coordId = (await h.db.prisma.user.findUniqueOrThrow({ where: { email: "coordination@test.fr" } })).id;
    await admin.team.resetPassword({ userId: coordId });

    const before = await walkAsCoordination(invited.id);
    expect(before).toContain("Votre accès à Médianum");
    expect(before).toContain(PERSONAL_LINK_MASK);
    expect(before).not.toContain(booked.manageToken);
    expect(before).not.toContain(submitted.trackingToken);
    await assertNoUsableLink(before, invited.id);

    expect(await mailbox.deliver(h)).toMatchObject({ sent: 4, failed: 0, obsolete: 0 });
    const inviteMail = mailbox.to("nouvel.admin@test.fr").at(-1);
    const inviteToken = tokenIn(inviteMail, "mot-de-passe?jeton=");
    const manageToken = tokenIn(mailbox.to("parent.secret@exemple.fr").at(-1), "/inscription/");
    const trackingToken = tokenIn(mailbox.to("cpe.secret@college.fr").at(-1), "/colleges/suivi/");
    const resetToken = tokenIn(mailbox.to("coordination@test.fr").at(-1), "mot-de-passe?jeton=");

    const after = await walkAsCoordination(invited.id);
    for (const secret of [inviteToken, manageToken, trackingToken, resetToken]) expect(after).not.toContain(secret);
    await assertNoUsableLink(after, invited.id);

    // The links reach their recipients and work: the checks above could have found them.
    expect(await (await visitor().api()).booking.manage({ token: manageToken })).toMatchObject({ status: "confirmed" });
    expect((await (await visitor().api()).college.tracking({ token: trackingToken })).status).toBe("received");
    const invitee = visitor();
    expect(await (await invitee.api()).team.setPassword({ token: inviteToken, password: "le vrai nouvel admin", confirmation: "le vrai nouvel admin" })).toEqual({ role: "admin" });
    expect((await invitee.login("nouvel.admin@test.fr", "le vrai nouvel admin")).role).toBe("admin");
  });
});

function collegeRequest(email: string) {
  return {
    uai: "0470040N",
    establishmentName: "Collège Jasmin",
    address: "12 rue Jasmin",
    communeInsee: "47001",
    requesterName: "Claire Dupuy",
    requesterRole: "cpe" as const,
    email,
    classes: [{ level: "5e" as const, name: "5e A", pupils: 26 }],
    topics: ["cyberbullying" as const],
    periods: [{ from: "2027-01-11", to: "2027-01-22" }],
    consent: true as const,
  };
}

describe("the outbox viewer", () => {
  it("shows where a personal link goes, masked, and keeps only the envelope of a delivered message", async () => {
    const s = await createWorkshopSession(h.db, { placeId, capacity: 5, startsAt: new Date(h.clock.now.getTime() + 6 * 86_400_000) });
    const booked = await (await visitor().api()).booking.book(booking(s.id, { email: "masque@exemple.fr", firstName: "Mona" }));
    const api = await coordination.api();
    const [item] = (await api.outbox.list({ search: "masque@" })).items;
    expect(item).toMatchObject({ status: "pending", personalLink: "manage_registration", bodyErased: false, hasIcs: true });
    const msg = await api.outbox.message({ id: item!.id });
    expect(msg.text).toContain("Bonjour Mona,");
    expect(msg.text).toContain(`Voir, modifier ou annuler mon inscription : ${PERSONAL_LINK_MASK}`);
    expect(msg.text).not.toContain(booked.manageToken);
    expect(msg.ics).toMatch(/BEGIN:VCALENDAR/);

    await mailbox.deliver(h);
    const delivered = mailbox.to("masque@exemple.fr").at(-1)!;
    expect(delivered.text).toContain("Bonjour Mona,");
    expect(delivered.html).toContain('href="http://localhost:3000/inscription/');
    const [sent] = (await api.outbox.list({ search: "masque@" })).items;
    expect(sent).toMatchObject({ status: "sent", subject: "Inscription confirmée : Les écrans en famille", personalLink: "manage_registration", bodyErased: true, hasIcs: false });
    expect(await api.outbox.message({ id: item!.id })).toMatchObject({ text: null, ics: null, to: "masque@exemple.fr" });
    const row = await h.db.prisma.outboxEmail.findUniqueOrThrow({ where: { id: item!.id } });
    expect(row).toMatchObject({ text: null, html: null, ics: null });
  });

  it("masks a personal link written out in full before it is stored", async () => {
    const token = newToken();
    await enqueueEmail(
      h.db.prisma,
      { to: "colle@exemple.fr", subject: "Lien collé", text: `Voici : http://localhost:3000/inscription/${token}`, html: `<a href="http://x/pilotage/mot-de-passe?jeton=${token}">x</a>` },
      h.clock.now,
    );
    const row = await h.db.prisma.outboxEmail.findFirstOrThrow({ where: { to: "colle@exemple.fr" } });
    expect(row.text).toBe(`Voici : http://localhost:3000/inscription/${PERSONAL_LINK_MASK}`);
    expect(row.html).not.toContain(token);
    await h.db.prisma.outboxEmail.delete({ where: { id: row.id } });
  });
});

describe("delivery", () => {
  it("a failed message keeps its link until a retry sends it, with a link that works", async () => {
    const failing = await startMailbox({ failFirst: 1 });
    try {
      const admin = await adminApi();
      const { id } = await admin.team.invite({ email: "echec@test.fr", displayName: "Eve Échec", role: "counsellor" });
      expect(await failing.deliver(h, { maxAttempts: 1 })).toMatchObject({ failed: 1 });
      const api = await coordination.api();
      const [failed] = (await api.outbox.list({ search: "echec@" })).items;
      expect(failed).toMatchObject({ status: "failed", personalLink: "set_password", bodyErased: false });
      expect(failed!.lastError).toContain("451");
      expect(await api.outbox.retry({ id: failed!.id })).toEqual({ ok: true });
      expect(await failing.deliver(h)).toMatchObject({ sent: 1 });
      const token = tokenIn(failing.to("echec@test.fr").at(-1), "mot-de-passe?jeton=");
      expect(await (await visitor().api()).team.setPassword({ token, password: "enfin arrivé ici", confirmation: "enfin arrivé ici" })).toEqual({ role: "counsellor" });
      expect((await h.db.prisma.userToken.findFirstOrThrow({ where: { userId: id } })).usedAt).not.toBeNull();
    } finally {
      await failing.close();
    }
  });

  it("does not send a link that a newer one replaced before it left", async () => {
    const admin = await adminApi();
    const { id } = await admin.team.invite({ email: "double@test.fr", displayName: "Dora Double", role: "coordinator" });
    await admin.team.resetPassword({ userId: id });
    expect(await mailbox.deliver(h)).toMatchObject({ sent: 1, obsolete: 1 });
    const received = mailbox.to("double@test.fr");
    expect(received.map((m) => m.subject)).toEqual(["Choisir un nouveau mot de passe Médianum"]);
    const [first] = (await (await coordination.api()).outbox.list({ search: "double@", status: "failed" })).items;
    expect(first).toMatchObject({ subject: "Votre accès à Médianum", lastError: OBSOLETE_LINK_ERROR });
    const token = tokenIn(received[0], "mot-de-passe?jeton=");
    expect((await (await visitor().api()).team.checkLink({ token })).kind).toBe("password_reset");
  });
});

describe("delivery of links to data erased meanwhile", () => {
  it("sends no link to an anonymised registration or an erased collège request", async () => {
    const s = await createWorkshopSession(h.db, { placeId, capacity: 5, startsAt: new Date(h.clock.now.getTime() + 8 * 86_400_000) });
    await (await visitor().api()).booking.book(booking(s.id, { email: "efface.parent@exemple.fr" }));
    const { requestId } = await (await visitor().api()).college.submit(collegeRequest("efface.cpe@college.fr"));
    // What the retention jobs do to the data (their messages were still waiting, e.g. no SMTP for months).
    await h.db.prisma.registration.updateMany({ where: { email: "efface.parent@exemple.fr" }, data: { firstName: "Anonyme", anonymisedAt: h.clock.now } });
    await h.db.prisma.collegeRequest.update({ where: { id: requestId }, data: { requesterName: "(effacé)", email: "" } });
    const tokensBefore = (await h.db.prisma.registrationManageToken.count()) + (await h.db.prisma.collegeTrackingToken.count());
    expect(await mailbox.deliver(h)).toMatchObject({ sent: 0, obsolete: 2 });
    expect(mailbox.to("efface.parent@exemple.fr")).toEqual([]);
    expect(mailbox.to("efface.cpe@college.fr")).toEqual([]);
    expect((await h.db.prisma.registrationManageToken.count()) + (await h.db.prisma.collegeTrackingToken.count())).toBe(tokensBefore);
  });
});

describe("without SMTP", () => {
  it("gives the invitation or reset link once, to the admin who asked, and stores nothing readable", async () => {
    h.services.config.smtpConfigured = false;
    try {
      const admin = await adminApi();
      const outboxBefore = await h.db.prisma.outboxEmail.count();
      const invited = await admin.team.invite({ email: "en.main.propre@test.fr", displayName: "Hugo Handover", role: "counsellor" });
      expect(invited.handover).toEqual({ url: expect.stringMatching(/^http:\/\/localhost:3000\/pilotage\/mot-de-passe\?jeton=[A-Za-z0-9_-]{43}$/), expiresAt: new Date(h.clock.now.getTime() + 7 * 86_400_000) });
      const first = invited.handover!.url.split("jeton=")[1]!;
      // No e-mail: nothing in the outbox, nothing in the team list or the log.
      expect(await h.db.prisma.outboxEmail.count()).toBe(outboxBefore);
      const readout = await walkAsCoordination(invited.id);
      expect(readout).not.toContain(first);
      expect(JSON.stringify(await admin.team.list())).not.toContain(first);
      expect(JSON.stringify(await admin.audit.list({ action: "team." }))).not.toContain(first);

      // A reset gives a new link once more; the first one stops working.
      const reset = await admin.team.resetPassword({ userId: invited.id });
      const second = reset.handover!.url.split("jeton=")[1]!;
      expect(second).not.toBe(first);
      expect((await errorOf(async () => (await visitor().api()).team.checkLink({ token: first }))).code).toBe("NOT_FOUND");
      expect(await (await visitor().api()).team.setPassword({ token: second, password: "remis en main propre", confirmation: "remis en main propre" })).toEqual({ role: "counsellor" });
    } finally {
      h.services.config.smtpConfigured = true;
    }
  });
});

describe("messages queued before links were created at delivery", () => {
  it("the migration turns their plain links into references (sent bodies erased); they go out with a working link", async () => {
    const s = await createWorkshopSession(h.db, { placeId, capacity: 5, startsAt: new Date(h.clock.now.getTime() + 7 * 86_400_000) });
    const booked = await (await visitor().api()).booking.book(booking(s.id, { email: "ancien.parent@exemple.fr" }));
    const reg = await h.db.prisma.registration.findFirstOrThrow({ where: { email: "ancien.parent@exemple.fr" } });
    await h.db.prisma.outboxEmail.deleteMany({ where: { to: "ancien.parent@exemple.fr" } });
    // As the product wrote them before: the on-screen token in clear, in a pending and a sent message.
    const plain = `Gérer : http://localhost:3000/inscription/${booked.manageToken}`;
    await h.db.prisma.outboxEmail.create({ data: { to: "ancien.parent@exemple.fr", subject: "Ancien en attente", text: plain, html: `<a href="http://localhost:3000/inscription/${booked.manageToken}">x</a>` } });
    await h.db.prisma.outboxEmail.create({ data: { to: "ancien.parent@exemple.fr", subject: "Ancien envoyé", text: plain, status: "sent" } });
    const stray = newToken();
    await h.db.prisma.outboxEmail.create({ data: { to: "ancien.parent@exemple.fr", subject: "Lien inconnu", text: `http://localhost:3000/colleges/suivi/${stray}`, status: "failed" } });

    await h.db.sql.exec(await dataPartOfMigration());

    const rows = await h.db.prisma.outboxEmail.findMany({ where: { to: "ancien.parent@exemple.fr" }, orderBy: { subject: "asc" } });
    const [pending, sent, unknown] = rows;
    expect(sent).toMatchObject({ subject: "Ancien envoyé", text: null, html: null });
    expect(pending).toMatchObject({ linkKind: "manage_registration", linkTargetId: reg.id, linkPrefix: "http://localhost:3000/inscription/", text: "Gérer : [[LIEN_PERSONNEL]]" });
    expect(pending!.html).not.toContain(booked.manageToken);
    // A link that opens nothing cannot be recreated: it is kept out, and the message not sent.
    expect(unknown).toMatchObject({ linkKind: "college_tracking", linkTargetId: null });
    expect(unknown!.text).not.toContain(stray);

    await mailbox.deliver(h);
    const mail = mailbox.to("ancien.parent@exemple.fr").at(-1);
    expect(mail?.subject).toBe("Ancien en attente");
    expect((await (await visitor().api()).booking.manage({ token: tokenIn(mail, "/inscription/") })).status).toBe("confirmed");
  });
});

/** The data statements of the migration that introduced links created at delivery (idempotent). */
async function dataPartOfMigration(): Promise<string> {
  const m = (await readMigrations()).find((x) => x.name.endsWith("_outbox_personal_links"));
  if (!m) throw new Error("migration *_outbox_personal_links not found");
  const at = m.sql.indexOf("-- Data:");
  expect(at).toBeGreaterThan(0);
  return m.sql.slice(at);
}
