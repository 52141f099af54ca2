import { randomUUID } from "node:crypto";
import { checkInRefusal, type SyncOperation } from "@medianum/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeOldSyncReceipts } from "../src/sync/retention.js";
import { createHarness, createPlace, createUser, createWorkshopSession, errorOf, seedTerritory, type Harness } from "./harness.js";

let h: Harness;
let placeId: string;
let me: { id: string };
let other: { id: string };
const onPostgres = !!process.env.TEST_DATABASE_URL;

function individual(overrides: Record<string, unknown> = {}) {
  return { id: randomUUID(), date: "2026-11-24", durationMinutes: 45, locationType: "LieuActivite", placeId, themes: ["Email"], ...overrides };
}
function collective(overrides: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    date: "2026-11-20",
    durationMinutes: 120,
    locationType: "LieuActivite",
    placeId,
    themes: ["PrendreEnMainDuMateriel"],
    workshopTitle: "Prendre en main sa tablette",
    participantsCount: 9,
    breakdown: { gender: { Feminin: 6, Masculin: 3 }, ageBracket: { SoixanteDixPlus: 5 }, socialStatus: { Retraite: 7 } },
    ...overrides,
  };
}
const op = (kind: SyncOperation["kind"], payload: unknown): SyncOperation => ({ id: randomUUID(), kind, payload });

beforeAll(async () => {
  h = await createHarness();
  await seedTerritory(h.db);
  placeId = (await createPlace(h.db)).id;
  me = (await createUser(h.db, "counsellor", "moi@medianum.test", "Nora Petit")).counsellor!;
  other = (await createUser(h.db, "counsellor", "autre@medianum.test", "Yann Leroy")).counsellor!;
  await createUser(h.db, "coordinator", "coord@medianum.test", "Claire Coordination");
});
afterAll(() => h.close());

async function as(email: string) {
  const c = h.client();
  await c.login(email);
  return c.api();
}
const countMine = (counsellorId = me.id) => h.db.prisma.activityRecord.count({ where: { counsellorId } });

describe("sync.push: exactly once", () => {
  it("the same batch sent three times creates each record once", async () => {
    const api = await as("moi@medianum.test");
    const before = await countMine();
    const batch = [op("activity.individual.create", individual()), op("activity.collective.create", collective()), op("activity.individual.create", individual({ durationMinutes: 30 }))];
    const first = await api.sync.push({ operations: batch });
    expect(first.results.map((r) => r.status)).toEqual(["applied", "applied", "applied"]);
    for (let i = 0; i < 2; i++) {
      const again = await api.sync.push({ operations: batch });
      expect(again.results.map((r) => r.status)).toEqual(["duplicate", "duplicate", "duplicate"]);
      // A replay answers what the first send answered.
      expect(again.results.map((r) => (r.status === "duplicate" ? r.result : null))).toEqual(first.results.map((r) => (r.status === "applied" ? r.result : null)));
    }
    expect(await countMine()).toBe(before + 3);
    expect(await h.db.prisma.syncReceipt.count({ where: { id: { in: batch.map((o) => o.id) } } })).toBe(3);
    const col = await h.db.prisma.activityRecord.findUniqueOrThrow({ where: { id: (batch[1]!.payload as { id: string }).id } });
    expect(col).toMatchObject({ type: "Collectif", participantsCount: 9, workshopTitle: "Prendre en main sa tablette" });
    expect(col.participantBreakdown).toEqual({ gender: { Feminin: 6, Masculin: 3 }, ageBracket: { SoixanteDixPlus: 5 }, socialStatus: { Retraite: 7 } });
  });

  it("a batch interrupted midway then sent again in full applies each item exactly once", async () => {
    const api = await as("moi@medianum.test");
    const before = await countMine();
    const batch = Array.from({ length: 8 }, (_, i) => op("activity.individual.create", individual({ durationMinutes: 15 + i })));
    // The connection dropped after the server had applied the first three (their answer was lost).
    await api.sync.push({ operations: batch.slice(0, 3) });
    const retry = await api.sync.push({ operations: batch });
    expect(retry.results.map((r) => r.status)).toEqual([...Array(3).fill("duplicate"), ...Array(5).fill("applied")]);
    expect(await countMine()).toBe(before + 8);
    const durations = await h.db.prisma.activityRecord.findMany({ where: { id: { in: batch.map((o) => (o.payload as { id: string }).id) } }, select: { durationMinutes: true } });
    expect(durations.map((d) => d.durationMinutes).sort((a, b) => a - b)).toEqual([15, 16, 17, 18, 19, 20, 21, 22]);
  });

  it("the same operation twice in one batch is applied once", async () => {
    const api = await as("moi@medianum.test");
    const before = await countMine();
    const one = op("activity.individual.create", individual());
    const res = await api.sync.push({ operations: [one, one] });
    expect(res.results.map((r) => r.status)).toEqual(["applied", "duplicate"]);
    expect(await countMine()).toBe(before + 1);
  });

  it.skipIf(!onPostgres)("the same batch sent concurrently from three connections creates each record once (PostgreSQL)", async () => {
    const apis = await Promise.all([as("moi@medianum.test"), as("moi@medianum.test"), as("moi@medianum.test")]);
    const before = await countMine();
    const batch = Array.from({ length: 10 }, () => op("activity.individual.create", individual()));
    const answers = await Promise.all(apis.map((api) => api.sync.push({ operations: batch })));
    expect(await countMine()).toBe(before + 10);
    // For each item exactly one of the three sends applied it; the others saw the receipt.
    for (let i = 0; i < batch.length; i++) {
      const statuses = answers.map((a) => a.results[i]!.status).sort();
      expect(statuses).toEqual(["applied", "duplicate", "duplicate"]);
    }
  });
  if (!onPostgres) it.skip("concurrent sends need PostgreSQL: set TEST_DATABASE_URL (PGlite runs one query at a time)", () => {});
});

