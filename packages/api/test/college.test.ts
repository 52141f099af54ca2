import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "../src/shared/tokens.js";
import { createHarness, createPlace, createUser, createWorkshopSession, errorOf, seedTerritory, type Harness, type TestClient } from "./harness.js";
import { startMailbox, type Mailbox } from "./mailbox.js";

// The collège pipeline through the tRPC router on a real database: request on the portal,
// tracking link, triage and scheduling, the counsellor's report, the figures.

let h: Harness;
let mailbox: Mailbox;
let coordinator: TestClient;
let counsellorA: { id: string; userId: string };
let counsellorB: { id: string; userId: string };
let clientA: TestClient;
let clientB: TestClient;
let ipCounter = 1;
const college = () => h.client(`198.51.100.${ipCounter++}`);
const START = new Date("2026-11-25T10:00:00Z");

function request(overrides: Record<string, unknown> = {}) {
  return {
    uai: "0470040N",
    establishmentName: "Collège Jasmin",
    address: "12 rue Jasmin",
    communeInsee: "47001",
    requesterName: "Claire Dupuy",
    requesterRole: "cpe" as const,
    email: `cpe-${randomUUID().slice(0, 8)}@college.fr`,
    phone: "05 53 00 00 00",
    classes: [
      { level: "5e" as const, name: "5e A", pupils: 26 },
      { level: "4e" as const, name: "4e B", pupils: 24 },
    ],
    topics: ["cyberbullying" as const, "e_reputation" as const],
    periods: [{ from: "2027-01-11", to: "2027-01-22" }],
    constraints: "Salle informatique le jeudi matin.",
    consent: true as const,
    ...overrides,
  };
}

/**
 * Sends the outbox through SMTP, then the notices `to` received, oldest first (tracking links
 * exist only there). The calendar invitations sent beside them are read in calendar-invitations.test.ts.
 */
async function mails(to: string) {
  await mailbox.deliver(h);
  return mailbox
    .to(to)
    .filter((m) => !m.attachments.some((a) => a.contentType === "text/calendar"))
    .map((m) => ({ subject: m.subject ?? "", text: m.text ?? "" }));
}
function linkToken(text: string): string {
  const m = /\/colleges\/suivi\/([A-Za-z0-9_-]+)/.exec(text);
  if (!m) throw new Error(`no tracking link in:\n${text}`);
  return m[1]!;
}
async function submit(overrides: Record<string, unknown> = {}) {
  const input = request(overrides);
  const res = await (await college().api()).college.submit(input);
  return { ...res, input };
}
async function staffApi() {
  return coordinator.api();
}
/** Moves the clock and logs everyone in again (sessions expire after 14 days). */
async function setClock(iso: string | Date) {
  h.clock.now = new Date(iso);
  await coordinator.login("coord@medianum.test");
  await clientA.login("a@medianum.test");
  await clientB.login("b@medianum.test");
}
function plan(classIds: string[], counsellorIds: string[], day = "2027-01-14", time = "09:00", durationMinutes = 55) {
  return { classIds, day, time, durationMinutes, room: "CDI", counsellorIds };
}

beforeAll(async () => {
  h = await createHarness(START);
  mailbox = await startMailbox();
  await seedTerritory(h.db);
  await createUser(h.db, "coordinator", "coord@medianum.test", "Camille Coordination");
  const a = await createUser(h.db, "counsellor", "a@medianum.test", "Alex Conseiller");
  const b = await createUser(h.db, "counsellor", "b@medianum.test", "Bea Conseillère");
  counsellorA = { id: a.counsellor!.id, userId: a.user.id };
  counsellorB = { id: b.counsellor!.id, userId: b.user.id };
  coordinator = h.client("203.0.113.1");
  await coordinator.login("coord@medianum.test");
  clientA = h.client("203.0.113.2");
  await clientA.login("a@medianum.test");
  clientB = h.client("203.0.113.3");
  await clientB.login("b@medianum.test");
});
afterAll(async () => {
  await mailbox.close();
  await h.close();
});

