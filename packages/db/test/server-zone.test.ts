import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../src/client.js";

// A server run with a TZ other than UTC (here French Guiana, UTC-3) must read the same instants
// through raw SQL as through the ORM. The embedded database's Prisma adapter used to drop the
// offset of raw timestamps, so Prisma read them in the process's zone (patched: see
// pnpm-workspace.yaml). Node applies a new TZ as soon as it is set.
process.env.TZ = "America/Cayenne";

let db: Database;
beforeAll(async () => {
  db = await openDatabase({});
  await db.migrate(() => {});
});
afterAll(() => db.close());

describe("instants with the server in another zone", () => {
  it("raw queries and the ORM agree on a stored instant", async () => {
    expect(new Date("2026-01-01T00:00:00").getTimezoneOffset()).toBe(180);
    const at = new Date("2026-03-29T02:04:00Z");
    const row = await db.prisma.auditLog.create({ data: { action: "auth.login", at } });
    const [raw] = await db.prisma.$queryRaw<Array<{ at: Date; now: Date }>>`SELECT at, now() AS now FROM "AuditLog" WHERE id = ${row.id}::uuid`;
    expect(raw!.at.toISOString()).toBe(at.toISOString());
    expect(Math.abs(raw!.now.getTime() - Date.now())).toBeLessThan(3_600_000);
    expect((await db.prisma.auditLog.findUniqueOrThrow({ where: { id: row.id } })).at.toISOString()).toBe(at.toISOString());
  });
});
