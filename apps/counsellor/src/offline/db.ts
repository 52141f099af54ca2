import { Dexie, type EntityTable } from "dexie";
import type {
  ActivityRecordView,
  AttendanceSheetView,
  AgendaItem,
  CounsellorCollegeSessionView,
  DirectoryEntry,
  PassChequeView,
  PassPrescriptionView,
  SessionUser,
  SyncOperationKind,
} from "@medianum/domain";

/** A record as shown on the device: the server's copy, or one typed here and not yet confirmed. */
export interface LocalRecord extends ActivityRecordView {
  /** "synced": as on the server; "pending": waiting in the outbox; "problem": refused or in conflict. */
  syncState: "synced" | "pending" | "problem";
  /** When it was typed here (sort order of unsynced records). */
  localUpdatedAt: number;
}

export type OutboxStatus = "pending" | "sending" | "rejected" | "conflict";

/** One operation typed on the device, waiting to be applied by the server exactly once. */
export interface OutboxItem {
  /** Order of typing: the outbox is sent in this order. */
  seq?: number;
  /** Client-generated operation id, the server's idempotency key. */
  opId: string;
  kind: SyncOperationKind;
  payload: unknown;
  /** What it is about (a record id, a prescription id…), to coalesce edits and block what follows a problem. */
  entityId: string;
  /** One line for the person: "Accompagnement du 24 novembre". */
  summary: string;
  status: OutboxStatus;
  attempts: number;
  /** Epoch ms before which it is not retried (back-off). */
  nextAttemptAt: number;
  queuedAt: number;
  /** Why the server refused it, per field, in French. */
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** The server's version of the record, in a conflict. */
  server?: ActivityRecordView;
}

export interface Meta {
  key: string;
  value: unknown;
}

/** A feedback key issued to this device (only its hash is on the server), turned into a QR code offline. */
export interface FeedbackKeyRow {
  key: string;
  /** Epoch ms after which the server refuses it. */
  expiresAt: number;
  /** The collective workshop record it was shown for; null while unused. */
  recordId: string | null;
}

export interface PlaceRow {
  id: string;
  name: string;
  type: string;
  communeName: string;
}

/** The counsellor's device store. One database per browser profile; emptied on log-out or on another account's login. */
export class DeviceDb extends Dexie {
  meta!: EntityTable<Meta, "key">;
  outbox!: EntityTable<OutboxItem, "seq">;
  records!: EntityTable<LocalRecord, "id">;
  agenda!: EntityTable<AgendaItem & { key: string }, "key">;
  places!: EntityTable<PlaceRow, "id">;
  directory!: EntityTable<DirectoryEntry, "id">;
  cheques!: EntityTable<PassChequeView, "number">;
  prescriptions!: EntityTable<PassPrescriptionView & { syncState: LocalRecord["syncState"] }, "id">;
  /** Attendance sheets of my coming workshop sessions, to check people in offline. */
  sheets!: EntityTable<AttendanceSheetView & { sessionId: string }, "sessionId">;
  /** My collège sessions, to read them on the day and file their report offline. */
  collegeSessions!: EntityTable<CounsellorCollegeSessionView, "id">;
  /** Keys for the feedback QR codes of my next collective workshops. */
  feedbackKeys!: EntityTable<FeedbackKeyRow, "key">;

  constructor(name = "medianum-conseiller", options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      meta: "key",
      outbox: "++seq, &opId, status, entityId",
      records: "id, date, syncState",
      agenda: "key, startsAt",
      places: "id",
      directory: "id",
      cheques: "number, status",
      prescriptions: "id, prescribedOn",
    });
    this.version(2).stores({ sheets: "sessionId" });
    this.version(3).stores({ collegeSessions: "id, startsAt" });
    this.version(4).stores({ feedbackKeys: "key, recordId" });
  }
}

export interface CachedUser extends SessionUser {
  counsellorId: string;
}

export async function getMeta<T>(db: DeviceDb, key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}
export async function setMeta(db: DeviceDb, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}

/** Forgets everything of the previous account (a lent phone, a shared computer). */
export async function wipeDevice(db: DeviceDb): Promise<void> {
  await db.transaction("rw", db.tables, async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
  });
}
