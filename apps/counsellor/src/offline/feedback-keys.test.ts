import "fake-indexeddb/auto";
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DeviceDb } from "./db.js";
import { SyncEngine } from "./engine.js";
import { feedbackKeyFor } from "./feedback-keys.js";

let db: DeviceDb;
beforeEach(() => {
  db = new DeviceDb(`test-${randomUUID()}`);
});

describe("feedback QR keys on the device", () => {
  it("gives each workshop its own key, the same one when shown again, none when the pool is empty", async () => {
    const now = Date.now();
    await db.feedbackKeys.bulkPut([
      { key: "k-expired", expiresAt: now - 1, recordId: null },
      { key: "k1", expiresAt: now + 86_400_000, recordId: null },
      { key: "k2", expiresAt: now + 86_400_000, recordId: null },
    ]);
    const a = await feedbackKeyFor(db, "record-a", now);
    const b = await feedbackKeyFor(db, "record-b", now);
    expect(new Set([a, b])).toEqual(new Set(["k1", "k2"]));
    expect(await feedbackKeyFor(db, "record-a", now)).toBe(a);
    expect(await feedbackKeyFor(db, "record-c", now)).toBeNull();
  });

  it("the sync engine tops the pool up while online, and only when it runs low", async () => {
    vi.stubGlobal("navigator", { onLine: true });
    let asked = 0;
    const engine = new SyncEngine(db, {
      push: async () => [],
      snapshot: async () => ({ generatedAt: new Date(), defaults: { usualPlaceId: null }, agenda: [], records: [], places: [], directory: [], cheques: [], prescriptions: [], collegeSessions: [] }) as never,
      attendanceSheet: async () => {
        throw new Error("no sheet expected");
      },
      issueFeedbackKeys: async (count) => {
        asked += count;
        return Array.from({ length: count }, (_, i) => ({ key: `key-${asked}-${i}`, expiresAt: new Date(Date.now() + 86_400_000) }));
      },
    });
    await engine.run({ refresh: true });
    expect(await db.feedbackKeys.count()).toBe(10);
    await engine.run({ refresh: true });
    expect(asked).toBe(10);
    // Six keys shown: four left, the next sync brings the pool back to ten.
    for (const k of (await db.feedbackKeys.toArray()).slice(0, 6)) await db.feedbackKeys.update(k.key, { recordId: `r-${k.key}` });
    await engine.run({ refresh: true });
    expect(asked).toBe(16);
    expect(await db.feedbackKeys.filter((k) => k.recordId === null).count()).toBe(10);
    vi.unstubAllGlobals();
  });
});
