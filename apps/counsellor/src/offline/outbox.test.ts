import "fake-indexeddb/auto";
import { randomUUID } from "node:crypto";
import type { SyncItemResult, SyncOperation } from "@medianum/domain";
import { beforeEach, describe, expect, it } from "vitest";
import { DeviceDb, type LocalRecord } from "./db.js";
import { backoffDelay, discard, enqueue, flush, recoverInterrupted, resolveConflict, retryNow, SignedOutError } from "./outbox.js";

let db: DeviceDb;
beforeEach(async () => {
  db = new DeviceDb(`test-${randomUUID()}`);
  await db.open();
});

function record(id = randomUUID(), overrides: Partial<LocalRecord> = {}): LocalRecord {
  return {
    id, type: "Individuel", version: 1, date: "2026-11-24", durationMinutes: 45, locationType: "Domicile", placeId: null, placeName: null, communeInsee: null,
    themes: ["Email"], administrativeThemes: [], administrativeDetail: null, equipment: [], notes: null, autonomy: null, redirectionStructure: null,
    gender: "NonCommunique", ageBracket: "NonCommunique", socialStatus: "NonCommunique", beneficiaryId: null, workshopTitle: null, workshopLevel: null,
    participantsCount: 1, breakdown: null, workshopSessionId: null, collegeSessionId: null, updatedAt: null, syncState: "pending", localUpdatedAt: 0, ...overrides,
  };
}
const create = (r: LocalRecord) => enqueue(db, { kind: "activity.individual.create", payload: { id: r.id, durationMinutes: r.durationMinutes }, entityId: r.id, summary: "x", record: r });
const update = (r: LocalRecord, baseVersion = 1) =>
  enqueue(db, { kind: "activity.individual.update", payload: { record: { id: r.id, durationMinutes: r.durationMinutes }, baseVersion }, entityId: r.id, summary: "x", record: r });

/** A fake server that applies each operation id once, like sync.push. */
function server(behaviour: (op: SyncOperation) => SyncItemResult | null = () => null) {
  const seen = new Map<string, SyncItemResult>();
  const calls: SyncOperation[][] = [];
  const send = async (ops: SyncOperation[]) => {
    calls.push(ops);
    return ops.map((op) => {
      const special = behaviour(op);
      if (special) return special;
      const prev = seen.get(op.id);
      if (prev) return { ...prev, status: "duplicate" } as SyncItemResult;
      const r: SyncItemResult = { id: op.id, status: "applied", result: { version: op.kind.endsWith("update") ? (op.payload as { baseVersion: number }).baseVersion + 1 : 1 } };
      seen.set(op.id, r);
      return r;
    });
  };
  return { send, calls, seen };
}

