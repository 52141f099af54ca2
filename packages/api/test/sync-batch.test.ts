import { randomUUID } from "node:crypto";
import type { SyncOperation } from "@medianum/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, createPlace, createUser, createWorkshopSession, seedTerritory, type Harness } from "./harness.js";

// sync.push applies a batch's new records together (one statement) and everything else one item
// at a time: whatever the mix, each item gets the answer it would get alone, in the batch's order,
// and each good item is applied exactly once.
const onPostgres = !!process.env.TEST_DATABASE_URL;

let h: Harness;
let placeId: string;
let me: { id: string };
let other: { id: string };
let myBeneficiary: string;
let theirBeneficiary: string;

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
    participantsCount: 4,
    breakdown: { gender: { Feminin: 3, Masculin: 1 } },
    ...overrides,
  };
}
const op = (kind: SyncOperation["kind"], payload: unknown): SyncOperation => ({ id: randomUUID(), kind, payload });
const recordId = (o: SyncOperation) => ((o.payload as { id?: string; record?: { id: string } }).record ?? (o.payload as { id: string })).id;

beforeAll(async () => {
  h = await createHarness();
  await seedTerritory(h.db);
  placeId = (await createPlace(h.db)).id;
  me = (await createUser(h.db, "counsellor", "moi@medianum.test", "Nora Petit")).counsellor!;
  other = (await createUser(h.db, "counsellor", "autre@medianum.test", "Yann Leroy")).counsellor!;
  myBeneficiary = (await h.db.prisma.beneficiary.create({ data: { counsellorId: me.id, firstName: "Jeanne", consentAt: h.clock.now } })).id;
  theirBeneficiary = (await h.db.prisma.beneficiary.create({ data: { counsellorId: other.id, firstName: "Paul", consentAt: h.clock.now } })).id;
});
afterAll(() => h?.close());

async function as(email: string) {
  const c = h.client();
  await c.login(email);
  return c.api();
}
const countMine = () => h.db.prisma.activityRecord.count({ where: { counsellorId: me.id } });

