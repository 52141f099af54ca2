import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/client.js";
import { createTestDatabase } from "../src/testing.js";
import { VALUE_CHECKS, valueCheckSql } from "../src/value-checks.js";

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

describe("every column holding a code of a domain value list has its CHECK, with exactly the list's codes", () => {
  it.each(VALUE_CHECKS.map((c) => [`${c.table}.${c.column}`, c] as const))("%s", async (_, check) => {
    const rows = await db.prisma.$queryRawUnsafe<{ def: string }[]>(
      `SELECT pg_get_constraintdef(co.oid) AS def FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid
        WHERE co.contype = 'c' AND cl.relname = $1 AND co.conname = $2`,
      check.table,
      `${check.table}_${check.column}_check`,
    );
    const hint = `ajoutez dans une nouvelle migration : ${valueCheckSql(check)} (après avoir retiré l'ancienne contrainte s'il y en a une)`;
    expect(rows, hint).toHaveLength(1);
    const codes = [...rows[0]!.def.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replace(/''/g, "'"));
    expect([...new Set(codes)].sort(), hint).toEqual([...check.values].sort());
  });

  it("a code outside its list is refused by the database itself", async () => {
    await db.prisma.departement.upsert({ where: { code: "99" }, create: { code: "99", name: "Test" }, update: {} });
    const epci = { code: "200000001", name: "Test", departementCode: "99", fragilityGroup: "pas_un_groupe" };
    await expect(db.prisma.epci.create({ data: epci })).rejects.toThrow(/check/i);
    await expect(db.prisma.epci.create({ data: { ...epci, fragilityGroup: "mixed" } })).resolves.toMatchObject({ fragilityGroup: "mixed" });
  });

  it("the audit log takes only actions its viewer can name, and a place only services of the list", async () => {
    await expect(db.prisma.auditLog.create({ data: { action: "booking.whatever", at: new Date() } })).rejects.toThrow(/check/i);
    await expect(db.prisma.auditLog.create({ data: { action: "team.invite", at: new Date() } })).resolves.toMatchObject({ action: "team.invite" });
    await db.prisma.departement.upsert({ where: { code: "99" }, create: { code: "99", name: "Test" }, update: {} });
    const commune = { inseeCode: "99001", name: "Test", postalCodes: ["99000"], population: 100, departementCode: "99" };
    await db.prisma.commune.upsert({ where: { inseeCode: "99001" }, create: commune, update: {} });
    const place = { name: "Lieu", type: "mairie", address: "1 rue", postalCode: "99000", communeInsee: "99001" };
    await expect(db.prisma.place.create({ data: { ...place, services: ["admin_help", "teleportation"] } })).rejects.toThrow(/check/i);
    await expect(db.prisma.place.create({ data: { ...place, services: ["admin_help"] } })).resolves.toMatchObject({ services: ["admin_help"] });
  });
});
