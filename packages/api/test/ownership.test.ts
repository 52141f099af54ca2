import { randomUUID } from "node:crypto";
import type { SyncOperation } from "@medianum/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { booking, createHarness, createPlace, createUser, createWorkshopSession, errorOf, seedTerritory, type Harness } from "./harness.js";

// Counsellor A, logged in, on counsellor B's things: every way in (the counsellor app's procedures
// and the offline queue) is refused, reveals nothing, and leaves B's data exactly as it was.

let h: Harness;
let placeId: string;
let a: { id: string };
let b: { id: string };
const HOUR = 3_600_000;

// B's things.
let recordId: string;
let beneficiaryId: string;
let workshopSessionId: string;
let registrationId: string;
let collegeSessionId: string;
let classId: string;
let prescriptionId: string;

function individual(overrides: Record<string, unknown> = {}) {
  return { id: randomUUID(), date: "2026-11-20", durationMinutes: 45, locationType: "LieuActivite" as const, placeId, themes: ["Email" as const], ...overrides };
}
const op = (kind: SyncOperation["kind"], payload: unknown): SyncOperation => ({ id: randomUUID(), kind, payload });

async function as(email: string) {
  const c = h.client("198.51.100.99");
  await c.login(email);
  return c.api();
}

/** Everything of B's that A could try to change, read straight from the tables. */
async function bState() {
  const { prisma } = h.db;
  return {
    record: await prisma.activityRecord.findUniqueOrThrow({ where: { id: recordId } }),
    records: await prisma.activityRecord.findMany({ where: { counsellorId: b.id }, orderBy: { id: "asc" } }),
    registrations: await prisma.registration.findMany({ where: { sessionId: workshopSessionId }, orderBy: { id: "asc" } }),
    workshopSession: await prisma.workshopSession.findUniqueOrThrow({ where: { id: workshopSessionId } }),
    sessionRecords: await prisma.activityRecord.count({ where: { OR: [{ workshopSessionId }, { collegeSessionId }] } }),
    collegeSession: await prisma.collegeSession.findUniqueOrThrow({ where: { id: collegeSessionId }, include: { classes: true } }),
    cheques: await prisma.passCheque.findMany({ where: { counsellorId: b.id }, orderBy: { number: "asc" } }),
    prescriptions: await prisma.passPrescription.findMany({ where: { counsellorId: b.id } }),
  };
}

beforeAll(async () => {
  h = await createHarness();
  await seedTerritory(h.db);
  placeId = (await createPlace(h.db)).id;
  a = (await createUser(h.db, "counsellor", "a@medianum.test", "Anne A")).counsellor!;
  b = (await createUser(h.db, "counsellor", "b@medianum.test", "Bruno B")).counsellor!;
  const { prisma } = h.db;

  const apiB = await as("b@medianum.test");
  beneficiaryId = (await prisma.beneficiary.create({ data: { counsellorId: b.id, firstName: "Josette", consentAt: h.clock.now } })).id;
  recordId = (await apiB.activity.createIndividual(individual({ notes: "Note de Bruno", beneficiaryId }))).id;

  // A workshop session run by B alone, starting within the hour (check-in is open), with a booking.
  workshopSessionId = (await createWorkshopSession(h.db, { placeId, capacity: 10, startsAt: new Date(h.clock.now.getTime() + HOUR), counsellorIds: [b.id] })).id;
  registrationId = (await (await h.client("198.51.100.98").api()).booking.book(booking(workshopSessionId))).registrationId;

  // A collège session given by B alone, over and waiting for its report.
  const request = await prisma.collegeRequest.create({
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
      trackingTokenHash: "o".repeat(64),
      consentAt: h.clock.now,
      classes: { create: [{ level: "4e", name: "4e B", pupils: 24 }] },
    },
    include: { classes: true },
  });
  classId = request.classes[0]!.id;
  collegeSessionId = (
    await prisma.collegeSession.create({
      data: { requestId: request.id, startsAt: new Date(h.clock.now.getTime() - 3 * HOUR), durationMinutes: 110, classes: { create: [{ classId }] }, counsellors: { create: [{ counsellorId: b.id }] } },
    })
  ).id;

  // B's Pass numérique cheques, one already prescribed by B.
  await prisma.passCheque.createMany({
    data: [
      { number: "PN47-000901", counsellorId: b.id, allottedAt: h.clock.now },
      { number: "PN47-000902", counsellorId: b.id, allottedAt: h.clock.now },
      { number: "PN47-000950", counsellorId: a.id, allottedAt: h.clock.now },
    ],
  });
  prescriptionId = randomUUID();
  const prescribed = await apiB.sync.push({ operations: [op("pass.prescription", { id: prescriptionId, prescribedOn: "2026-11-24", need: "Démarches en ligne", chequeNumbers: ["PN47-000901"] })] });
  expect(prescribed.results[0]!.status).toBe("applied");
});
afterAll(() => h.close());

