import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileCollegeReport } from "../src/college/report.js";
import { createHarness, createUser, seedTerritory, type Harness } from "./harness.js";

// The offline PWA may send the same report twice at once (two tabs, a retried sync): one
// activity record must come out, and both callers get its id.
const onPostgres = !!process.env.TEST_DATABASE_URL;

let h: Harness;
let counsellorId: string;
let sessionId: string;
let classId: string;

beforeAll(async () => {
  if (!onPostgres) return;
  h = await createHarness(new Date("2027-01-14T12:00:00Z"));
  await seedTerritory(h.db);
  counsellorId = (await createUser(h.db, "counsellor", "c@medianum.test")).counsellor!.id;
  const req = await h.db.prisma.collegeRequest.create({
    data: {
      uai: "0470040N",
      establishmentName: "Collège Jasmin",
      communeInsee: "47001",
      requesterName: "Claire Dupuy",
      requesterRole: "cpe",
      email: "cpe@college.fr",
      topics: ["cyberbullying"],
      periods: [],
      status: "scheduled",
      trackingTokenHash: randomUUID(),
      consentAt: new Date(),
      classes: { create: [{ level: "5e", pupils: 26 }] },
    },
    include: { classes: true },
  });
  classId = req.classes[0]!.id;
  sessionId = (
    await h.db.prisma.collegeSession.create({
      data: {
        requestId: req.id,
        startsAt: new Date("2027-01-14T08:00:00Z"),
        durationMinutes: 55,
        classes: { create: [{ classId }] },
        counsellors: { create: [{ counsellorId }] },
      },
    })
  ).id;
});
afterAll(() => h?.close());

describe("collège report, concurrent submissions (PostgreSQL)", () => {
  if (!onPostgres) {
    it.skip("needs PostgreSQL: set TEST_DATABASE_URL (PGlite runs one query at a time)", () => {});
    return;
  }

  it("stores one record and one 'done' transition for eight simultaneous submissions", async () => {
    const inputs = Array.from({ length: 8 }, () => ({
      id: randomUUID(),
      sessionId,
      classes: [{ classId, pupilsPresent: 25 }],
      topicsCovered: ["cyberbullying" as const],
      durationMinutes: 55,
    }));
    const results = await Promise.all(inputs.map((i) => fileCollegeReport(h.db.prisma, counsellorId, i, h.clock.now, "https://medianum.example")));
    const ids = new Set(results.map((r) => r.activityRecordId));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => !r.alreadyReported)).toHaveLength(1);
    expect(await h.db.prisma.activityRecord.count({ where: { collegeSessionId: sessionId } })).toBe(1);
    expect(await h.db.prisma.collegeRequestEvent.count({ where: { toStatus: "done" } })).toBe(1);
    expect(await h.db.prisma.outboxEmail.count({ where: { subject: { startsWith: "Séance de sensibilisation réalisée" } } })).toBe(1);
  });
});
