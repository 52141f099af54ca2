import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, createUser, seedTerritory, type Harness } from "./harness.js";

// Collèges racing for the last classes of a slot: the capacity is never exceeded. PGlite runs one
// query at a time, so this only means something on a real PostgreSQL server (TEST_DATABASE_URL).
const onPostgres = !!process.env.TEST_DATABASE_URL;

let h: Harness;
let counsellorId: string;

function booking(slotId: string, i: number, classes: number) {
  return {
    slotId,
    uai: "0470040N",
    establishmentName: `Collège ${i}`,
    address: "12 rue Jasmin",
    communeInsee: "47001",
    requesterName: "Claire Dupuy",
    requesterRole: "cpe" as const,
    email: `cpe-${randomUUID().slice(0, 8)}@college.fr`,
    classes: Array.from({ length: classes }, (_, k) => ({ level: "5e" as const, name: `5e ${k + 1}`, pupils: 25 })),
    topics: ["cyberbullying" as const],
    consent: true as const,
  };
}

async function bookedClasses(slotId: string) {
  const rows = await h.db.sql.query<{ n: number }>(
    `SELECT COUNT(*)::int AS n FROM "CollegeSessionClass" c JOIN "CollegeSession" s ON s.id = c."sessionId" WHERE s."slotId" = $1 AND s.status <> 'cancelled'`,
    [slotId],
  );
  return rows[0]!.n;
}

describe.skipIf(!onPostgres)("collèges racing for a slot on PostgreSQL (skipped without TEST_DATABASE_URL: PGlite serialises every query)", () => {
  beforeAll(async () => {
    h = await createHarness(new Date("2026-12-01T10:00:00Z"));
    await seedTerritory(h.db);
    await createUser(h.db, "coordinator", "coord@medianum.test");
    counsellorId = (await createUser(h.db, "counsellor", "c@medianum.test")).counsellor!.id;
  });
  afterAll(() => h.close());

  async function publish(capacityClasses: number, from: string) {
    const coordinator = h.client("203.0.113.1");
    await coordinator.login("coord@medianum.test");
    const res = await (await coordinator.api()).collegeSlot.publish({
      from,
      to: from,
      weekdays: ["1", "2", "3", "4", "5"],
      times: ["09:00"],
      durationMinutes: 55,
      topics: ["cyberbullying"],
      counsellorIds: [counsellorId],
      capacityClasses,
      confirmConflicts: true,
    });
    if (res.outcome !== "published") throw new Error("not published");
    return res.slotIds[0]!;
  }

  it("two collèges racing for the last class: exactly one gets it, the other reads that the slot is full", async () => {
    const slotId = await publish(3, "2027-01-12");
    await (await h.client("198.51.100.1").api()).collegeSlot.book(booking(slotId, 0, 2));
    const results = await Promise.allSettled([1, 2].map(async (i) => (await h.client(`198.51.100.${10 + i}`).api()).collegeSlot.book(booking(slotId, i, 1))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((refused.reason as Error).message).toMatch(/complet/);
    expect(await bookedClasses(slotId)).toBe(3);
  });

  it("60 simultaneous bookings of 1 to 3 classes on a 10-class slot: never more than 10 booked, every refusal in French", async () => {
    const slotId = await publish(10, "2027-01-13");
    const results = await Promise.allSettled(
      Array.from({ length: 60 }, async (_, i) => (await h.client(`198.18.0.${i}`).api()).collegeSlot.book(booking(slotId, i, 1 + (i % 3)))),
    );
    const booked = await bookedClasses(slotId);
    const accepted = results.filter((r) => r.status === "fulfilled").length;
    expect(booked).toBeLessThanOrEqual(10);
    // Bookings are all or nothing: every accepted request has its classes in the session.
    expect(await h.db.prisma.collegeRequest.count({ where: { sessions: { some: { slotId } } } })).toBe(accepted);
    expect(booked).toBeGreaterThanOrEqual(8);
    for (const r of results) if (r.status === "rejected") expect((r.reason as Error).message).toMatch(/complet|n'accueille plus que/);
  });

  it("cancellations and bookings at once keep the count right", async () => {
    const slotId = await publish(4, "2027-01-14");
    const first = [];
    for (let i = 0; i < 4; i++) first.push(await (await h.client(`203.0.113.${20 + i}`).api()).collegeSlot.book(booking(slotId, i, 1)));
    const ops = [
      ...first.slice(0, 2).map((r, i) => async () => (await h.client(`192.0.2.${i}`).api()).college.trackingCancel({ token: r.trackingToken })),
      ...Array.from({ length: 12 }, (_, i) => async () => (await h.client(`192.0.2.${100 + i}`).api()).collegeSlot.book(booking(slotId, 100 + i, 1))),
    ];
    const results = await Promise.allSettled(ops.map((op) => op()));
    const cancelled = results.slice(0, 2).filter((r) => r.status === "fulfilled").length;
    const accepted = results.slice(2).filter((r) => r.status === "fulfilled").length;
    expect(cancelled).toBe(2);
    expect(await bookedClasses(slotId)).toBe(4 - cancelled + accepted);
    expect(await bookedClasses(slotId)).toBeLessThanOrEqual(4);
  });
});