describe("counsellor A on counsellor B's things", () => {
  it("activity records: A cannot read, edit, take over or duplicate B's record, nor use B's followed person", async () => {
    const before = await bState();
    const apiA = await as("a@medianum.test");
    // Read: nowhere in A's lists, snapshot or figures.
    expect((await apiA.activity.mine({ limit: 500 })).map((r) => r.id)).not.toContain(recordId);
    expect((await apiA.sync.snapshot()).records.map((r) => r.id)).not.toContain(recordId);
    const figures = await apiA.myFigures.get();
    expect(figures.thisYear).toMatchObject({ accompaniments: 0, minutes: 0 });

    // Edit, online queue: refused as "not among yours", whatever the version.
    const stored = before.record;
    for (const baseVersion of [stored.version, stored.version + 1]) {
      const edit = await apiA.sync.push({ operations: [op("activity.individual.update", { record: individual({ id: recordId, notes: "réécrit par A" }), baseVersion })] });
      expect(edit.results[0]).toMatchObject({ status: "rejected", message: "Cet enregistrement est introuvable parmi les vôtres." });
    }
    // Duplicate into B's id (online and offline): refused, the record stays B's.
    const dup = await errorOf(() => apiA.activity.createIndividual(individual({ id: recordId })));
    expect(dup.code).toBe("CONFLICT");
    expect(dup.message).toBe("Cet identifiant d'enregistrement est déjà utilisé.");
    expect((await apiA.sync.push({ operations: [op("activity.individual.create", individual({ id: recordId }))] })).results[0]!.status).toBe("rejected");
    // B's followed person cannot be attached to A's record.
    const borrowed = await errorOf(() => apiA.activity.createIndividual(individual({ beneficiaryId })));
    expect(borrowed.message).toBe("Cette personne suivie est introuvable dans vos bénéficiaires.");

    expect(await bState()).toEqual(before);
    expect(await h.db.prisma.activityRecord.count({ where: { counsellorId: a.id } })).toBe(0);
  });

  it("a workshop session B runs and A does not: no attendance sheet, no check-in, no record tied to it", async () => {
    const before = await bState();
    const apiA = await as("a@medianum.test");
    expect((await apiA.booking.mySessions()).map((s) => s.id)).not.toContain(workshopSessionId);
    expect((await apiA.agenda.mine({})).map((s) => s.id)).not.toContain(workshopSessionId);
    const sheet = await errorOf(() => apiA.booking.attendanceSheet({ sessionId: workshopSessionId }));
    expect(sheet.code).toBe("NOT_FOUND");
    expect(sheet.message).toBe("Cette séance ne fait pas partie de vos séances.");
    expect((await errorOf(() => apiA.booking.recordAttendance({ kind: "mark", sessionId: workshopSessionId, registrationId, mark: "absent" }))).code).toBe("NOT_FOUND");
    expect((await errorOf(() => apiA.booking.recordAttendance({ kind: "walk_in", sessionId: workshopSessionId, clientId: randomUUID(), firstName: "Intrus", seats: 3 }))).code).toBe("NOT_FOUND");
    const queued = await apiA.sync.push({
      operations: [
        op("attendance.checkin", { kind: "mark", sessionId: workshopSessionId, registrationId, mark: "present" }),
        op("attendance.checkin", { kind: "walk_in", sessionId: workshopSessionId, clientId: randomUUID(), firstName: "Intrus", seats: 2 }),
        op("activity.collective.create", {
          id: randomUUID(),
          date: "2026-11-25",
          durationMinutes: 90,
          locationType: "LieuActivite",
          placeId,
          themes: ["Parentalite"],
          workshopTitle: "Les écrans en famille",
          participantsCount: 12,
          breakdown: {},
          workshopSessionId,
        }),
      ],
    });
    expect(queued.results.map((r) => r.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(await bState()).toEqual(before);
  });

  it("a collège session B gives: A cannot open it nor file its report, online or from the queue", async () => {
    const before = await bState();
    const apiA = await as("a@medianum.test");
    expect((await apiA.sync.snapshot()).collegeSessions.map((s) => s.id)).not.toContain(collegeSessionId);
    expect((await errorOf(() => apiA.college.mySession({ id: collegeSessionId }))).code).toBe("NOT_FOUND");
    const report = { id: randomUUID(), sessionId: collegeSessionId, classes: [{ classId, pupilsPresent: 20 }], topicsCovered: ["cyberbullying" as const], durationMinutes: 110 };
    const online = await errorOf(() => apiA.college.report(report));
    expect(online.code).toBe("NOT_FOUND");
    expect(online.message).toBe("Cette séance est introuvable dans votre agenda.");
    expect((await apiA.sync.push({ operations: [op("college.report", { ...report, id: randomUUID() })] })).results[0]!.status).toBe("rejected");
    expect(await bState()).toEqual(before);
    expect(before.collegeSession).toMatchObject({ status: "scheduled", reportedAt: null });
  });

  it("Pass numérique: A sees none of B's cheques, cannot prescribe them nor reuse B's prescription", async () => {
    const before = await bState();
    const apiA = await as("a@medianum.test");
    const mine = await apiA.passNumerique.mine();
    expect(mine.cheques.map((c) => c.number)).toEqual(["PN47-000950"]);
    expect(mine.prescriptions).toEqual([]);
    const take = await apiA.sync.push({ operations: [op("pass.prescription", { id: randomUUID(), prescribedOn: "2026-11-25", need: "Autre", chequeNumbers: ["PN47-000902"] })] });
    expect(take.results[0]).toMatchObject({ status: "rejected", fieldErrors: { chequeNumbers: ["Le chèque PN47-000902 n'est pas dans votre stock."] } });
    // B's prescription id, with A's own cheque: refused without a word of B's prescription.
    const reuse = await apiA.sync.push({ operations: [op("pass.prescription", { id: prescriptionId, prescribedOn: "2026-11-25", need: "Autre", chequeNumbers: ["PN47-000950"] })] });
    expect(reuse.results[0]).toMatchObject({ status: "rejected", message: "Cet identifiant de prescription est déjà utilisé." });
    expect(JSON.stringify(reuse)).not.toContain("PN47-000901");
    expect(await bState()).toEqual(before);
    expect(await h.db.prisma.passCheque.findUniqueOrThrow({ where: { number: "PN47-000950" } })).toMatchObject({ status: "in_stock", prescriptionId: null });
  });

  it("the offline queue: replaying B's operation ids answers neither B's result nor anything else", async () => {
    const receipt = await h.db.prisma.syncReceipt.findFirstOrThrow({ where: { counsellorId: b.id } });
    const before = await bState();
    const apiA = await as("a@medianum.test");
    const res = await apiA.sync.push({ operations: [{ id: receipt.id, kind: "pass.prescription", payload: { id: randomUUID(), prescribedOn: "2026-11-25", need: "x", chequeNumbers: ["PN47-000950"] } }] });
    expect(res.results[0]).toEqual({ id: receipt.id, status: "rejected", message: "Cet identifiant d'opération est déjà utilisé.", fieldErrors: {} });
    expect(await bState()).toEqual(before);
  });
});
