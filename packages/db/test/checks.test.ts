import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/client.js";
import { createTestDatabase } from "../src/testing.js";

// Value lists are checked by the database as well as by the domain: a row with a code outside
// the list never gets in, whatever wrote it.

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
}, 60_000);
afterAll(() => db?.close());

const slot = (over: Record<string, unknown> = {}) => ({
  startsAt: new Date("2027-01-14T08:00:00Z"),
  durationMinutes: 55,
  topics: ["cyberbullying"],
  capacityClasses: 2,
  communeInsees: [],
  epciCodes: [],
  batchId: randomUUID(),
  ...over,
});

describe("CHECK constraints of CollegeSlot", () => {
  it("accepts a slot within the lists and bounds", async () => {
    await expect(db.prisma.collegeSlot.create({ data: slot() })).resolves.toMatchObject({ status: "open" });
  });
  it.each([
    ["an unknown status", { status: "booked" }],
    ["an unknown topic", { topics: ["gaming"] }],
    ["no topic", { topics: [] }],
    ["zero classes", { capacityClasses: 0 }],
    ["a 10-minute slot", { durationMinutes: 10 }],
  ])("refuses %s", async (_, over) => {
    await expect(db.prisma.collegeSlot.create({ data: slot(over) })).rejects.toThrow(/check/i);
  });
});