describe("sync receipts: retention", () => {
  it("forgets receipts older than 180 days, and a very late replay still creates nothing twice", async () => {
    const api = await as("moi@medianum.test");
    const [old, recent] = [op("activity.individual.create", individual({ notes: "Reçu ancien" })), op("activity.individual.create", individual({ notes: "Reçu récent" }))];
    await api.sync.push({ operations: [old, recent] });
    const now = h.clock.now;
    await h.db.prisma.syncReceipt.update({ where: { id: old.id }, data: { createdAt: new Date(now.getTime() - 181 * 86_400_000) } });
    await h.db.prisma.syncReceipt.update({ where: { id: recent.id }, data: { createdAt: new Date(now.getTime() - 179 * 86_400_000) } });

    expect(await purgeOldSyncReceipts(h.db.prisma, now)).toEqual({ deleted: 1 });
    expect(await h.db.prisma.syncReceipt.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await h.db.prisma.syncReceipt.findUnique({ where: { id: recent.id } })).not.toBeNull();

    // The device that never got its answer sends the old item again: the record's own id answers
    // that it is already there.
    const replay = await api.sync.push({ operations: [old] });
    expect(replay.results[0]).toMatchObject({ status: "duplicate", result: { version: 1 } });
    expect(await h.db.prisma.activityRecord.count({ where: { notes: "Reçu ancien" } })).toBe(1);
  });
});

