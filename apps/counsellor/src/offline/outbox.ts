import type { ActivityRecordView, CollegeReport, SyncItemResult, SyncOperation, SyncOperationKind } from "@medianum/domain";
import { SYNC_BATCH_MAX } from "@medianum/domain";
import type { DeviceDb, LocalRecord, OutboxItem } from "./db.js";

/** Sends a batch to the server; throws on network failure, or an error with `status` 401/403 when signed out. */
export type Transport = (operations: SyncOperation[]) => Promise<SyncItemResult[]>;

export class SignedOutError extends Error {
  constructor() {
    super("Votre session a expiré : reconnectez-vous pour envoyer vos saisies.");
  }
}

/**
 * Operations per request: the most the server takes. The server applies a batch's new records in
 * one statement, so each request costs about the same whatever its size; 100 records are about
 * 50 KB of JSON, a second at 400 kbit/s. A failed request is sent again whole (the server's
 * receipts make that harmless).
 */
export const DEVICE_BATCH_SIZE = SYNC_BATCH_MAX;

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_MAX_MS = 5 * 60_000;

/** Exponential back-off with jitter: 2 s, 4 s, 8 s… up to 5 min, so a weak link is not hammered. */
export function backoffDelay(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}

export interface QueueRequest {
  kind: SyncOperationKind;
  payload: unknown;
  entityId: string;
  summary: string;
  /** The record as it should look on the device now (optimistic), for record kinds. */
  record?: LocalRecord;
}

/**
 * Puts an operation in the outbox, in the same IndexedDB transaction as the local copy it shows,
 * so a closed tab cannot keep one without the other. An edit of something still waiting (not yet
 * being sent), or a new save of something refused, replaces the waiting payload instead of queueing
 * a second operation.
 */
export async function enqueue(db: DeviceDb, req: QueueRequest, now = Date.now()): Promise<OutboxItem> {
  return db.transaction("rw", [db.outbox, db.records], async () => {
    if (req.record) await db.records.put(req.record);
    const waiting = await db.outbox.where("entityId").equals(req.entityId).filter((o) => o.status !== "sending").last();
    // A new save of something the server refused is its correction: it takes the refused item's place.
    if (waiting && (canCoalesce(waiting.kind, req.kind) || (waiting.status === "rejected" && waiting.kind === req.kind))) {
      const payload = waiting.kind.endsWith(".create") ? (req.payload as { record?: unknown }).record ?? req.payload : req.payload;
      const merged: OutboxItem = { ...waiting, payload, summary: req.summary, status: "pending", attempts: 0, nextAttemptAt: now, message: undefined, fieldErrors: undefined, server: undefined };
      if (waiting.kind.endsWith(".update") && req.kind.endsWith(".update")) {
        // Keep the version the first edit was made from.
        (merged.payload as { baseVersion: number }).baseVersion = (waiting.payload as { baseVersion: number }).baseVersion;
      }
      await db.outbox.put(merged);
      return merged;
    }
    let payload = req.payload;
    if (req.kind.endsWith(".update")) {
      // An earlier edit of this record is on its way: this one is made from the version that edit will give.
      const inFlight = await db.outbox.where("entityId").equals(req.entityId).filter((o) => o.status === "sending").toArray();
      const base = Math.max((payload as { baseVersion: number }).baseVersion, ...inFlight.map((o) => (o.kind.endsWith(".update") ? (o.payload as { baseVersion: number }).baseVersion + 1 : 1)));
      payload = { ...(payload as object), baseVersion: base };
    }
    const item: OutboxItem = {
      opId: crypto.randomUUID(),
      kind: req.kind,
      payload,
      entityId: req.entityId,
      summary: req.summary,
      status: "pending",
      attempts: 0,
      nextAttemptAt: now,
      queuedAt: now,
    };
    const seq = await db.outbox.add(item);
    return { ...item, seq };
  });
}

function canCoalesce(waiting: SyncOperationKind, next: SyncOperationKind): boolean {
  const fam = (k: string) => k.split(".").slice(0, 2).join(".");
  return fam(waiting) === fam(next) && waiting.startsWith("activity.") && next.endsWith(".update");
}

/** After a crash or a closed tab mid-sync, items left "sending" go back to the queue (the server dedupes them). */
export async function recoverInterrupted(db: DeviceDb): Promise<number> {
  return db.outbox.where("status").equals("sending").modify({ status: "pending" });
}

export interface FlushReport {
  sent: number;
  applied: number;
  duplicates: number;
  rejected: number;
  conflicts: number;
  /** Set when the network failed: items were rescheduled with back-off. */
  networkError: boolean;
  signedOut: boolean;
}

/**
 * Sends what is due, in typing order, batch after batch, until nothing is due. Items whose entity
 * has an earlier item refused or in conflict wait for it to be fixed (an edit must not overtake
 * the creation it edits).
 */