describe("request on the portal and acknowledgement", () => {
  it("stores the request as received, with its classes and history, and queues the acknowledgement with a private link", async () => {
    const { requestId, trackingToken, email, input } = await submit();
    expect(email).toBe(input.email);
    const stored = await h.db.prisma.collegeRequest.findUniqueOrThrow({ where: { id: requestId }, include: { classes: true, events: true } });
    expect(stored).toMatchObject({ status: "received", uai: "0470040N", address: "12 rue Jasmin", phone: "0553000000", communeInsee: "47001" });
    expect(stored.classes.map((c) => c.pupils).sort()).toEqual([24, 26]);
    expect(stored.events).toEqual([expect.objectContaining({ fromStatus: null, toStatus: "received", actorType: "college" })]);
    // The token is 256 random bits and only its hash is stored.
    expect(trackingToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(stored.trackingTokenHash).toBe(hashToken(trackingToken));

    const [ack] = await mails(input.email);
    expect(ack!.subject).toBe("Demande de séance reçue — Collège Jasmin");
    expect(ack!.text).toContain("Statut de votre demande : Reçue.");
    // The e-mail carries a link of its own (created when sent), to the same request.
    expect(ack!.text).toContain("http://localhost:3000/colleges/suivi/");
    const fromMail = linkToken(ack!.text);
    expect(fromMail).not.toBe(trackingToken);
    expect((await (await college().api()).college.tracking({ token: fromMail })).status).toBe("received");
    expect(ack!.text).toContain("5e A (26 élèves), 4e B (24 élèves) — 50 élèves");
  });

  it("counts pupils in the acknowledgement in agreement with their number", async () => {
    const { input } = await submit({ email: "ulis@exemple.fr", classes: [{ level: "6e", name: "ULIS", pupils: 1 }] });
    const [ack] = await mails(input.email);
    expect(ack!.text).toContain("ULIS (1 élève) — 1 élève");
  });

  it("refuses bad input with French messages per field and stores nothing", async () => {
    const before = await h.db.prisma.collegeRequest.count();
    const err = await errorOf(async () =>
      (await college().api()).college.submit(request({ uai: "0470040A", classes: [{ level: "5e", pupils: 0 }], topics: ["other"] })),
    );
    expect(err.code).toBe("BAD_REQUEST");
    const fieldErrors = (err as unknown as { cause: { issues: { path: (string | number)[]; message: string }[] } }).cause.issues;
    const paths = fieldErrors.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["uai", "classes.0.pupils"]));
    const unknownCommune = await errorOf(async () => (await college().api()).college.submit(request({ communeInsee: "75056" })));
    expect(unknownCommune.message).toBe("Choisissez la commune de l'établissement dans la liste.");
    expect(await h.db.prisma.collegeRequest.count()).toBe(before);
  });

  it("rate-limits requests from one address", async () => {
    const c = h.client("192.0.2.77");
    const api = await c.api();
    for (let i = 0; i < 20; i++) await api.college.submit(request({ establishmentName: `Collège ${i}` }));
    const err = await errorOf(() => api.college.submit(request()));
    expect(err.code).toBe("TOO_MANY_REQUESTS");
    await h.db.prisma.collegeRequest.deleteMany({ where: { establishmentName: { startsWith: "Collège " }, NOT: { establishmentName: "Collège Jasmin" } } });
  });
});