describe("sync.push: refusals and conflicts", () => {
  it("refuses an invalid item with French messages per field, and applies the others", async () => {
    const api = await as("moi@medianum.test");
    const before = await countMine();
    const bad = op("activity.individual.create", individual({ themes: [], durationMinutes: 2 }));
    const good = op("activity.individual.create", individual());
    const res = await api.sync.push({ operations: [bad, good] });
    expect(res.results[0]).toMatchObject({
      status: "rejected",
      fieldErrors: { themes: ["Choisissez au moins une thématique."], durationMinutes: ["La durée doit être d'au moins 5 minutes."] },
    });
    expect(res.results[1]!.status).toBe("applied");
    expect(await countMine()).toBe(before + 1);
    // Fixed on the device and sent again under the same operation id: applied this time.
    const fixed = { ...bad, payload: { ...(bad.payload as object), themes: ["Email"], durationMinutes: 20 } };
    expect((await api.sync.push({ operations: [fixed] })).results[0]!.status).toBe("applied");
  });

  it("refuses a place that does not exist, next to the place field", async () => {
    const api = await as("moi@medianum.test");
    const res = await api.sync.push({ operations: [op("activity.individual.create", individual({ placeId: randomUUID() }))] });
    expect(res.results[0]).toMatchObject({ status: "rejected", fieldErrors: { placeId: ["Ce lieu n'existe plus : choisissez-en un autre."] } });
  });

  it("applies an edit from the current version, and a replayed edit does not bump the version twice", async () => {
    const api = await as("moi@medianum.test");
    const rec = individual();
    await api.sync.push({ operations: [op("activity.individual.create", rec)] });
    const edit = op("activity.individual.update", { record: { ...rec, durationMinutes: 60, notes: "Corrigé" }, baseVersion: 1 });
    expect((await api.sync.push({ operations: [edit] })).results[0]).toEqual({ id: edit.id, status: "applied", result: { id: rec.id, version: 2 } });
    expect((await api.sync.push({ operations: [edit] })).results[0]!.status).toBe("duplicate");
    expect(await h.db.prisma.activityRecord.findUniqueOrThrow({ where: { id: rec.id } })).toMatchObject({ version: 2, durationMinutes: 60, notes: "Corrigé" });
  });

  it("detects an edit made from an old version and shows the server's version instead of overwriting it", async () => {
    const api = await as("moi@medianum.test");
    const rec = individual();
    await api.sync.push({ operations: [op("activity.individual.create", rec)] });
    // Edited from another phone first…
    await api.sync.push({ operations: [op("activity.individual.update", { record: { ...rec, durationMinutes: 90 }, baseVersion: 1 })] });
    // …then this device's edit, made offline from version 1, arrives.
    const late = await api.sync.push({ operations: [op("activity.individual.update", { record: { ...rec, durationMinutes: 30, notes: "Mon changement" }, baseVersion: 1 })] });
    expect(late.results[0]).toMatchObject({ status: "conflict", server: { id: rec.id, version: 2, durationMinutes: 90, notes: null } });
    expect(await h.db.prisma.activityRecord.findUniqueOrThrow({ where: { id: rec.id } })).toMatchObject({ version: 2, durationMinutes: 90, notes: null });
    // Choosing to keep mine: sent again from the server's version.
    const keep = await api.sync.push({ operations: [op("activity.individual.update", { record: { ...rec, durationMinutes: 30, notes: "Mon changement" }, baseVersion: 2 })] });
    expect(keep.results[0]!.status).toBe("applied");
    expect(await h.db.prisma.activityRecord.findUniqueOrThrow({ where: { id: rec.id } })).toMatchObject({ version: 3, durationMinutes: 30 });
  });

  it("a counsellor can neither edit another's record nor reuse another's operation id", async () => {
    const mine = await as("moi@medianum.test");
    const theirs = await as("autre@medianum.test");
    const rec = individual();
    const create = op("activity.individual.create", rec);
    await mine.sync.push({ operations: [create] });
    const edit = await theirs.sync.push({ operations: [op("activity.individual.update", { record: { ...rec, notes: "pirate" }, baseVersion: 1 })] });
    expect(edit.results[0]).toMatchObject({ status: "rejected", message: "Cet enregistrement est introuvable parmi les vôtres." });
    const replay = await theirs.sync.push({ operations: [create] });
    expect(replay.results[0]).toEqual({ id: create.id, status: "rejected", message: "Cet identifiant d'opération est déjà utilisé.", fieldErrors: {} });
    const sameRecordId = await theirs.sync.push({ operations: [op("activity.individual.create", rec)] });
    expect(sameRecordId.results[0]!.status).toBe("rejected");
    expect(await h.db.prisma.activityRecord.findUniqueOrThrow({ where: { id: rec.id } })).toMatchObject({ counsellorId: me.id, notes: null });
    expect(await countMine(other.id)).toBe(0);
  });

  it("is refused to staff and to visitors", async () => {
    const batch = { operations: [op("activity.individual.create", individual())] };
    expect((await errorOf(async () => (await as("coord@medianum.test")).sync.push(batch))).code).toBe("FORBIDDEN");
    expect((await errorOf(async () => (await h.client().api()).sync.push(batch))).code).toBe("UNAUTHORIZED");
  });
});

