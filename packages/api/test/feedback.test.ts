import { randomUUID } from "node:crypto";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportKinds, statsFilters, type ExportKind } from "@medianum/domain";
import { writeExport } from "../src/exports/write.js";
import { sendFeedbackInvitations } from "../src/feedback/invite-parents.js";
import { mintPersonalLink } from "../src/mail/link-minters.js";
import type { PersonalLinkKind } from "../src/mail/personal-link.js";
import { hashToken } from "../src/shared/tokens.js";
import { readCsv } from "./csv-read.js";
import { createHarness, createPlace, createUser, createWorkshopSession, errorOf, seedTerritory, type Harness, type TestClient } from "./harness.js";

// Feedback after a workshop or a collège session: invitations and answers live in separate rows,
// an answer never points back to who was invited, small groups never leave the server.

let h: Harness;
let placeId: string;
let counsellorId: string;
let coordinator: TestClient;
let counsellor: TestClient;
const parent = () => h.client(`198.51.100.${Math.floor(Math.random() * 200) + 1}`);

beforeAll(async () => {
  h = await createHarness(new Date("2026-11-25T10:00:00Z"));
  await seedTerritory(h.db);
  placeId = (await createPlace(h.db)).id;
  counsellorId = (await createUser(h.db, "counsellor", "lea@medianum.test", "Léa Conseillère")).counsellor!.id;
  await createUser(h.db, "coordinator", "coord@medianum.test");
  coordinator = h.client("203.0.113.50");
  await coordinator.login("coord@medianum.test");
  counsellor = h.client("203.0.113.51");
  await counsellor.login("lea@medianum.test");
});
afterAll(() => h.close());

/** A session held at `startsAt` with `present` parents marked present, plus one absent and one present without e-mail. */
async function heldSession(title: string, startsAt: Date, present: number) {
  const s = await createWorkshopSession(h.db, { placeId, capacity: 30, startsAt, counsellorIds: [counsellorId], title });
  const reg = (status: string, i: number, email: string | null) =>
    h.db.prisma.registration.create({
      data: { sessionId: s.id, status, seats: 1, firstName: `Parent${i}`, lastName: `Nom-${title}-${i}`, email, consentAt: startsAt, manageTokenHash: randomUUID(), checkedInAt: status === "attended" ? startsAt : null },
    });
  const attended = [];
  for (let i = 0; i < present; i += 1) attended.push(await reg("attended", i, `p${i}-${randomUUID().slice(0, 6)}@exemple.fr`));
  await reg("no_show", 90, "absent@exemple.fr");
  await reg("attended", 91, null);
  return { session: s, attended };
}

/** The link each invited parent receives, created as the delivery worker would (only its hash is stored). */
async function parentTokens(sessionId: string) {
  const invitations = await h.db.prisma.feedbackInvitation.findMany({ where: { workshopSessionId: sessionId }, select: { id: true } });
  const rows = await h.db.prisma.outboxEmail.findMany({ where: { linkKind: "feedback", linkTargetId: { in: invitations.map((i) => i.id) } } });
  const tokens: string[] = [];
  for (const r of rows) {
    const url = await mintPersonalLink(h.db.prisma, { kind: r.linkKind as PersonalLinkKind, targetId: r.linkTargetId!, prefix: r.linkPrefix! }, h.clock.now);
    tokens.push(url!.split("/avis/")[1]!);
  }
  return tokens;
}

const answers = (usefulness: number, comment?: string) => ({ usefulness, recommend: "yes" as const, change: "Couper le wifi au dîner.", ...(comment ? { comment } : {}) });

async function exportCsv(kind: ExportKind, from = "2026-01-01", to = "2026-12-31") {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  await writeExport(h.db.prisma, kind, "csv", statsFilters.parse({ from, to }), out);
  out.end();
  return readCsv(Buffer.concat(chunks).toString("utf8"));
}