export async function flush(db: DeviceDb, send: Transport, opts: { now?: () => number; batchSize?: number } = {}): Promise<FlushReport> {
  const now = opts.now ?? Date.now;
  const batchSize = Math.min(opts.batchSize ?? DEVICE_BATCH_SIZE, SYNC_BATCH_MAX);
  const report: FlushReport = { sent: 0, applied: 0, duplicates: 0, rejected: 0, conflicts: 0, networkError: false, signedOut: false };
  for (;;) {
    // Not the whole queue each time: a phone back online after a week may hold thousands of items.
    const batch = await db.transaction("rw", db.outbox, async () => {
      const problems = await Promise.all((["rejected", "conflict"] as const).map((status) => db.outbox.where("status").equals(status).toArray()));
      const blocked = new Set(problems.flat().map((o) => o.entityId));
      const at = now();
      const due: OutboxItem[] = [];
      for (let after = 0; due.length < batchSize; ) {
        // Pages in typing order by primary key: one getAll each, where a filtered cursor costs a request per item.
        const page = await db.outbox.where(":id").above(after).limit(batchSize * 2).toArray();
        for (const o of page) if (due.length < batchSize && o.status === "pending" && o.nextAttemptAt <= at && !blocked.has(o.entityId)) due.push(o);
        if (page.length < batchSize * 2) break;
        after = page[page.length - 1]!.seq!;
      }
      // Marked before sending: if the tab closes now, recoverInterrupted() puts them back.
      await db.outbox.bulkUpdate(due.map((o) => ({ key: o.seq!, changes: { status: "sending" as const } })));
      return due;
    });
    if (batch.length === 0) return report;
    let results: SyncItemResult[];
    try {
      results = await send(batch.map((o) => ({ id: o.opId, kind: o.kind, payload: o.payload, queuedAt: new Date(o.queuedAt) })));
    } catch (e) {
      const signedOut = e instanceof SignedOutError;
      await db.transaction("rw", db.outbox, async () => {
        for (const o of batch) {
          const attempts = signedOut ? o.attempts : o.attempts + 1;
          await db.outbox.update(o.seq!, { status: "pending", attempts, nextAttemptAt: signedOut ? now() : now() + backoffDelay(attempts) });
        }
      });
      if (signedOut) report.signedOut = true;
      else report.networkError = true;
      return report;
    }
    report.sent += batch.length;
    await applyResults(db, batch, results, report);
  }
}

async function applyResults(db: DeviceDb, batch: OutboxItem[], results: SyncItemResult[], report: FlushReport) {
  const byId = new Map(results.map((r) => [r.id, r]));
  await db.transaction("rw", [db.outbox, db.records, db.prescriptions, db.cheques, db.collegeSessions], async () => {
    // Read and written in bulk: one IndexedDB request per kind of change, not several per item.
    const current = await db.outbox.bulkGet(batch.map((o) => o.seq!));
    const entities = [...new Set(batch.filter((o) => o.kind.startsWith("activity.")).map((o) => o.entityId))];
    const waiting = new Map<string, number>();
    // One count per record (anyOf walks a cursor, far slower here than these parallel requests).
    const counts = await Promise.all(entities.map((e) => db.outbox.where("entityId").equals(e).count()));
    entities.forEach((e, i) => waiting.set(e, counts[i]!));
    const deletes: number[] = [];
    const updates: Array<{ key: number; changes: Partial<OutboxItem> }> = [];
    const recordChanges = new Map<string, Partial<LocalRecord>>();
    const changeRecord = (id: string, changes: Partial<LocalRecord>) => recordChanges.set(id, { ...recordChanges.get(id), ...changes });
    for (const [i, item] of batch.entries()) {
      const r = byId.get(item.opId);
      // Not answered (should not happen): try again later, like a network failure.
      if (!r) {
        updates.push({ key: item.seq!, changes: { status: "pending", attempts: item.attempts + 1, nextAttemptAt: Date.now() + backoffDelay(item.attempts + 1) } });
        continue;
      }
      if (r.status === "applied" || r.status === "duplicate") {
        if (r.status === "applied") report.applied += 1;
        else report.duplicates += 1;
        if (current[i]) {
          deletes.push(item.seq!);
          if (waiting.has(item.entityId)) waiting.set(item.entityId, waiting.get(item.entityId)! - 1);
        }
        if (item.kind.startsWith("activity.")) {
          // Synced only once nothing else of this record waits in the outbox.
          const version = typeof r.result.version === "number" ? r.result.version : undefined;
          changeRecord(item.entityId, { ...(version ? { version } : {}), ...(waiting.get(item.entityId) ? {} : { syncState: "synced" as const }) });
        } else {
          await markSynced(db, item, r.result);
        }
      } else if (r.status === "rejected") {
        report.rejected += 1;
        updates.push({ key: item.seq!, changes: { status: "rejected", message: r.message, fieldErrors: r.fieldErrors } });
        if (item.kind.startsWith("activity.")) changeRecord(item.entityId, { syncState: "problem" });
        else await markProblem(db, item);
      } else {
        report.conflicts += 1;
        updates.push({ key: item.seq!, changes: { status: "conflict", message: r.message, server: r.server } });
        if (item.kind.startsWith("activity.")) changeRecord(item.entityId, { syncState: "problem" });
        else await markProblem(db, item);
      }
    }
    if (deletes.length > 0) await db.outbox.bulkDelete(deletes);
    if (updates.length > 0) await db.outbox.bulkUpdate(updates);
    if (recordChanges.size > 0) await db.records.bulkUpdate([...recordChanges].map(([key, changes]) => ({ key, changes })));
  });
}