describe("attendance check-in through sync", () => {
  it("a walk-in sent three times is added once, and a mark is applied once, feeding the session's record", async () => {
    const api = await as("moi@medianum.test");
    const session = await createWorkshopSession(h.db, { placeId, capacity: 10, startsAt: new Date(h.clock.now.getTime() + 30 * 60_000), counsellorIds: [me.id] });
    const booked = await (await h.client("198.51.100.7").api()).booking.book({ sessionId: session.id, firstName: "Lina", lastName: "Martin", email: "lina@exemple.fr", seats: 1, consent: true });
    const walkIn = op("attendance.checkin", { kind: "walk_in", sessionId: session.id, clientId: randomUUID(), firstName: "Paul", seats: 2 });
    const mark = op("attendance.checkin", { kind: "mark", sessionId: session.id, registrationId: booked.registrationId, mark: "present" });
    expect((await api.sync.push({ operations: [walkIn, mark] })).results.map((r) => r.status)).toEqual(["applied", "applied"]);
    for (let i = 0; i < 2; i++) expect((await api.sync.push({ operations: [walkIn, mark] })).results.map((r) => r.status)).toEqual(["duplicate", "duplicate"]);
    expect(await h.db.prisma.registration.count({ where: { sessionId: session.id } })).toBe(2);
    expect(await h.db.prisma.registration.findUniqueOrThrow({ where: { id: booked.registrationId } })).toMatchObject({ status: "attended" });
    expect(await h.db.prisma.activityRecord.findUniqueOrThrow({ where: { workshopSessionId: session.id } })).toMatchObject({ type: "Collectif", participantsCount: 3 });
  });

  it("refuses a check-in for a session that is not mine, in French", async () => {
    const api = await as("autre@medianum.test");
    const session = await createWorkshopSession(h.db, { placeId, capacity: 10, startsAt: new Date(h.clock.now.getTime() + 30 * 60_000), counsellorIds: [me.id] });
    const res = await api.sync.push({ operations: [op("attendance.checkin", { kind: "walk_in", sessionId: session.id, clientId: randomUUID(), firstName: "Paul", seats: 1 })] });
    expect(res.results[0]).toMatchObject({ status: "rejected" });
    expect(res.results[0]!.status === "rejected" && /[a-zé]/.test(res.results[0]!.message)).toBe(true);
    expect(await h.db.prisma.registration.count({ where: { sessionId: session.id } })).toBe(0);
  });

  it("refuses a check-in before the window the device applies too, and applies one exactly when it opens", async () => {
    const api = await as("moi@medianum.test");
    const now = h.clock.now;
    const later = await createWorkshopSession(h.db, { placeId, capacity: 10, startsAt: new Date(now.getTime() + 2 * 3_600_000 + 60_000), counsellorIds: [me.id] });
    const atOpening = await createWorkshopSession(h.db, { placeId, capacity: 10, startsAt: new Date(now.getTime() + 2 * 3_600_000), counsellorIds: [me.id] });
    const walkIn = (sessionId: string) => op("attendance.checkin", { kind: "walk_in", sessionId, clientId: randomUUID(), firstName: "Paul", seats: 1 });
    const res = await api.sync.push({ operations: [walkIn(later.id), walkIn(atOpening.id)] });
    // The very refusal the counsellor's phone gives before queueing anything.
    const onDevice = checkInRefusal({ startsAt: later.startsAt, status: "scheduled" }, now);
    expect(onDevice?.message).toBe("Le pointage ouvre 2 heures avant le début de la séance.");
    expect(res.results.map((r) => (r.status === "rejected" ? r.message : r.status))).toEqual([onDevice!.message, "applied"]);
    expect(checkInRefusal({ startsAt: atOpening.startsAt, status: "scheduled" }, now)).toBeNull();
    expect(await h.db.prisma.registration.count({ where: { sessionId: later.id } })).toBe(0);
  });
});