describe("tracking link", () => {
  it("reveals only its own request; an unknown token reveals nothing", async () => {
    const a = await submit({ establishmentName: "Collège Alpha" });
    const b = await submit({ establishmentName: "Collège Bêta", communeInsee: "47086" });
    const api = await college().api();
    const viewA = await api.college.tracking({ token: a.trackingToken });
    expect(viewA).toMatchObject({ establishmentName: "Collège Alpha", status: "received", canCancel: true, canMessage: true });
    expect(JSON.stringify(viewA)).not.toContain("Bêta");
    expect((await api.college.tracking({ token: b.trackingToken })).establishmentName).toBe("Collège Bêta");
    // Neither a made-up token nor the stored hash opens anything.
    for (const token of [randomUUID().replace(/-/g, "") + "abcdefghijk", (await h.db.prisma.collegeRequest.findUniqueOrThrow({ where: { id: a.requestId } })).trackingTokenHash]) {
      const err = await errorOf(() => api.college.tracking({ token }));
      expect(err.code).toBe("NOT_FOUND");
      expect(err.message).toContain("ne correspond à aucune demande");
    }
  });

  it("lets the collège write to staff, and cancel while allowed", async () => {
    const r = await submit({ establishmentName: "Collège Gamma" });
    const api = await college().api();
    await api.college.trackingMessage({ token: r.trackingToken, body: "Pouvons-nous ajouter une classe de 3e ?" });
    const detail = await (await staffApi()).college.request({ id: r.requestId });
    expect(detail.messages).toEqual([expect.objectContaining({ author: "college", body: "Pouvons-nous ajouter une classe de 3e ?" })]);

    await api.college.trackingCancel({ token: r.trackingToken, reason: "Projet reporté à l'an prochain." });
    const view = await api.college.tracking({ token: r.trackingToken });
    expect(view).toMatchObject({ status: "cancelled", canCancel: false, canMessage: false });
    expect(view.history.at(-1)).toMatchObject({ toStatus: "cancelled", actorType: "college", reason: "Projet reporté à l'an prochain." });
    const again = await errorOf(() => api.college.trackingCancel({ token: r.trackingToken }));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toBe("Une demande « Annulée » ne peut pas passer à « Annulée ».");
    expect((await errorOf(() => api.college.trackingMessage({ token: r.trackingToken, body: "Encore là ?" }))).code).toBe("CONFLICT");
    expect((await mails(r.input.email)).at(-1)!.text).toContain("Statut de votre demande : Annulée.");
  });
});

describe("back-office triage", () => {
  it("is refused to counsellors and to visitors without an account", async () => {
    expect((await errorOf(async () => (await clientA.api()).college.requests({}))).code).toBe("FORBIDDEN");
    expect((await errorOf(async () => (await college().api()).college.requests({}))).code).toBe("UNAUTHORIZED");
    expect((await errorOf(async () => (await clientA.api()).college.figures({}))).code).toBe("FORBIDDEN");
  });

  it("sorts open requests first, oldest first, and filters by status, topic, commune, EPCI and period", async () => {
    await h.db.prisma.collegeRequest.deleteMany();
    h.clock.now = new Date("2026-11-20T09:00:00Z");
    const older = await submit({ establishmentName: "Collège Ancien", topics: ["social_network_economics"], periods: [{ from: "2027-03-01", to: "2027-03-12" }] });
    h.clock.now = new Date("2026-11-21T09:00:00Z");
    const reviewed = await submit({ establishmentName: "Collège Étudié", communeInsee: "47086" });
    h.clock.now = new Date("2026-11-22T09:00:00Z");
    const newer = await submit({ establishmentName: "Collège Récent" });
    h.clock.now = START;
    const api = await staffApi();
    await api.college.startReview({ requestId: reviewed.requestId });

    const names = async (f: Record<string, unknown>) => (await api.college.requests(f)).map((r) => r.establishmentName);
    expect(await names({})).toEqual(["Collège Ancien", "Collège Récent", "Collège Étudié"]);
    expect(await names({ status: "under_review" })).toEqual(["Collège Étudié"]);
    expect(await names({ topic: "social_network_economics" })).toEqual(["Collège Ancien"]);
    expect(await names({ communeInsee: "47086" })).toEqual(["Collège Étudié"]);
    expect(await names({ epciCode: "200096956" })).toEqual(["Collège Ancien", "Collège Récent"]);
    expect(await names({ from: "2027-02-15", to: "2027-03-05" })).toEqual(["Collège Ancien"]);
    expect(older.requestId && newer.requestId).toBeTruthy();

    const review = (await mails(reviewed.input.email)).at(-1)!;
    expect(review.subject).toBe("Votre demande est en cours d'étude — Collège Étudié");
    expect(review.text).toContain("Statut de votre demande : En cours d'étude.");
    // Each e-mail carries its own working link to the same request.
    const fromMail = linkToken(review.text);
    expect(fromMail).not.toBe(reviewed.trackingToken);
    expect((await (await college().api()).college.tracking({ token: fromMail })).status).toBe("under_review");
  });

  it("declines with a reason shown to the collège; refuses a decline without one", async () => {
    const r = await submit({ establishmentName: "Collège Refusé" });
    const api = await staffApi();
    const noReason = await errorOf(() => api.college.decline({ requestId: r.requestId, reason: "  " }));
    expect(noReason.code).toBe("BAD_REQUEST");
    await api.college.decline({ requestId: r.requestId, reason: "Aucun conseiller disponible avant juin." });
    const view = await (await college().api()).college.tracking({ token: r.trackingToken });
    expect(view).toMatchObject({ status: "declined", declineReason: "Aucun conseiller disponible avant juin.", canCancel: false });
    const mail = (await mails(r.input.email)).at(-1)!;
    expect(mail.subject).toBe("Votre demande n'a pas pu être retenue — Collège Refusé");
    expect(mail.text).toContain("Motif : Aucun conseiller disponible avant juin.");
    expect(mail.text).toContain("Statut de votre demande : Déclinée.");
    const detail = await api.college.request({ id: r.requestId });
    expect(detail.events.at(-1)).toMatchObject({ toStatus: "declined", actorType: "staff", actorName: "Camille Coordination" });
    expect(detail.allowedTransitions).toEqual([]);
    // A closed request cannot be scheduled.
    const late = await errorOf(() => api.college.schedule({ requestId: r.requestId, sessions: [plan([detail.classes[0]!.id], [counsellorA.id])] }));
    expect(late.code).toBe("CONFLICT");
  });
});