async function markSynced(db: DeviceDb, item: OutboxItem, result: Record<string, unknown>) {
  if (item.kind.startsWith("activity.")) {
    const stillWaiting = await db.outbox.where("entityId").equals(item.entityId).count();
    const version = typeof result.version === "number" ? result.version : undefined;
    await db.records.update(item.entityId, { ...(version ? { version } : {}), ...(stillWaiting ? {} : { syncState: "synced" as const }) });
  } else if (item.kind === "pass.prescription") {
    await db.prescriptions.update(item.entityId, { syncState: "synced" });
  } else if (item.kind === "college.report") {
    // Shown as sent at once, without waiting for the next download of the session.
    const r = item.payload as CollegeReport;
    const session = await db.collegeSessions.get(r.sessionId);
    if (session && !session.report) {
      const present = new Map(r.classes.map((c) => [c.classId, c.pupilsPresent]));
      await db.collegeSessions.put({
        ...session,
        status: "done",
        classes: session.classes.map((c) => ({ ...c, pupilsPresent: present.get(c.id) ?? c.pupilsPresent })),
        report: {
          activityRecordId: typeof result.activityRecordId === "string" ? result.activityRecordId : r.id,
          reportedAt: new Date(),
          topicsCovered: r.topicsCovered,
          remarks: r.remarks ?? null,
          durationMinutes: r.durationMinutes,
        },
      });
    }
  }
}

async function markProblem(db: DeviceDb, item: OutboxItem) {
  if (item.kind.startsWith("activity.")) await db.records.update(item.entityId, { syncState: "problem" });
  else if (item.kind === "pass.prescription") await db.prescriptions.update(item.entityId, { syncState: "problem" });
}

/** "Try again now" on a refused item after fixing it, or on one waiting for its back-off. */
export async function retryNow(db: DeviceDb, seq: number, payload?: unknown): Promise<void> {
  await db.transaction("rw", [db.outbox, db.records], async () => {
    const item = await db.outbox.get(seq);
    if (!item) return;
    await db.outbox.update(seq, { status: "pending", nextAttemptAt: 0, ...(payload !== undefined ? { payload } : {}), message: undefined, fieldErrors: undefined });
    if (item.kind.startsWith("activity.")) await db.records.update(item.entityId, { syncState: "pending" });
  });
}

/**
 * Resolves a conflict. "mine": my edit is sent again, made from the server's version (it wins,
 * knowingly). "theirs": my edit is dropped and the device shows the server's version.
 */
export async function resolveConflict(db: DeviceDb, seq: number, choice: "mine" | "theirs"): Promise<void> {
  await db.transaction("rw", [db.outbox, db.records], async () => {
    const item = await db.outbox.get(seq);
    if (!item || item.status !== "conflict" || !item.server) return;
    if (choice === "mine") {
      const payload = { ...(item.payload as { record: unknown }), baseVersion: item.server.version };
      // A new operation id: the refused one must not be mistaken for a replay.
      await db.outbox.update(seq, { status: "pending", opId: crypto.randomUUID(), payload, attempts: 0, nextAttemptAt: 0, message: undefined, server: undefined });
      await db.records.update(item.entityId, { syncState: "pending", version: item.server.version });
    } else {
      await db.outbox.delete(seq);
      await db.records.put(fromServer(item.server));
    }
  });
}

/** Drops an item the person gave up on (e.g. a duplicate typed by mistake); its local copy goes too if it never reached the server. */
export async function discard(db: DeviceDb, seq: number): Promise<void> {
  await db.transaction("rw", [db.outbox, db.records, db.prescriptions, db.cheques], async () => {
    const item = await db.outbox.get(seq);
    if (!item) return;
    await db.outbox.delete(seq);
    if (item.kind.endsWith(".create")) await db.records.delete(item.entityId);
    else if (item.kind.startsWith("activity.")) await db.records.update(item.entityId, { syncState: "synced" });
    if (item.kind === "pass.prescription") {
      await db.prescriptions.delete(item.entityId);
      await db.cheques.filter((c) => c.prescriptionId === item.entityId).modify({ status: "in_stock", prescriptionId: null });
    }
  });
}

export function fromServer(r: ActivityRecordView): LocalRecord {
  return { ...r, syncState: "synced", localUpdatedAt: r.updatedAt?.getTime() ?? 0 };
}
