import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eraseExpiredCollegeContacts } from "../src/college/retention.js";
import { createHarness, seedTerritory, type Harness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness(new Date("2026-11-25T10:00:00Z"));
  await seedTerritory(h.db);
});
afterAll(() => h.close());

async function request(name: string, status: string, updatedAt: string) {
  return h.db.prisma.collegeRequest.create({
    data: {
      uai: "0470040N",
      establishmentName: name,
      communeInsee: "47001",
      requesterName: "Claire Dupuy",
      requesterRole: "cpe",
      email: "claire.dupuy@college.fr",
      phone: "0553000000",
      topics: ["cyberbullying"],
      periods: [],
      status,
      trackingTokenHash: `${name}-hash`,
      consentAt: new Date(updatedAt),
      updatedAt: new Date(updatedAt),
      classes: { create: [{ level: "5e", pupils: 26 }] },
      messages: { create: [{ author: "college", body: "Merci !" }] },
      trackingTokens: { create: [{ tokenHash: `${name}-hash-2` }] },
    },
  });
}

describe("retention of collège contact details", () => {
  it("erases the contacts of requests closed more than 24 months ago and keeps what the figures need", async () => {
    const old = await request("Collège Ancien", "done", "2024-10-01T10:00:00Z");
    const openOld = await request("Collège Ouvert", "received", "2024-10-01T10:00:00Z");
    const recent = await request("Collège Récent", "done", "2025-12-01T10:00:00Z");
    expect(await eraseExpiredCollegeContacts(h.db.prisma, h.clock.now)).toEqual({ erased: 1 });

    const erased = await h.db.prisma.collegeRequest.findUniqueOrThrow({ where: { id: old.id }, include: { classes: true, messages: true, trackingTokens: true } });
    expect(erased).toMatchObject({ requesterName: "(effacé)", email: "", phone: null, establishmentName: "Collège Ancien", uai: "0470040N", status: "done" });
    expect(erased.trackingTokenHash).not.toBe("Collège Ancien-hash");
    expect(erased.messages).toEqual([]);
    expect(erased.trackingTokens).toEqual([]);
    expect(erased.classes).toHaveLength(1);
    for (const id of [openOld.id, recent.id]) {
      expect((await h.db.prisma.collegeRequest.findUniqueOrThrow({ where: { id } })).email).toBe("claire.dupuy@college.fr");
    }
    // Running again changes nothing.
    expect(await eraseExpiredCollegeContacts(h.db.prisma, h.clock.now)).toEqual({ erased: 0 });
  });
});