describe("parents' questionnaire, the day after", () => {
  it("invites each parent marked present with an e-mail, once, through the outbox without the link", async () => {
    const { session, attended } = await heldSession("Écrans en famille", new Date("2026-11-24T17:00:00Z"), 3);
    const first = await sendFeedbackInvitations(h.db.prisma, h.services.config, h.clock.now);
    expect(first.queued).toBe(3);
    expect((await sendFeedbackInvitations(h.db.prisma, h.services.config, h.clock.now)).queued).toBe(0);
    const mails = await h.db.prisma.outboxEmail.findMany({ where: { linkKind: "feedback" } });
    expect(mails.map((m) => m.to).sort()).toEqual(attended.map((a) => a.email).sort());
    expect(mails[0]!.subject).toBe("Votre avis sur l'atelier « Écrans en famille »");
    expect(mails[0]!.text).toContain("[[LIEN_PERSONNEL]]");
    expect(mails[0]!.text).not.toMatch(/\/avis\/[A-Za-z0-9_-]{20,}/);
    expect(await h.db.prisma.feedbackInvitation.count({ where: { workshopSessionId: session.id } })).toBe(3);
  });

  it("a link answers once, even twice at the same moment; the answer keeps no trace of the invitation", async () => {
    const { session } = await heldSession("Réseaux sociaux", new Date("2026-11-24T09:00:00Z"), 2);
    await sendFeedbackInvitations(h.db.prisma, h.services.config, h.clock.now);
    const [token] = await parentTokens(session.id);
    const api = await parent().api();
    expect(await api.feedback.link({ token: token! })).toEqual({ status: "open", kind: "workshop_session", title: "Réseaux sociaux", day: "2026-11-24" });

    // Either may win the race: both carry the comment the moderation test below looks for.
    const both = await Promise.allSettled([api.feedback.submit({ token: token!, answers: answers(4, "Très clair") }), api.feedback.submit({ token: token!, answers: answers(1, "Très clair") })]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const again = await errorOf(() => api.feedback.submit({ token: token!, answers: answers(2) }));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toBe("Vous avez déjà répondu à ce questionnaire : merci !");
    expect(await api.feedback.link({ token: token! })).toEqual({ status: "answered" });

    const stored = await h.db.prisma.feedbackAnswer.findMany({ where: { workshopSessionId: session.id } });
    expect(stored).toHaveLength(1);
    const invitation = await h.db.prisma.feedbackInvitation.findUniqueOrThrow({ where: { tokenHash: hashToken(token!) } });
    const regs = await h.db.prisma.registration.findMany({ where: { sessionId: session.id } });
    const values = JSON.stringify(stored[0]);
    for (const secret of [invitation.id, invitation.registrationId!, ...regs.flatMap((r) => [r.id, r.email ?? "", r.lastName])].filter(Boolean)) expect(values).not.toContain(secret);
    expect(stored[0]).toMatchObject({ kind: "workshop_session", counsellorIds: [counsellorId], themes: ["screens"] });
    expect(stored[0]!.month.toISOString().slice(0, 10)).toBe("2026-11-01");
  });

  it("refuses a broken answer in French and stores nothing", async () => {
    const { session } = await heldSession("Cyberharcèlement", new Date("2026-11-24T12:00:00Z"), 1);
    await sendFeedbackInvitations(h.db.prisma, h.services.config, h.clock.now);
    const [token] = await parentTokens(session.id);
    const api = await parent().api();
    const bad = await errorOf(() => api.feedback.submit({ token: token!, answers: { usefulness: 7, recommend: "yes" } as never }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.message).toContain("Utilité : choisissez une réponse de 1 à 4.");
    expect(await h.db.prisma.feedbackAnswer.count({ where: { workshopSessionId: session.id } })).toBe(0);
    expect((await errorOf(() => api.feedback.link({ token: "x".repeat(43) }))).code).toBe("NOT_FOUND");
  });

  it("a parent who refuses gets no questionnaire after a later session", async () => {
    const { session, attended } = await heldSession("Outils scolaires", new Date("2026-11-24T15:00:00Z"), 1);
    await sendFeedbackInvitations(h.db.prisma, h.services.config, h.clock.now);
    const [token] = await parentTokens(session.id);
    await (await parent().api()).feedback.refuse({ token: token! });
    expect(await (await parent().api()).feedback.link({ token: token! })).toEqual({ status: "closed" });

    h.clock.now = new Date("2026-12-02T10:00:00Z");
    const later = await createWorkshopSession(h.db, { placeId, capacity: 10, startsAt: new Date("2026-12-01T17:00:00Z"), title: "Encore" });
    await h.db.prisma.registration.create({
      data: { sessionId: later.id, status: "attended", seats: 1, firstName: "A", lastName: "B", email: attended[0]!.email!.toUpperCase(), consentAt: h.clock.now, manageTokenHash: randomUUID() },
    });
    const res = await sendFeedbackInvitations(h.db.prisma, h.services.config, h.clock.now);
    expect(res).toMatchObject({ queued: 0, optedOut: 1 });
    h.clock.now = new Date("2026-11-25T10:00:00Z");
  });
});

describe("threshold of 5 answers", () => {
  it("a group of 4 answers shows nothing, not even its number; at 5 its figures appear", async () => {
    // Alone in its month, so that no other small group hides it too (see feedbackGroups).
    h.clock.now = new Date("2026-10-16T10:00:00Z");
    const { session } = await heldSession("Seuil", new Date("2026-10-15T18:00:00Z"), 5);
    await sendFeedbackInvitations(h.db.prisma, h.services.config, h.clock.now);
    const tokens = await parentTokens(session.id);
    for (const t of tokens.slice(0, 4)) await (await parent().api()).feedback.submit({ token: t, answers: answers(4) });
    const staff = await coordinator.api();
    const october = () => staff.feedback.figures({ from: "2026-10-01", to: "2026-10-31", groupBy: "workshop" });
    const small = await october();
    expect(small.groups).toEqual([]);
    expect(small.hiddenGroups).toBe(1);
    expect(small.total).toEqual({ shown: false, key: "total", label: "Ensemble des réponses" });
    const csv = await exportCsv("feedback", "2026-10-01", "2026-10-31");
    expect(csv.flat()).not.toContain("Seuil");
    expect(csv.find((r) => r[0] === "Par atelier")!.slice(1)).toEqual(["1 groupe de moins de 5 réponses", "", "", "", ""]);

    await (await parent().api()).feedback.submit({ token: tokens[4]!, answers: answers(2) });
    expect((await october()).groups).toEqual([{ shown: true, key: session.workshopId, label: "Seuil", answers: 5, usefulnessAverage: 3.6, usefulPercent: 80, recommendPercent: 100 }]);
    h.clock.now = new Date("2026-11-25T10:00:00Z");
  });
});

describe("collège contact, on its tracking page", () => {
  it("the report opens one questionnaire for the session, answered once from the tracking link", async () => {
    h.clock.now = new Date("2026-11-20T12:00:00Z");
    const trackingToken = "T".repeat(43);
    const req = await h.db.prisma.collegeRequest.create({
      data: {
        uai: "0470040N", establishmentName: "Collège Jasmin", communeInsee: "47001", requesterName: "Claire Dupuy", requesterRole: "cpe", email: "cpe@college.fr",
        topics: ["cyberbullying"], periods: [], status: "scheduled", trackingTokenHash: hashToken(trackingToken), consentAt: h.clock.now,
        classes: { create: [{ level: "5e", pupils: 26 }, { level: "4e", pupils: 20 }] },
      },
      include: { classes: true },
    });
    const sessions: Array<{ id: string; startsAt: Date }> = [];
    for (const [i, c] of req.classes.entries()) {
      sessions.push(
        await h.db.prisma.collegeSession.create({
          data: { requestId: req.id, startsAt: new Date(`2026-11-20T0${8 + i}:00:00Z`), durationMinutes: 55, classes: { create: [{ classId: c.id }] }, counsellors: { create: [{ counsellorId }] } },
        }),
      );
    }
    const college = await h.client("192.0.2.7").api();
    expect(await college.feedback.collegePending({ token: trackingToken })).toEqual([]);
    await (await counsellor.api()).college.report({ id: randomUUID(), sessionId: sessions[0]!.id, classes: [{ classId: req.classes[0]!.id, pupilsPresent: 25 }], topicsCovered: ["cyberbullying"], durationMinutes: 55 });
    expect(await college.feedback.collegePending({ token: trackingToken })).toEqual([{ sessionId: sessions[0]!.id, startsAt: sessions[0]!.startsAt, answered: false }]);
    const mail = await h.db.prisma.outboxEmail.findFirstOrThrow({ where: { to: "cpe@college.fr", subject: { startsWith: "Votre avis" } } });
    expect(mail.text).toContain("quatre questions vous attendent sur votre page de suivi");
    expect(mail.linkKind).toBe("college_tracking");

    const notYet = await errorOf(() => college.feedback.collegeSubmit({ token: trackingToken, sessionId: sessions[1]!.id, answers: answers(3) }));
    expect(notYet.message).toContain("pas encore ouvert");
    await college.feedback.collegeSubmit({ token: trackingToken, sessionId: sessions[0]!.id, answers: answers(3, "Élèves ravis") });
    expect((await errorOf(() => college.feedback.collegeSubmit({ token: trackingToken, sessionId: sessions[0]!.id, answers: answers(3) }))).code).toBe("CONFLICT");
    expect(await college.feedback.collegePending({ token: trackingToken })).toEqual([{ sessionId: sessions[0]!.id, startsAt: sessions[0]!.startsAt, answered: true }]);
    const stored = await h.db.prisma.feedbackAnswer.findFirstOrThrow({ where: { collegeSessionId: sessions[0]!.id } });
    expect(stored).toMatchObject({ kind: "college_session", themes: ["cyberbullying"], counsellorIds: [counsellorId], comment: "Élèves ravis" });
    expect(JSON.stringify(stored)).not.toContain(req.id);
    // Another collège's link cannot answer for this session.
    expect((await errorOf(() => college.feedback.collegeSubmit({ token: "U".repeat(43), sessionId: sessions[0]!.id, answers: answers(3) }))).code).toBe("NOT_FOUND");
    h.clock.now = new Date("2026-11-25T10:00:00Z");
  });
});

describe("QR code of a collective workshop", () => {
  it("a key from the counsellor's device takes anonymous answers, up to the participants once the record is known", async () => {
    const keys = await (await counsellor.api()).feedback.issueKeys({ count: 3 });
    expect(keys).toHaveLength(3);
    expect(await h.db.prisma.feedbackInvitation.count({ where: { tokenHash: { in: keys.map((k) => k.key) } } })).toBe(0);
    const recordId = randomUUID();
    const key = keys[0]!.key;
    // Participants answer before the device synced the record.
    await (await parent().api()).feedback.submit({ token: key, workshop: recordId, answers: answers(4) });
    await h.db.prisma.activityRecord.create({
      data: { id: recordId, counsellorId, type: "Collectif", date: new Date("2026-11-25T00:00:00Z"), durationMinutes: 90, locationType: "LieuActivite", placeId, themes: ["Email"], administrativeThemes: [], equipment: [], participantsCount: 2, workshopTitle: "Bien utiliser sa messagerie" },
    });
    await (await parent().api()).feedback.submit({ token: key, workshop: recordId, answers: answers(3) });
    const full = await errorOf(async () => (await parent().api()).feedback.submit({ token: key, workshop: recordId, answers: answers(3) }));
    expect(full.message).toBe("Tous les participants de cet atelier ont déjà répondu : merci !");
    // The key is tied to its workshop: it cannot be replayed for another one.
    expect((await errorOf(async () => (await parent().api()).feedback.submit({ token: key, workshop: randomUUID(), answers: answers(3) }))).code).toBe("CONFLICT");
    const stored = await h.db.prisma.feedbackAnswer.findMany({ where: { activityRecordId: recordId } });
    expect(stored.map((s) => s.counsellorIds)).toEqual([[counsellorId], [counsellorId]]);
    // Other staff cannot get keys.
    expect((await errorOf(async () => (await coordinator.api()).feedback.issueKeys({ count: 1 }))).code).toBe("FORBIDDEN");
  });
});

describe("comments and exports", () => {
  it("joining every export back finds no respondent: no name, address, registration or invitation, and no small session named", async () => {
    const { session, attended } = await heldSession("Atelier confidentiel", new Date("2026-11-24T07:00:00Z"), 1);
    await sendFeedbackInvitations(h.db.prisma, h.services.config, h.clock.now);
    const [token] = await parentTokens(session.id);
    await (await parent().api()).feedback.submit({ token: token!, answers: answers(1, "Commentaire-unique-XYZ") });

    const exports = Object.fromEntries(await Promise.all(exportKinds.values.map(async (k) => [k, await exportCsv(k)] as const)));
    const registrations = exports.registrations!;
    // The registrations export does show the parent's registration and the session...
    const regHeader = registrations[0]!;
    const regRow = registrations.find((r) => r[regHeader.indexOf("Identifiant")] === attended[0]!.id)!;
    expect(regRow[regHeader.indexOf("Atelier")]).toBe("Atelier confidentiel");
    // ...the comment export has the comment, but nothing to join it with that registration.
    const comments = exports["feedback-comments"]!;
    const commentRow = comments.find((r) => r.includes("Commentaire-unique-XYZ"))!;
    expect(commentRow).toBeTruthy();
    // Numbers (usefulness 1, one seat) match by chance; no text of the comment row is in the registration row.
    for (const cell of commentRow.filter((c) => c !== "" && !/^\d+$/.test(c) && c !== "Commentaire-unique-XYZ")) expect(regRow).not.toContain(cell);
    const invitation = await h.db.prisma.feedbackInvitation.findUniqueOrThrow({ where: { tokenHash: hashToken(token!) } });
    const secrets = [invitation.id, attended[0]!.id, attended[0]!.email!, attended[0]!.lastName, session.id, hashToken(token!)];
    for (const kind of ["feedback", "feedback-comments"] as const) {
      const text = JSON.stringify(exports[kind]);
      for (const s of secrets) expect(text).not.toContain(s);
      expect(text).not.toContain("Atelier confidentiel");
    }
  });

  it("coordination hides an abusive comment: gone from the export, kept in the list with hidden ones, recorded in the journal", async () => {
    const staff = await coordinator.api();
    const list = await staff.feedback.comments({ from: "2026-11-01", to: "2026-11-30" });
    const target = list.items.find((c) => c.comment === "Très clair")!;
    expect(target).toMatchObject({ kind: "workshop_session", month: "2026-11", hidden: false });
    await staff.feedback.setCommentHidden({ id: target.id, hidden: true });
    expect((await staff.feedback.comments({ from: "2026-11-01", to: "2026-11-30" })).items.map((c) => c.id)).not.toContain(target.id);
    expect((await staff.feedback.comments({ from: "2026-11-01", to: "2026-11-30", includeHidden: true })).items.find((c) => c.id === target.id)?.hidden).toBe(true);
    expect((await exportCsv("feedback-comments")).flat()).not.toContain("Très clair");
    expect(await h.db.prisma.auditLog.count({ where: { action: "feedback.comment.hide", entityId: target.id } })).toBe(1);
    await staff.feedback.setCommentHidden({ id: target.id, hidden: false });
    expect((await exportCsv("feedback-comments")).flat()).toContain("Très clair");
    expect((await errorOf(async () => (await counsellor.api()).feedback.setCommentHidden({ id: target.id, hidden: true }))).code).toBe("FORBIDDEN");
  });
});