describe("Pass numérique through sync", () => {
  beforeAll(async () => {
    await h.db.prisma.passCheque.createMany({
      data: [
        ...Array.from({ length: 5 }, (_, i) => ({ number: `PN47-00010${i}`, counsellorId: me.id, allottedAt: h.clock.now, expiresOn: new Date("2027-06-30") })),
        { number: "PN47-000200", counsellorId: me.id, allottedAt: h.clock.now, expiresOn: new Date("2026-10-31") },
        { number: "PN47-000300", counsellorId: other.id, allottedAt: h.clock.now },
        { number: "PN47-000400" },
      ],
    });
  });

  it("prescribes cheques of my stock once, and refuses a cheque already given or not mine", async () => {
    const api = await as("moi@medianum.test");
    const p = op("pass.prescription", { id: randomUUID(), prescribedOn: "2026-11-25", need: "Formation tablette", chequeNumbers: ["pn47-000100", "PN47-000101"] });
    expect((await api.sync.push({ operations: [p] })).results[0]).toMatchObject({ status: "applied", result: { chequeNumbers: ["PN47-000100", "PN47-000101"] } });
    expect((await api.sync.push({ operations: [p] })).results[0]!.status).toBe("duplicate");
    expect(await h.db.prisma.passCheque.count({ where: { counsellorId: me.id, status: "prescribed" } })).toBe(2);

    const again = op("pass.prescription", { id: randomUUID(), prescribedOn: "2026-11-25", need: "Autre personne", chequeNumbers: ["PN47-000101", "PN47-000300", "PN47-000200"] });
    const res = (await api.sync.push({ operations: [again] })).results[0]!;
    expect(res).toMatchObject({ status: "rejected" });
    expect(res.status === "rejected" && res.fieldErrors.chequeNumbers?.[0]).toBe(
      "Le chèque PN47-000101 a déjà été prescrit. Le chèque PN47-000300 n'est pas dans votre stock. Le chèque PN47-000200 est expiré à cette date.",
    );
    expect(await h.db.prisma.passPrescription.count({ where: { counsellorId: me.id } })).toBe(1);

    const mine = await api.passNumerique.mine();
    expect(mine.cheques.filter((c) => c.status === "in_stock").map((c) => c.number)).toEqual(["PN47-000102", "PN47-000103", "PN47-000104", "PN47-000200"]);
    expect(mine.prescriptions).toEqual([{ id: (p.payload as { id: string }).id, prescribedOn: "2026-11-25", need: "Formation tablette", chequeNumbers: ["PN47-000100", "PN47-000101"] }]);
  });

  it.skipIf(!onPostgres)("the same cheque prescribed from two phones at once goes to one person only (PostgreSQL)", async () => {
    const [a, b] = await Promise.all([as("moi@medianum.test"), as("moi@medianum.test")]);
    const mk = () => op("pass.prescription", { id: randomUUID(), prescribedOn: "2026-11-25", need: "Formation", chequeNumbers: ["PN47-000104"] });
    const res = await Promise.all([a.sync.push({ operations: [mk()] }), b.sync.push({ operations: [mk()] })]);
    expect(res.map((r) => r.results[0]!.status).sort()).toEqual(["applied", "rejected"]);
    expect(await h.db.prisma.passCheque.findUniqueOrThrow({ where: { number: "PN47-000104" } })).toMatchObject({ status: "prescribed" });
  });

  it("shows the coordination the stock and use per counsellor, and only to staff", async () => {
    const stock = await (await as("coord@medianum.test")).passNumerique.stock();
    expect(stock.unallotted).toBe(1);
    const nora = stock.rows.find((r) => r.counsellorName === "Nora Petit")!;
    expect(nora).toMatchObject({ allotted: 6, prescribed: nora.allotted - nora.inStock, used: 0, expired: 0 });
    expect(nora.prescriptions).toBeGreaterThanOrEqual(1);
    expect(stock.rows.find((r) => r.counsellorName === "Yann Leroy")).toMatchObject({ allotted: 1, inStock: 1 });
    expect((await errorOf(async () => (await as("moi@medianum.test")).passNumerique.stock())).code).toBe("FORBIDDEN");
  });
});

