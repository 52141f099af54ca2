import type { AttendanceSheetView, SyncItemResult, SyncOperation } from "@medianum/domain";
import { DeviceDb, getMeta, setMeta } from "./db.js";
import { flush, recoverInterrupted, SignedOutError, type FlushReport } from "./outbox.js";
import { storeSnapshot } from "./snapshot.js";
import type { SyncSnapshot as SyncSnapshotLike } from "@medianum/domain";

export interface EngineState {
  online: boolean;
  syncing: boolean;
  /** The session expired: the device keeps working, sending waits for a new login. */
  signedOut: boolean;
  lastSyncAt: number | null;
  /** Last network problem, in French, for the status line. */
  lastError: string | null;
}

export interface EngineApi {
  push(operations: SyncOperation[]): Promise<SyncItemResult[]>;
  snapshot(): Promise<SyncSnapshotLike>;
  attendanceSheet(sessionId: string): Promise<AttendanceSheetView>;
  /** Fresh keys for feedback QR codes (only their hashes stay on the server). */
  issueFeedbackKeys?(count: number): Promise<Array<{ key: string; expiresAt: Date }>>;
}

/** Sheets of workshop sessions from 12 hours ago to 8 days ahead are kept for offline check-in. */
const SHEET_WINDOW = { pastMs: 12 * 3_600_000, aheadMs: 8 * 86_400_000 };

const REFRESH_EVERY_MS = 5 * 60_000;
/** Feedback keys kept on the device, topped up when fewer than FEEDBACK_KEYS_LOW are left. */
const FEEDBACK_KEYS_POOL = 10;
const FEEDBACK_KEYS_LOW = 5;
const TICK_MS = 15_000;

function httpStatus(e: unknown): number | undefined {
  return (e as { data?: { httpStatus?: number } } | null)?.data?.httpStatus;
}

/**
 * Keeps the device and the server in step: sends the outbox when the network is there (at start,
 * when it comes back, every few seconds while something waits), then refreshes the local copy.
 * Tabs of the same browser take turns through a Web Lock, so two tabs never send the same item at once.
 */
export class SyncEngine {
  state: EngineState = { online: typeof navigator === "undefined" ? true : navigator.onLine, syncing: false, signedOut: false, lastSyncAt: null, lastError: null };
  private listeners = new Set<() => void>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    readonly db: DeviceDb,
    private readonly api: EngineApi,
  ) {}

  subscribe = (fn: () => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
  getState = () => this.state;
  private set(patch: Partial<EngineState>) {
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn();
  }

  async start() {
    await recoverInterrupted(this.db);
    this.set({ lastSyncAt: (await getMeta<number>(this.db, "snapshotAt")) ?? null });
    window.addEventListener("online", this.onOnline);
    window.addEventListener("offline", this.onOffline);
    document.addEventListener("visibilitychange", this.onVisible);
    this.timer = setInterval(() => void this.run(), TICK_MS);
    void this.run({ refresh: true });
  }

  stop() {
    window.removeEventListener("online", this.onOnline);
    window.removeEventListener("offline", this.onOffline);
    document.removeEventListener("visibilitychange", this.onVisible);
    clearInterval(this.timer);
  }

  private onOnline = () => {
    this.set({ online: true });
    void this.run({ refresh: true, now: true });
  };
  private onOffline = () => this.set({ online: false });
  private onVisible = () => {
    if (document.visibilityState === "visible") void this.run();
  };

  /** After a new login: sending can resume. */
  signedIn() {
    this.set({ signedOut: false });
    void this.run({ refresh: true, now: true });
  }
  markSignedOut() {
    this.set({ signedOut: true });
  }

  /** Sends what is due and, if asked or stale, refreshes the local copy. Concurrent calls are merged. */
  run(opts: { refresh?: boolean; now?: boolean } = {}): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.withLock(() => this.cycle(opts)).finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.run();
      }
    });
    return this.running;
  }

  private async withLock(fn: () => Promise<void>) {
    const locks = (navigator as Navigator & { locks?: LockManager }).locks;
    if (!locks) return fn();
    await locks.request("medianum-sync", fn);
  }

  private async cycle(opts: { refresh?: boolean; now?: boolean }) {
    if (this.state.signedOut || !navigator.onLine) {
      if (!navigator.onLine) this.set({ online: false });
      return;
    }
    if (opts.now) await this.db.outbox.where("status").equals("pending").modify({ nextAttemptAt: 0 });
    this.set({ syncing: true });
    try {
      const report = await flush(this.db, (ops) => this.send(ops));
      this.afterFlush(report);
      const stale = Date.now() - (this.state.lastSyncAt ?? 0) > REFRESH_EVERY_MS;
      if (!report.networkError && !report.signedOut && (opts.refresh || stale || report.applied > 0)) {
        const snap = await this.api.snapshot();
        await storeSnapshot(this.db, snap);
        await this.refreshSheets(snap);
        await this.topUpFeedbackKeys();
        this.set({ lastSyncAt: snap.generatedAt.getTime(), lastError: null, online: true });
      }
    } catch (e) {
      const status = httpStatus(e);
      if (status === 401 || status === 403) this.set({ signedOut: true });
      else this.set({ lastError: "Le serveur n'a pas pu être joint : nouvel essai automatique dans un moment." });
    } finally {
      this.set({ syncing: false });
    }
  }

  private async refreshSheets(snap: SyncSnapshotLike) {
    const now = Date.now();
    const ids = snap.agenda
      .filter((a) => a.kind === "workshop" && a.startsAt.getTime() > now - SHEET_WINDOW.pastMs && a.startsAt.getTime() < now + SHEET_WINDOW.aheadMs)
      .map((a) => a.id);
    // Marks typed here and not yet sent stay as typed.
    const waiting = new Set((await this.db.outbox.filter((o) => o.kind === "attendance.checkin").toArray()).map((o) => (o.payload as { sessionId: string }).sessionId));
    for (const id of ids) {
      if (waiting.has(id)) continue;
      const sheet = await this.api.attendanceSheet(id);
      await this.db.sheets.put({ ...sheet, sessionId: id });
    }
  }

  /** Keeps a few unused feedback keys on the device, so a QR code can be shown without network. */
  private async topUpFeedbackKeys() {
    if (!this.api.issueFeedbackKeys) return;
    const now = Date.now();
    const unused = await this.db.feedbackKeys.filter((k) => k.recordId === null && k.expiresAt > now).count();
    if (unused >= FEEDBACK_KEYS_LOW) return;
    const keys = await this.api.issueFeedbackKeys(FEEDBACK_KEYS_POOL - unused);
    await this.db.feedbackKeys.bulkPut(keys.map((k) => ({ key: k.key, expiresAt: k.expiresAt.getTime(), recordId: null })));
  }

  private async send(ops: SyncOperation[]) {
    try {
      return await this.api.push(ops);
    } catch (e) {
      const status = httpStatus(e);
      if (status === 401 || status === 403) throw new SignedOutError();
      throw e;
    }
  }

  private afterFlush(report: FlushReport) {
    if (report.signedOut) this.set({ signedOut: true });
    else if (report.networkError) this.set({ lastError: "Le serveur n'a pas pu être joint : nouvel essai automatique dans un moment." });
    else this.set({ lastError: null, online: true });
  }
}

export async function rememberUser(db: DeviceDb, user: { id: string }) {
  await setMeta(db, "user", user);
}