describe("sync.push: a mixed batch", () => {
  it("answers each item in order — applied, duplicate, refused, conflict — and applies the good ones exactly once", async () => {
    const api = await as("moi@medianum.test");
    const sentEarlier = op("activity.individual.create", individual({ notes: "Déjà envoyé" }));
    const edited = individual({ notes: "Avant modification" });
    await api.sync.push({ operations: [sentEarlier, op("activity.individual.create", edited)] });
    const before = await countMine();

    const good1 = op("activity.individual.create", individual({ durationMinutes: 30, beneficiaryId: myBeneficiary }));
    const good2 = op("activity.collective.create", collective());
    const invalid = op("activity.individual.create", individual({ themes: [] }));
    const unknownPlace = op("activity.individual.create", individual({ placeId: randomUUID() }));
    const notMyBeneficiary = op("activity.individual.create", individual({ beneficiaryId: theirBeneficiary }));
    const sameRecordAgain = op("activity.collective.create", good2.payload);
    const editOfGood1 = op("activity.individual.update", { record: { ...(good1.payload as object), durationMinutes: 35 }, baseVersion: 1 });
    const staleEdit = op("activity.individual.update", { record: { ...edited, notes: "Version périmée" }, baseVersion: 3 });
    const good3 = op("activity.individual.create", individual({ durationMinutes: 75 }));
    const batch = [good1, sentEarlier, invalid, good2, unknownPlace, notMyBeneficiary, sameRecordAgain, editOfGood1, staleEdit, good3];

    const res = await api.sync.push({ operations: batch });
    expect(res.results.map((r) => r.id)).toEqual(batch.map((o) => o.id));
    expect(res.results.map((r) => r.status)).toEqual(["applied", "duplicate", "rejected", "applied", "rejected", "rejected", "duplicate", "applied", "conflict", "applied"]);
    expect(res.results[0]).toEqual({ id: good1.id, status: "applied", result: { id: recordId(good1), version: 1 } });
    expect(res.results[1]).toMatchObject({ status: "duplicate", result: { id: recordId(sentEarlier), version: 1 } });
    expect(res.results[2]).toMatchObject({ status: "rejected", fieldErrors: { themes: ["Choisissez au moins une thématique."] } });
    expect(res.results[4]).toMatchObject({ status: "rejected", fieldErrors: { placeId: ["Ce lieu n'existe plus : choisissez-en un autre."] } });
    expect(res.results[5]).toMatchObject({ status: "rejected", fieldErrors: { beneficiaryId: ["Cette personne suivie est introuvable dans vos bénéficiaires."] } });
    expect(res.results[6]).toMatchObject({ status: "duplicate", result: { id: recordId(good2), version: 1 } });
    expect(res.results[7]).toMatchObject({ status: "applied", result: { id: recordId(good1), version: 2 } });
    expect(res.results[8]).toMatchObject({ status: "conflict", server: { id: edited.id, version: 1, notes: "Avant modification" } });

    // Three new records, each once; the edit made after its creation in the same batch is applied to it.
    expect(await countMine()).toBe(before + 3);
    expect(await h.db.prisma.activityRecord.findUniqueOrThrow({ where: { id: recordId(good1) } })).toMatchObject({ version: 2, durationMinutes: 35, beneficiaryId: myBeneficiary, type: "Individuel" });
    const col = await h.db.prisma.activityRecord.findUniqueOrThrow({ where: { id: recordId(good2) } });
    expect(col).toMatchObject({ type: "Collectif", participantsCount: 4, workshopTitle: "Prendre en main sa tablette", gender: null, themes: ["PrendreEnMainDuMateriel"] });
    expect(col.participantBreakdown).toEqual({ gender: { Feminin: 3, Masculin: 1 }, ageBracket: {}, socialStatus: {} });
    expect(await h.db.prisma.activityRecord.findUniqueOrThrow({ where: { id: recordId(good3) } })).toMatchObject({ durationMinutes: 75, gender: "NonCommunique", version: 1, workshopTitle: null, participantBreakdown: null });
    // Refused items leave no receipt: fixed on the device, they can be sent again under the same id.
    expect(await h.db.prisma.syncReceipt.count({ where: { id: { in: [invalid.id, unknownPlace.id, notMyBeneficiary.id, staleEdit.id] } } })).toBe(0);

    // The whole batch again (its answer was lost): nothing more is created, the answers are kept.
    const replay = await api.sync.push({ operations: batch });
    expect(replay.results.map((r) => r.status)).toEqual(["duplicate", "duplicate", "rejected", "duplicate", "rejected", "rejected", "duplicate", "duplicate", "conflict", "duplicate"]);
    expect(replay.results[7]).toMatchObject({ result: { id: recordId(good1), version: 2 } });
    expect(await countMine()).toBe(before + 3);
  });

  it("a batch where one item breaks a rule keeps the others: sessions not mine or already reported are refused alone", async () => {
    const api = await as("moi@medianum.test");
    const mine = await createWorkshopSession(h.db, { placeId, capacity: 10, startsAt: new Date("2026-11-20T09:00:00Z"), counsellorIds: [me.id] });
    const theirs = await createWorkshopSession(h.db, { placeId, capacity: 10, startsAt: new Date("2026-11-20T14:00:00Z"), counsellorIds: [other.id] });
    const before = await countMine();
    const first = op("activity.individual.create", individual({ notes: "Avant" }));
    const report = op("activity.collective.create", collective({ workshopSessionId: mine.id }));
    const notMine = op("activity.collective.create", collective({ workshopSessionId: theirs.id }));
    const secondReport = op("activity.collective.create", collective({ workshopSessionId: mine.id }));
    const last = op("activity.individual.create", individual({ notes: "Après" }));

    const res = await api.sync.push({ operations: [first, report, notMine, secondReport, last] });
    expect(res.results.map((r) => r.status)).toEqual(["applied", "applied", "rejected", "rejected", "applied"]);
    expect(res.results[2]).toMatchObject({ fieldErrors: { workshopSessionId: ["Cette séance d'atelier ne vous est pas confiée."] } });
    expect(res.results[3]).toMatchObject({ fieldErrors: { workshopSessionId: ["Cette séance d'atelier a déjà son compte rendu."] } });
    expect(await countMine()).toBe(before + 3);
    expect(await h.db.prisma.activityRecord.findUniqueOrThrow({ where: { workshopSessionId: mine.id } })).toMatchObject({ id: recordId(report) });
    expect(await h.db.prisma.activityRecord.count({ where: { notes: { in: ["Avant", "Après"] }, counsellorId: me.id } })).toBe(2);
  });

  it("a record id already used by another counsellor is refused for this item only, without touching their record", async () => {
    const mineApi = await as("moi@medianum.test");
    const theirApi = await as("autre@medianum.test");
    const theirs = individual({ notes: "À Yann" });
    await theirApi.sync.push({ operations: [op("activity.individual.create", theirs)] });
    const before = await countMine();
    const res = await mineApi.sync.push({ operations: [op("activity.individual.create", individual()), op("activity.individual.create", { ...theirs, notes: "Pris" }), op("activity.individual.create", individual())] });
    expect(res.results.map((r) => r.status)).toEqual(["applied", "rejected", "applied"]);
    expect(res.results[1]).toMatchObject({ message: "Cet identifiant d'enregistrement est déjà utilisé." });
    expect(await countMine()).toBe(before + 2);
    expect(await h.db.prisma.activityRecord.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ counsellorId: other.id, notes: "À Yann" });
  });

  it("a full batch of the largest size is applied once, in one go", async () => {
    const api = await as("moi@medianum.test");
    const before = await countMine();
    const batch = Array.from({ length: 100 }, (_, i) => op(i % 10 === 0 ? "activity.collective.create" : "activity.individual.create", i % 10 === 0 ? collective({ participantsCount: 4 + i }) : individual({ durationMinutes: 15 + i })));
    expect((await api.sync.push({ operations: batch })).results.every((r) => r.status === "applied")).toBe(true);
    expect((await api.sync.push({ operations: batch })).results.every((r) => r.status === "duplicate")).toBe(true);
    expect(await countMine()).toBe(before + 100);
    expect(await h.db.prisma.syncReceipt.count({ where: { id: { in: batch.map((o) => o.id) } } })).toBe(100);
  });
});