describe("what the device keeps", () => {
  it("the snapshot holds my records in full, places, directory and my cheques — not others' records", async () => {
    const api = await as("moi@medianum.test");
    const rec = collective();
    await api.sync.push({ operations: [op("activity.collective.create", rec)] });
    await (await as("autre@medianum.test")).sync.push({ operations: [op("activity.individual.create", individual())] });
    const snap = await api.sync.snapshot();
    expect(snap.records.length).toBe(await countMine());
    expect(snap.records.find((r) => r.id === rec.id)).toMatchObject({ type: "Collectif", version: 1, participantsCount: 9, placeName: "Médiathèque Lacépède", breakdown: rec.breakdown });
    expect(snap.places.map((p) => p.id)).toContain(placeId);
    expect(snap.directory.find((d) => d.id === placeId)).toMatchObject({ source: "place", communeName: "Agen", kindLabel: "Médiathèque" });
    expect(snap.cheques.every((c) => c.number.startsWith("PN47-0001") || c.number === "PN47-000200")).toBe(true);
  });

  it("my figures count this month and this year from the server", async () => {
    const api = await as("autre@medianum.test");
    await api.sync.push({
      operations: [
        op("activity.individual.create", individual({ date: "2026-11-02", durationMinutes: 60, themes: ["Sante"] })),
        op("activity.collective.create", collective({ date: "2026-03-02", participantsCount: 4, breakdown: {} })),
      ],
    });
    const f = await api.myFigures.get();
    expect(f).toMatchObject({ month: "2026-11", year: "2026", source: "server" });
    // Including the record of the previous test (24 November, 45 min, Email).
    expect(f.thisMonth).toMatchObject({ accompaniments: 2, workshops: 0, people: 2, minutes: 105 });
    expect(f.thisYear).toMatchObject({ accompaniments: 2, workshops: 1, people: 6, minutes: 225 });
    // Ties in the Coop's list order.
    expect(f.thisYear.topThemes.map((t) => t.theme)).toEqual(["PrendreEnMainDuMateriel", "Email", "Sante"]);
  });
});

describe("collège report through sync", () => {
  it("a report sent three times files once: one collective record, the request done", async () => {
    const api = await as("moi@medianum.test");
    const request = await h.db.prisma.collegeRequest.create({
      data: {
        uai: "0470040N",
        establishmentName: "Collège Jasmin",
        communeInsee: "47001",
        requesterName: "Mme Garcia",
        requesterRole: "cpe",
        email: "cpe@college-jasmin.fr",
        topics: ["cyberbullying"],
        periods: [{ from: "2026-11-16", to: "2026-11-27" }],
        status: "scheduled",
        trackingTokenHash: "s".repeat(64),
        consentAt: h.clock.now,
        classes: { create: [{ level: "4e", name: "4e B", pupils: 24 }] },
      },
      include: { classes: true },
    });
    const classId = request.classes[0]!.id;
    const session = await h.db.prisma.collegeSession.create({
      data: {
        requestId: request.id,
        startsAt: new Date(h.clock.now.getTime() - 3 * 3_600_000),
        durationMinutes: 110,
        classes: { create: [{ classId }] },
        counsellors: { create: [{ counsellorId: me.id }] },
      },
    });
    const report = op("college.report", {
      id: randomUUID(),
      sessionId: session.id,
      classes: [{ classId, pupilsPresent: 23 }],
      topicsCovered: ["cyberbullying"],
      durationMinutes: 110,
      remarks: "Classe très participative.",
    });
    expect((await api.sync.push({ operations: [report] })).results.map((r) => r.status)).toEqual(["applied"]);
    for (let i = 0; i < 2; i++) expect((await api.sync.push({ operations: [report] })).results.map((r) => r.status)).toEqual(["duplicate"]);
    expect(await h.db.prisma.activityRecord.count({ where: { collegeSessionId: session.id } })).toBe(1);
    expect(await h.db.prisma.activityRecord.findUniqueOrThrow({ where: { collegeSessionId: session.id } })).toMatchObject({ type: "Collectif", participantsCount: 23, counsellorId: me.id });
    expect(await h.db.prisma.collegeRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "done" });
    // Another counsellor cannot file it.
    const theirs = await as("autre@medianum.test");
    const res = await theirs.sync.push({ operations: [op("college.report", { ...(report.payload as object), id: randomUUID() })] });
    expect(res.results[0]!.status).toBe("rejected");
  });
});
