import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, createUser, type Harness } from "./harness.js";

// The audit log's day filter works in Paris days, including the 23-hour and 25-hour days of the
// daylight-saving switches, whatever the server's TZ.
let h: Harness;

// Refused logins, each naming in its entity the Paris day and time it happened.
const ENTRIES: Array<[string, string]> = [
  ["2026-03-28T22:59:00Z", "2026-03-28 23:59"],
  ["2026-03-28T23:00:00Z", "2026-03-29 00:00"],
  ["2026-03-29T21:59:00Z", "2026-03-29 23:59"],
  ["2026-03-29T22:00:00Z", "2026-03-30 00:00"],
  ["2026-10-24T21:59:00Z", "2026-10-24 23:59"],
  ["2026-10-24T22:00:00Z", "2026-10-25 00:00"],
  ["2026-10-25T22:59:00Z", "2026-10-25 23:59"],
  ["2026-10-25T23:00:00Z", "2026-10-26 00:00"],
];

beforeAll(async () => {
  h = await createHarness();
  await createUser(h.db, "coordinator", "coord@medianum.test");
  await h.db.prisma.auditLog.createMany({ data: ENTRIES.map(([at, paris]) => ({ at: new Date(at), action: "auth.login_failed", entityId: paris })) });
});
afterAll(() => h.close());

describe("audit log filtered by day", () => {
  it("keeps exactly the entries of the Paris days chosen, on both daylight-saving days", async () => {
    const staff = h.client();
    await staff.login("coord@medianum.test");
    const api = await staff.api();
    const days = async (from: string, to: string) =>
      (await api.audit.list({ from, to, action: "auth.login_failed", limit: 50 })).entries.map((e) => e.entityId).sort();
    expect(await days("2026-03-29", "2026-03-29")).toEqual(["2026-03-29 00:00", "2026-03-29 23:59"]);
    expect(await days("2026-10-25", "2026-10-25")).toEqual(["2026-10-25 00:00", "2026-10-25 23:59"]);
    expect(await days("2026-03-28", "2026-03-30")).toEqual(["2026-03-28 23:59", "2026-03-29 00:00", "2026-03-29 23:59", "2026-03-30 00:00"]);
    expect(await days("2026-10-26", "2026-10-26")).toEqual(["2026-10-26 00:00"]);
  });
});