describe.skipIf(!onPostgres)("a mixed batch replayed concurrently on PostgreSQL (skipped without TEST_DATABASE_URL: PGlite runs one query at a time)", () => {
  it("the same batch from four connections at once: each good item applied by exactly one, the bad ones refused by all", async () => {
    const apis = await Promise.all(Array.from({ length: 4 }, () => as("moi@medianum.test")));
    for (let round = 0; round < 3; round++) {
      const before = await countMine();
      const good = Array.from({ length: 40 }, (_, i) => op("activity.individual.create", individual({ durationMinutes: 20 + i })));
      const bad = [op("activity.individual.create", individual({ placeId: randomUUID() })), op("activity.individual.create", individual({ beneficiaryId: theirBeneficiary }))];
      const edit = op("activity.individual.update", { record: { ...(good[5]!.payload as object), durationMinutes: 90 }, baseVersion: 1 });
      const batch = [...good.slice(0, 20), bad[0]!, edit, ...good.slice(20), bad[1]!];
      const answers = await Promise.all(apis.map((api) => api.sync.push({ operations: batch })));
      for (let i = 0; i < batch.length; i++) {
        const statuses = answers.map((a) => a.results[i]!.status).sort();
        if (bad.includes(batch[i]!)) expect(statuses).toEqual(["rejected", "rejected", "rejected", "rejected"]);
        else expect(statuses).toEqual(["applied", "duplicate", "duplicate", "duplicate"]);
      }
      expect(await countMine()).toBe(before + 40);
      expect(await h.db.prisma.activityRecord.findUniqueOrThrow({ where: { id: recordId(good[5]!) } })).toMatchObject({ version: 2, durationMinutes: 90 });
      expect(await h.db.prisma.syncReceipt.count({ where: { id: { in: batch.map((o) => o.id) } } })).toBe(41);
    }
  });
  if (!onPostgres) it.skip("concurrent sends need PostgreSQL: set TEST_DATABASE_URL", () => {});
});