describe("scheduling, the counsellor's agenda and the report", () => {
  let r: Awaited<ReturnType<typeof submit>>;
  let classIds: string[];
  let sessionIds: string[];

  beforeAll(async () => {
    h.clock.now = START;
    r = await submit({ establishmentName: "Collège Pipeline" });
    const classes = (await (await staffApi()).college.request({ id: r.requestId })).classes;
    classIds = ["5e A", "4e B"].map((name) => classes.find((c) => c.name === name)!.id);
  });

  it("warns when a counsellor already has a workshop at that time, writes nothing, then schedules once confirmed", async () => {
    const place = await createPlace(h.db);
    // Counsellor A runs a workshop 09:30–11:00 (Paris) that day.
    await createWorkshopSession(h.db, { placeId: place.id, capacity: 10, startsAt: new Date("2027-01-14T08:30:00Z"), counsellorIds: [counsellorA.id], title: "Pronote pas à pas" });
    const api = await staffApi();
    const input = { requestId: r.requestId, sessions: [plan([classIds[0]!], [counsellorA.id]), plan([classIds[1]!], [counsellorA.id], "2027-01-14", "14:00")] };
    const first = await api.college.schedule(input);
    expect(first).toEqual({
      outcome: "conflicts",
      conflicts: [expect.objectContaining({ sessionIndex: 0, counsellorName: "Alex Conseiller", kind: "workshop", title: "Pronote pas à pas" })],
      outsidePeriods: [],
      requestedPeriods: [{ from: "2027-01-11", to: "2027-01-22" }],
    });
    expect(await h.db.prisma.collegeSession.count({ where: { requestId: r.requestId } })).toBe(0);
    expect((await api.college.request({ id: r.requestId })).status).toBe("received");

    const done = await api.college.schedule({ ...input, confirmConflicts: true, message: "Merci de prévoir un vidéoprojecteur." });
    expect(done.outcome).toBe("scheduled");
    sessionIds = done.outcome === "scheduled" ? done.sessionIds : [];
    expect(sessionIds).toHaveLength(2);

    const detail = await api.college.request({ id: r.requestId });
    expect(detail.status).toBe("scheduled");
    // From "received", the request went through "under review", each step recorded with who.
    expect(detail.events.map((e) => [e.toStatus, e.actorType, e.actorName])).toEqual([
      ["received", "college", null],
      ["under_review", "staff", "Camille Coordination"],
      ["scheduled", "staff", "Camille Coordination"],
    ]);
    expect(detail.sessions.map((s) => [s.startsAt.toISOString(), s.classes[0]!.name, s.counsellors[0]!.displayName])).toEqual([
      ["2027-01-14T08:00:00.000Z", "5e A", "Alex Conseiller"],
      ["2027-01-14T13:00:00.000Z", "4e B", "Alex Conseiller"],
    ]);

    const mail = (await mails(r.input.email)).at(-1)!;
    expect(mail.subject).toBe("Séance de sensibilisation programmée — Collège Pipeline");
    expect(mail.text).toContain("Statut de votre demande : Programmée.");
    expect(mail.text).toContain("Merci de prévoir un vidéoprojecteur.");
    expect(mail.text).toContain("jeudi 14 janvier 2027 à 09:00 (55 min), CDI : 5e A");
    const view = await (await college().api()).college.tracking({ token: linkToken(mail.text) });
    expect(view.status).toBe("scheduled");
    expect(view.sessions[0]).toMatchObject({ room: "CDI", address: "12 rue Jasmin", communeName: "Agen", counsellors: ["Alex Conseiller"], classes: ["5e A"] });

    // A second planning of the same counsellor at the same time now warns about the collège session too.
    const other = await submit({ establishmentName: "Collège Voisin" });
    const otherClass = (await api.college.request({ id: other.requestId })).classes[0]!.id;
    const clash = await api.college.schedule({ requestId: other.requestId, sessions: [plan([otherClass], [counsellorA.id], "2027-01-14", "14:30")] });
    expect(clash).toMatchObject({ outcome: "conflicts", conflicts: [expect.objectContaining({ kind: "college", title: "Sensibilisation — Collège Pipeline" })], outsidePeriods: [] });
    // Another counsellor is free then.
    expect((await api.college.schedule({ requestId: other.requestId, sessions: [plan([otherClass], [counsellorB.id], "2027-01-14", "14:30")] })).outcome).toBe("scheduled");
  });

  it("warns when a day lies outside the periods the collège asked for, writes nothing, then schedules once confirmed", async () => {
    const asked = await submit({ establishmentName: "Collège Périodes", periods: [{ from: "2027-01-11", to: "2027-01-22" }, { from: "2027-03-01", to: "2027-03-05" }] });
    const api = await staffApi();
    const cls = (await api.college.request({ id: asked.requestId })).classes.map((c) => c.id);
    // Counsellor B is free on both days: only the period speaks.
    const input = { requestId: asked.requestId, sessions: [plan([cls[0]!], [counsellorB.id], "2027-03-05", "10:00"), plan([cls[1]!], [counsellorB.id], "2027-02-09", "10:00")] };
    const first = await api.college.schedule(input);
    expect(first).toEqual({
      outcome: "conflicts",
      conflicts: [],
      outsidePeriods: [{ sessionIndex: 1, day: "2027-02-09" }],
      requestedPeriods: [{ from: "2027-01-11", to: "2027-01-22" }, { from: "2027-03-01", to: "2027-03-05" }],
    });
    expect(await h.db.prisma.collegeSession.count({ where: { requestId: asked.requestId } })).toBe(0);

    const done = await api.college.schedule({ ...input, confirmConflicts: true });
    expect(done).toMatchObject({ outcome: "scheduled", outsidePeriods: [{ sessionIndex: 1, day: "2027-02-09" }] });
    expect(await h.db.prisma.collegeSession.count({ where: { requestId: asked.requestId } })).toBe(2);
    const entry = await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: "college.schedule", entityId: asked.requestId } });
    expect(entry.details).toMatchObject({ outsidePeriodsConfirmed: 1, conflictsConfirmed: 0 });
  });

  it("refuses a date in the past and a class of another request", async () => {
    const api = await staffApi();
    const past = await errorOf(() => api.college.schedule({ requestId: r.requestId, sessions: [plan([classIds[0]!], [counsellorB.id], "2026-11-01")] }));
    expect(past.message).toContain("déjà passée");
    const foreign = await errorOf(() => api.college.schedule({ requestId: r.requestId, sessions: [plan([randomUUID()], [counsellorB.id])] }));
    expect(foreign.message).toBe("Une des classes cochées n'appartient pas à cette demande.");
  });

  it("shows the sessions only to the assigned counsellor, with collège, address, classes, topics and contact", async () => {
    const agendaA = await (await clientA.api()).agenda.mine({ from: new Date("2027-01-01T00:00:00Z"), to: new Date("2027-02-01T00:00:00Z") });
    expect(agendaA.filter((i) => i.kind === "college").map((i) => i.id)).toEqual(sessionIds);
    const agendaB = await (await clientB.api()).agenda.mine({ from: new Date("2027-01-01T00:00:00Z"), to: new Date("2027-02-01T00:00:00Z") });
    expect(agendaB.map((i) => i.id)).not.toContain(sessionIds[0]);

    const mine = await (await clientA.api()).college.mySession({ id: sessionIds[0]! });
    expect(mine).toMatchObject({
      establishmentName: "Collège Pipeline",
      address: "12 rue Jasmin",
      communeName: "Agen",
      room: "CDI",
      topics: ["cyberbullying", "e_reputation"],
      constraints: "Salle informatique le jeudi matin.",
      contact: { name: "Claire Dupuy", role: "cpe", email: r.input.email, phone: "0553000000" },
      classes: [expect.objectContaining({ name: "5e A", pupils: 26, pupilsPresent: null })],
      report: null,
    });
    const hidden = await errorOf(async () => (await clientB.api()).college.mySession({ id: sessionIds[0]! }));
    expect(hidden.code).toBe("NOT_FOUND");
    expect((await errorOf(async () => (await coordinator.api()).college.mySession({ id: sessionIds[0]! }))).code).toBe("FORBIDDEN");
  });

  it("puts the sessions on the assigned counsellor's device (sync snapshot), and on no one else's", async () => {
    const snapA = await (await clientA.api()).sync.snapshot();
    const onDevice = snapA.collegeSessions.filter((s) => sessionIds.includes(s.id));
    expect(onDevice.map((s) => s.id)).toEqual(sessionIds);
    expect(onDevice[0]).toEqual(await (await clientA.api()).college.mySession({ id: sessionIds[0]! }));
    const snapB = await (await clientB.api()).sync.snapshot();
    expect(snapB.collegeSessions.map((s) => s.id)).not.toContain(sessionIds[0]);
  });

  it("files the report after the session: done session, collective record, idempotent; the request is done with its last session", async () => {
    const report = (sessionId: string, classId: string, pupilsPresent: number, id = randomUUID()) => ({
      id,
      sessionId,
      classes: [{ classId, pupilsPresent }],
      topicsCovered: ["cyberbullying" as const],
      durationMinutes: 60,
      remarks: "Beaucoup de questions sur les captures d'écran.",
    });
    let apiA = await clientA.api();
    const early = await errorOf(() => apiA.college.report(report(sessionIds[0]!, classIds[0]!, 25)));
    expect(early.message).toContain("pas encore commencé");

    await setClock("2027-01-14T10:00:00Z");
    apiA = await clientA.api();
    // Another counsellor cannot report it, nor can a report miss a class of the session.
    expect((await errorOf(async () => (await clientB.api()).college.report(report(sessionIds[0]!, classIds[0]!, 25)))).code).toBe("NOT_FOUND");
    expect((await errorOf(() => apiA.college.report(report(sessionIds[0]!, classIds[1]!, 25)))).code).toBe("BAD_REQUEST");

    const first = report(sessionIds[0]!, classIds[0]!, 25);
    const res = await apiA.college.report(first);
    expect(res).toEqual({ activityRecordId: first.id, version: 1, requestStatus: "scheduled", alreadyReported: false });
    const record = await h.db.prisma.activityRecord.findUniqueOrThrow({ where: { id: first.id } });
    expect(record).toMatchObject({
      type: "Collectif",
      counsellorId: counsellorA.id,
      collegeSessionId: sessionIds[0],
      participantsCount: 25,
      durationMinutes: 60,
      communeInsee: "47001",
      locationType: "Autre",
      themes: ["ReseauxSociaux", "SecuriteNumerique"],
      workshopTitle: "Cyberharcèlement — Collège Pipeline",
    });
    expect(record.date.toISOString().slice(0, 10)).toBe("2027-01-14");
    // The same report sent again (or with another id) returns the stored result and adds nothing.
    expect(await apiA.college.report(first)).toEqual({ ...res, alreadyReported: true });
    expect(await apiA.college.report({ ...first, id: randomUUID() })).toEqual({ ...res, alreadyReported: true });
    expect(await h.db.prisma.activityRecord.count({ where: { collegeSessionId: sessionIds[0] } })).toBe(1);
    expect((await (await college().api()).college.tracking({ token: r.trackingToken })).status).toBe("scheduled");

    await setClock("2027-01-14T15:00:00Z");
    apiA = await clientA.api();
    const last = await apiA.college.report(report(sessionIds[1]!, classIds[1]!, 23));
    expect(last.requestStatus).toBe("done");
    const view = await (await college().api()).college.tracking({ token: r.trackingToken });
    expect(view.status).toBe("done");
    expect(view.history.at(-1)).toMatchObject({ toStatus: "done", actorType: "counsellor" });
    const mail = (await mails(r.input.email)).at(-1)!;
    expect(mail.subject).toBe("Séance de sensibilisation réalisée — Collège Pipeline");
    expect(mail.text).toContain("Statut de votre demande : Réalisée.");
    expect(linkToken(mail.text)).toBeTruthy();
    const staffDetail = await (await staffApi()).college.request({ id: r.requestId });
    expect(staffDetail.sessions.map((s) => [s.status, s.classes[0]!.pupilsPresent])).toEqual([
      ["done", 25],
      ["done", 23],
    ]);
    expect((await (await clientA.api()).college.mySession({ id: sessionIds[1]! })).report).toMatchObject({
      topicsCovered: ["cyberbullying"],
      durationMinutes: 60,
    });
    await setClock(START);
  });

  it("cancelling the only session sends the request back to review and tells the collège", async () => {
    const api = await staffApi();
    const s = await submit({ establishmentName: "Collège Reporté", periods: [{ from: "2027-02-01", to: "2027-02-12" }] });
    const cls = (await api.college.request({ id: s.requestId })).classes.map((c) => c.id);
    const res = await api.college.schedule({ requestId: s.requestId, sessions: [plan(cls, [counsellorB.id], "2027-02-04", "10:00", 110)] });
    const sessionId = res.outcome === "scheduled" ? res.sessionIds[0]! : "";
    await api.college.cancelSession({ sessionId, reason: "Conseillère en arrêt maladie." });
    const detail = await api.college.request({ id: s.requestId });
    expect(detail.status).toBe("under_review");
    expect(detail.sessions[0]!.status).toBe("cancelled");
    expect(detail.events.at(-1)).toMatchObject({ fromStatus: "scheduled", toStatus: "under_review", reason: "Conseillère en arrêt maladie." });
    const mail = (await mails(s.input.email)).at(-1)!;
    expect(mail.subject).toBe("Séance annulée — Collège Reporté");
    expect(mail.text).toContain("Statut de votre demande : En cours d'étude.");
    // The cancelled session left the counsellor's agenda.
    const agenda = await (await clientB.api()).agenda.mine({ from: new Date("2027-02-01T00:00:00Z"), to: new Date("2027-02-10T00:00:00Z") });
    expect(agenda.map((i) => i.id)).not.toContain(sessionId);
  });

  it("a staff message reaches the collège by e-mail and on its page", async () => {
    const api = await staffApi();
    await api.college.sendMessage({ requestId: r.requestId, body: "Merci pour votre accueil, à l'an prochain !" });
    const mail = (await mails(r.input.email)).find((m) => m.subject === "Nouveau message sur votre demande — Collège Pipeline")!;
    expect(mail.text).toContain("Merci pour votre accueil, à l'an prochain !");
    const view = await (await college().api()).college.tracking({ token: r.trackingToken });
    expect(view.messages.at(-1)).toMatchObject({ author: "staff", body: "Merci pour votre accueil, à l'an prochain !" });
  });
});

