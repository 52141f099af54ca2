import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, createUser, errorOf, seedTerritory, type Harness } from "./harness.js";

let h: Harness;
let requestId: string;

beforeAll(async () => {
  h = await createHarness();
  await seedTerritory(h.db);
  await createUser(h.db, "coordinator", "coord@medianum.test");
  await createUser(h.db, "counsellor", "c@medianum.test");
  const req = await h.db.prisma.collegeRequest.create({
    data: {
      uai: "0470040N",
      establishmentName: "Collège Jasmin",
      communeInsee: "47001",
      requesterName: "Mme Garcia",
      requesterRole: "cpe",
      email: "cpe@college-jasmin.fr",
      topics: ["cyberbullying", "e_reputation"],
      periods: [{ from: "2027-01-11", to: "2027-01-22" }],
      status: "under_review",
      trackingTokenHash: "x".repeat(64),
      consentAt: new Date(),
      classes: { create: [{ level: "5e", name: "5e A", pupils: 26 }, { level: "4e", name: "4e B", pupils: 24 }] },
      events: {
        create: [
          { fromStatus: null, toStatus: "received", actorType: "college" },
          { fromStatus: "received", toStatus: "under_review", actorType: "staff" },
        ],
      },
    },
  });
  requestId = req.id;
});
afterAll(() => h.close());

describe("collège requests (back-office)", () => {
  it("staff see the inbox with pupils counted and the detail with classes and history", async () => {
    const c = h.client();
    await c.login("coord@medianum.test");
    const api = await c.api();
    const list = await api.college.requests({});
    expect(list).toEqual([expect.objectContaining({ id: requestId, establishmentName: "Collège Jasmin", communeName: "Agen", pupils: 50, classesCount: 2, status: "under_review" })]);
    expect(await api.college.requests({ status: "received" })).toEqual([]);
    const detail = await api.college.request({ id: requestId });
    expect(detail.classes.map((x) => x.name)).toEqual(["4e B", "5e A"]);
    expect(detail.events.map((e) => e.toStatus)).toEqual(["received", "under_review"]);
  });

  it("is refused to counsellors", async () => {
    const c = h.client();
    await c.login("c@medianum.test");
    expect((await errorOf(async () => (await c.api()).college.requests({}))).code).toBe("FORBIDDEN");
  });
});
