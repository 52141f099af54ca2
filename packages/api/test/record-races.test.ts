import { randomUUID } from "node:crypto";
import type { SyncOperation } from "@medianum/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, createPlace, createUser, seedTerritory, type Harness } from "./harness.js";

// The same record sent several times at once (a phone retrying over a flaky network, two tabs):
// exactly one send creates it, the others answer "already there", never a 500. PGlite runs one
// query at a time, so these races only happen on a real PostgreSQL server (TEST_DATABASE_URL).
const onPostgres = !!process.env.TEST_DATABASE_URL;

let h: Harness;
let placeId: string;
let me: { id: string };

function individual(id = randomUUID()) {
  return { id, date: "2026-11-24", durationMinutes: 45, locationType: "LieuActivite" as const, placeId, themes: ["Email" as const] };
}
const op = (kind: SyncOperation["kind"], payload: unknown): SyncOperation => ({ id: randomUUID(), kind, payload });
async function as(email: string) {
  const c = h.client();
  await c.login(email);
  return c.api();
}
/** Each call from its own connection-like client, all started before any is awaited. */
const together = <T>(n: number, call: (i: number) => Promise<T>) => Promise.allSettled(Array.from({ length: n }, (_, i) => call(i)));
const fulfilled = <T>(results: PromiseSettledResult<T>[]) => results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
const rejections = (results: PromiseSettledResult<unknown>[]) => results.flatMap((r) => (r.status === "rejected" ? [r.reason as { code?: string; message?: string }] : []));

describe.skipIf(!onPostgres)("concurrent sends of one record on PostgreSQL (skipped without TEST_DATABASE_URL: PGlite runs one query at a time)", () => {
  beforeAll(async () => {
    h = await createHarness();
    await seedTerritory(h.db);
    placeId = (await createPlace(h.db)).id;
    me = (await createUser(h.db, "counsellor", "moi@medianum.test")).counsellor!;
    await createUser(h.db, "admin", "admin@medianum.test");
  });
  afterAll(() => h?.close());

  it("activity.createIndividual with one id 5 times at once: one created, four told it is already there, one row", async () => {
    const apis = await Promise.all(Array.from({ length: 5 }, () => as("moi@medianum.test")));
    for (let round = 0; round < 5; round++) {
      const r = individual();
      const results = await together(5, (i) => apis[i]!.activity.createIndividual(r));
      expect(rejections(results)).toEqual([]);
      const answers = fulfilled(results);
      expect(answers.filter((a) => a.created)).toHaveLength(1);
      expect(answers.every((a) => a.id === r.id && a.version === 1)).toBe(true);
      expect(await h.db.prisma.activityRecord.count({ where: { id: r.id } })).toBe(1);
    }
  });

  it("sync.push: the same record under several operation ids at once is applied once, the others are duplicates", async () => {
    const apis = await Promise.all(Array.from({ length: 4 }, () => as("moi@medianum.test")));
    for (let round = 0; round < 5; round++) {
      const record = individual();
      const ops = apis.map(() => op("activity.individual.create", record));
      const results = await together(4, (i) => apis[i]!.sync.push({ operations: [ops[i]!] }));
      expect(rejections(results)).toEqual([]);
      const statuses = fulfilled(results).map((r) => r.results[0]!.status).sort();
      expect(statuses).toEqual(["applied", "duplicate", "duplicate", "duplicate"]);
      expect(await h.db.prisma.activityRecord.count({ where: { id: record.id } })).toBe(1);
      // Every operation id has its receipt: a later replay of any of them answers "duplicate".
      expect(await h.db.prisma.syncReceipt.count({ where: { id: { in: ops.map((o) => o.id) } } })).toBe(4);
      const replay = await apis[0]!.sync.push({ operations: ops });
      expect(replay.results.map((r) => r.status)).toEqual(["duplicate", "duplicate", "duplicate", "duplicate"]);
    }
  });

  it("sync.push: one Pass numérique prescription under two operation ids at once gives its cheques once", async () => {
    await h.db.prisma.passCheque.createMany({
      data: Array.from({ length: 10 }, (_, i) => ({ number: `PN47-0009${String(i).padStart(2, "0")}`, counsellorId: me.id, allottedAt: h.clock.now })),
    });
    const apis = await Promise.all([as("moi@medianum.test"), as("moi@medianum.test")]);
    for (let round = 0; round < 5; round++) {
      const prescription = { id: randomUUID(), prescribedOn: "2026-11-25", need: "Formation tablette", chequeNumbers: [`PN47-0009${String(round * 2).padStart(2, "0")}`, `PN47-0009${String(round * 2 + 1).padStart(2, "0")}`] };
      const results = await together(2, (i) => apis[i]!.sync.push({ operations: [op("pass.prescription", prescription)] }));
      expect(rejections(results)).toEqual([]);
      expect(fulfilled(results).map((r) => r.results[0]!.status).sort()).toEqual(["applied", "duplicate"]);
      expect(await h.db.prisma.passCheque.count({ where: { prescriptionId: prescription.id } })).toBe(2);
    }
  });

  it("two invitations with one e-mail at once: one account, the other invitation answers CONFLICT in French", async () => {
    const admins = await Promise.all([as("admin@medianum.test"), as("admin@medianum.test")]);
    for (let round = 0; round < 5; round++) {
      const email = `nouvelle-${round}@medianum.test`;
      const results = await together(2, (i) => admins[i]!.team.invite({ email, displayName: `Nouvelle ${round}`, role: "coordinator" }));
      expect(fulfilled(results)).toHaveLength(1);
      const [refused] = rejections(results);
      expect(refused).toMatchObject({ code: "CONFLICT" });
      expect(refused!.message).toMatch(/existe déjà/);
      expect(await h.db.prisma.user.count({ where: { email } })).toBe(1);
      // The refused invitation left nothing behind: one link to hand over (no SMTP in tests), no e-mail queued.
      expect(fulfilled(results)[0]!.handover).not.toBeNull();
      expect(await h.db.prisma.userToken.count({ where: { user: { email } } })).toBe(1);
      expect(await h.db.prisma.outboxEmail.count({ where: { to: email } })).toBe(0);
    }
  });
});