describe("figures", () => {
  it("counts collèges reached, sessions delivered and pupils present, by topic and by month", async () => {
    // Small dataset of its own: three delivered sessions in two collèges, one scheduled, one cancelled.
    await h.db.prisma.collegeRequest.deleteMany();
    const mk = async (uai: string, name: string) =>
      h.db.prisma.collegeRequest.create({
        data: {
          uai,
          establishmentName: name,
          communeInsee: "47001",
          requesterName: "X",
          requesterRole: "cpe",
          email: "x@college.fr",
          topics: ["cyberbullying"],
          periods: [],
          status: "scheduled",
          trackingTokenHash: randomUUID(),
          consentAt: START,
          classes: { create: [{ level: "6e", pupils: 30 }, { level: "5e", pupils: 30 }] },
        },
        include: { classes: true },
      });
    const jasmin = await mk("0470040N", "Collège Jasmin");
    const rostand = await mk("0470552U", "Collège Jean-Rostand");
    const session = (req: typeof jasmin, startsAt: string, status: string, topics: string[], present: (number | null)[]) =>
      h.db.prisma.collegeSession.create({
        data: {
          requestId: req.id,
          startsAt: new Date(startsAt),
          durationMinutes: 55,
          status,
          topicsCovered: topics,
          classes: { create: req.classes.map((c, i) => ({ classId: c.id, pupilsPresent: present[i] ?? null })) },
        },
      });
    await session(jasmin, "2026-09-30T22:30:00Z", "done", ["cyberbullying", "e_reputation"], [20, 22]); // 1 October in Paris
    await session(jasmin, "2026-10-15T08:00:00Z", "done", ["cyberbullying"], [25, 0]);
    await session(rostand, "2026-11-05T09:00:00Z", "done", ["social_network_economics"], [28, 27]);
    await session(rostand, "2026-12-05T09:00:00Z", "scheduled", [], [null, null]);
    await session(rostand, "2026-11-06T09:00:00Z", "cancelled", [], [null, null]);
    await session(rostand, "2025-11-06T09:00:00Z", "done", ["cyberbullying"], [10, 10]); // last school year

    const api = await staffApi();
    const f = await api.college.figures({});
    expect(f.from).toBe("2026-09-01");
    expect(f.to).toBe("2027-08-31");
    expect(f.totals).toEqual({ colleges: 2, sessions: 3, pupils: 122 });
    expect(f.byTopic).toEqual([
      { topic: "cyberbullying", colleges: 1, sessions: 2, pupils: 67 },
      { topic: "e_reputation", colleges: 1, sessions: 1, pupils: 42 },
      { topic: "social_network_economics", colleges: 1, sessions: 1, pupils: 55 },
    ]);
    expect(f.byMonth).toEqual([
      { month: "2026-10", colleges: 1, sessions: 2, pupils: 67 },
      { month: "2026-11", colleges: 1, sessions: 1, pupils: 55 },
    ]);
    const october = await api.college.figures({ from: "2026-10-01", to: "2026-10-31" });
    expect(october.totals).toEqual({ colleges: 1, sessions: 2, pupils: 67 });
    const lastYear = await api.college.figures({ from: "2025-09-01", to: "2026-08-31" });
    expect(lastYear.totals).toEqual({ colleges: 1, sessions: 1, pupils: 20 });
  });
});