describe("outbox", () => {
  it("sends in typing order, empties the queue and marks records synced", async () => {
    const recs = [record(), record(), record()];
    for (const r of recs) await create(r);
    const s = server();
    const report = await flush(db, s.send);
    expect(report).toMatchObject({ sent: 3, applied: 3, networkError: false });
    expect(s.calls[0]!.map((o) => (o.payload as { id: string }).id)).toEqual(recs.map((r) => r.id));
    expect(await db.outbox.count()).toBe(0);
    expect((await db.records.toArray()).every((r) => r.syncState === "synced")).toBe(true);
  });

  it("a long queue leaves in full batches, in typing order; an edit answered in the same batch as its creation gives the record its version", async () => {
    const recs = Array.from({ length: 240 }, () => record());
    await create(recs[0]!);
    // An edit of the first record that no longer folds into its creation (already on its way).
    await db.outbox.where("entityId").equals(recs[0]!.id).modify({ status: "sending" });
    await update({ ...recs[0]!, durationMinutes: 50 }, 1);
    await recoverInterrupted(db);
    for (const r of recs.slice(1)) await create(r);
    const s = server();
    const report = await flush(db, s.send);
    expect(report).toMatchObject({ sent: 241, applied: 241 });
    expect(s.calls.map((c) => c.length)).toEqual([100, 100, 41]);
    const sentIds = s.calls.flat().map((o) => ((o.payload as { record?: { id: string } }).record ?? (o.payload as { id: string })).id);
    expect(sentIds).toEqual([recs[0]!.id, ...recs.map((r) => r.id)]);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.records.get(recs[0]!.id)).toMatchObject({ syncState: "synced", version: 2 });
    expect((await db.records.toArray()).every((r) => r.syncState === "synced")).toBe(true);
  });

  it("keeps everything on a network failure and retries later with growing back-off", async () => {
    await create(record());
    let t = Date.now() + 1000;
    const failing = async () => {
      throw new TypeError("Failed to fetch");
    };
    expect((await flush(db, failing, { now: () => t })).networkError).toBe(true);
    const [item] = await db.outbox.toArray();
    expect(item).toMatchObject({ status: "pending", attempts: 1 });
    expect(item!.nextAttemptAt).toBeGreaterThan(t);
    // Not due yet: nothing is sent.
    const s = server();
    expect((await flush(db, s.send, { now: () => t + 100 })).sent).toBe(0);
    t = item!.nextAttemptAt;
    expect((await flush(db, s.send, { now: () => t })).applied).toBe(1);
    expect(backoffDelay(1, () => 0.5)).toBe(2_000);
    expect(backoffDelay(4, () => 0.5)).toBe(16_000);
    expect(backoffDelay(20, () => 0.5)).toBe(300_000);
  });

  it("does not count a lapsed session as a failure, and keeps the items", async () => {
    await create(record());
    const report = await flush(db, async () => {
      throw new SignedOutError();
    });
    expect(report.signedOut).toBe(true);
    expect(await db.outbox.toArray()).toEqual([expect.objectContaining({ status: "pending", attempts: 0 })]);
  });

  it("after a tab closed mid-sync, the items are sent again and the server's receipts make it harmless", async () => {
    const recs = [record(), record()];
    for (const r of recs) await create(r);
    const s = server();
    // The server applied the batch, but the tab closed before the answer was stored.
    const firstBatch = await db.outbox.toArray();
    await s.send(firstBatch.map((o) => ({ id: o.opId, kind: o.kind, payload: o.payload })));
    await db.outbox.toCollection().modify({ status: "sending" });
    expect(await recoverInterrupted(db)).toBe(2);
    const report = await flush(db, s.send);
    expect(report).toMatchObject({ duplicates: 2, applied: 0 });
    expect(await db.outbox.count()).toBe(0);
    expect(s.seen.size).toBe(2);
  });

  it("folds an edit into a creation that has not left yet", async () => {
    const r = record();
    await create(r);
    await update({ ...r, durationMinutes: 90 });
    const items = await db.outbox.toArray();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: "activity.individual.create", payload: { id: r.id, durationMinutes: 90 } });
  });

  it("an edit typed while the previous one is on its way is made from the version it will give", async () => {
    const r = record(randomUUID(), { syncState: "synced" });
    await update(r, 1);
    await db.outbox.toCollection().modify({ status: "sending" });
    await update({ ...r, durationMinutes: 60 }, 1);
    const waiting = (await db.outbox.toArray()).find((o) => o.status === "pending")!;
    expect((waiting.payload as { baseVersion: number }).baseVersion).toBe(2);
  });

  it("a refused item waits to be fixed and holds back what follows on the same record, not the others", async () => {
    const bad = record();
    const good = record();
    await create(bad);
    await create(good);
    const s = server((op) =>
      (op.payload as { id?: string }).id === bad.id && op.kind.endsWith("create") ? { id: op.id, status: "rejected", message: "Certains champs sont à corriger.", fieldErrors: { themes: ["Choisissez au moins une thématique."] } } : null,
    );
    const report = await flush(db, s.send);
    expect(report).toMatchObject({ applied: 1, rejected: 1 });
    const [left] = await db.outbox.toArray();
    expect(left).toMatchObject({ status: "rejected", fieldErrors: { themes: ["Choisissez au moins une thématique."] } });
    expect((await db.records.get(bad.id))!.syncState).toBe("problem");
    // Fixed and sent again.
    await retryNow(db, left!.seq!, { id: bad.id, durationMinutes: 30 });
    expect((await flush(db, server().send)).applied).toBe(1);
    expect(await db.outbox.count()).toBe(0);
  });

  it("a conflict keeps both versions until the person chooses", async () => {
    const r = record(randomUUID(), { syncState: "synced" });
    await db.records.put(r);
    await update({ ...r, durationMinutes: 30 }, 1);
    const serverVersion = { ...r, version: 2, durationMinutes: 90 } as LocalRecord;
    const conflicting = server((op) => ({ id: op.id, status: "conflict", message: "Modifié ailleurs", server: serverVersion }));
    expect((await flush(db, conflicting.send)).conflicts).toBe(1);
    const [item] = await db.outbox.toArray();
    expect(item).toMatchObject({ status: "conflict", server: { version: 2, durationMinutes: 90 } });

    await resolveConflict(db, item!.seq!, "mine");
    const resent = (await db.outbox.toArray())[0]!;
    expect(resent.opId).not.toBe(item!.opId);
    expect(resent.payload).toMatchObject({ baseVersion: 2, record: { durationMinutes: 30 } });

    await db.outbox.update(resent.seq!, { status: "conflict", server: serverVersion });
    await resolveConflict(db, resent.seq!, "theirs");
    expect(await db.outbox.count()).toBe(0);
    expect(await db.records.get(r.id)).toMatchObject({ durationMinutes: 90, version: 2, syncState: "synced" });
  });

  it("discarding a creation that never reached the server removes its local copy", async () => {
    const r = record();
    const item = await create(r);
    await discard(db, item.seq!);
    expect(await db.records.get(r.id)).toBeUndefined();
  });

  it("a collège report refused by the server is corrected and sent again with the same report id; once applied the session shows it as filed", async () => {
    const sessionId = randomUUID();
    const [classA, classB] = [randomUUID(), randomUUID()];
    await db.collegeSessions.put({
      id: sessionId, startsAt: new Date("2026-11-20T09:00:00Z"), durationMinutes: 55, room: null, status: "scheduled", establishmentName: "Collège Test", uai: "0470001A",
      address: null, communeName: "Agen", contact: { name: "C", role: "cpe", email: "c@example.org", phone: null }, topics: ["cyberbullying"], otherTopic: null, constraints: null,
      classes: [{ id: classA, level: "5e", name: "5e A", pupils: 25, pupilsPresent: null }, { id: classB, level: "5e", name: "5e B", pupils: 24, pupilsPresent: null }],
      counsellors: ["Moi"], report: null,
    });
    const report = { id: randomUUID(), sessionId, classes: [{ classId: classA, pupilsPresent: 22 }], topicsCovered: ["cyberbullying" as const], durationMinutes: 55, remarks: undefined };
    const item = await enqueue(db, { kind: "college.report", payload: report, entityId: report.id, summary: "Compte rendu : Collège Test" });
    // The server wants every class of the session.
    const s = server((op) =>
      (op.payload as typeof report).classes.length < 2 ? { id: op.id, status: "rejected", message: "Indiquez les élèves présents pour chacune des classes.", fieldErrors: { classes: ["Il manque une classe."] } } : null,
    );
    expect((await flush(db, s.send)).rejected).toBe(1);
    expect(await db.outbox.get(item.seq!)).toMatchObject({ status: "rejected", fieldErrors: { classes: ["Il manque une classe."] } });
    expect((await db.collegeSessions.get(sessionId))!.report).toBeNull();

    const corrected = { ...report, classes: [...report.classes, { classId: classB, pupilsPresent: 20 }] };
    await retryNow(db, item.seq!, corrected);
    expect((await flush(db, s.send)).applied).toBe(1);
    expect(s.calls.at(-1)![0]).toMatchObject({ id: item.opId, payload: { id: report.id, classes: corrected.classes } });
    expect(await db.outbox.count()).toBe(0);
    const filed = (await db.collegeSessions.get(sessionId))!;
    expect(filed.status).toBe("done");
    expect(filed.report).toMatchObject({ activityRecordId: report.id, durationMinutes: 55, topicsCovered: ["cyberbullying"] });
    expect(filed.classes.map((c) => c.pupilsPresent)).toEqual([22, 20]);
  });

  it("marking again a person whose check-in was refused replaces the refused mark instead of queueing behind it", async () => {
    const entityId = `${randomUUID()}:${randomUUID()}`;
    const mark = (status: string) => enqueue(db, { kind: "attendance.checkin", payload: { status }, entityId, summary: `Pointage : ${status}` });
    const first = await mark("present");
    const s = server((op) => ((op.payload as { status: string }).status === "present" ? { id: op.id, status: "rejected", message: "Séance annulée.", fieldErrors: {} } : null));
    expect((await flush(db, s.send)).rejected).toBe(1);
    await mark("absent");
    expect(await db.outbox.count()).toBe(1);
    expect(await db.outbox.get(first.seq!)).toMatchObject({ status: "pending", payload: { status: "absent" }, summary: "Pointage : absent", message: undefined });
    expect((await flush(db, s.send)).applied).toBe(1);
    expect(await db.outbox.count()).toBe(0);
  });
});
