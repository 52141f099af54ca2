import { z } from "zod";
import { collectiveRecordInput, individualRecordInput } from "../activity/record.js";
import { passPrescriptionInput } from "../pass-numerique/prescription.js";
import { attendanceInput } from "../booking/attendance.js";
import { collegeReportInput } from "../college/report.js";
import { instantSchema, uuidSchema } from "../shared/schemas.js";
import { valueList, type ValueOf } from "../shared/value-list.js";
import { activityRecordView } from "./records.js";

/**
 * Kinds of operations a counsellor can make offline; each is queued on the device with its own
 * client-generated id, sent in order, and applied exactly once by the server (SyncReceipt).
 */
export const syncOperationKinds = valueList([
  { value: "activity.individual.create", label: "Accompagnement individuel" },
  { value: "activity.individual.update", label: "Modification d'un accompagnement" },
  { value: "activity.collective.create", label: "Atelier collectif" },
  { value: "activity.collective.update", label: "Modification d'un atelier collectif" },
  { value: "pass.prescription", label: "Prescription de Pass numérique" },
  { value: "attendance.checkin", label: "Pointage des présences" },
  { value: "college.report", label: "Compte rendu de séance en collège" },
]);
export type SyncOperationKind = ValueOf<typeof syncOperationKinds>;

const baseVersion = z.number().int().min(1);

/** An edit names the version it was made from: the server refuses it if the record moved since. */
export const individualRecordUpdate = z.object({ record: individualRecordInput, baseVersion });
export const collectiveRecordUpdate = z.object({ record: collectiveRecordInput, baseVersion });

/** Payload schema of each kind; a kind without one is refused as "not available yet" by the server. */
const payloadSchemas = new Map<SyncOperationKind, z.ZodType>([
  ["activity.individual.create", individualRecordInput],
  ["activity.individual.update", individualRecordUpdate],
  ["activity.collective.create", collectiveRecordInput],
  ["activity.collective.update", collectiveRecordUpdate],
  ["pass.prescription", passPrescriptionInput],
  ["attendance.checkin", attendanceInput],
  ["college.report", collegeReportInput],
]);

export function syncPayloadSchema(kind: SyncOperationKind): z.ZodType | undefined {
  return payloadSchemas.get(kind);
}

/** Largest batch the device sends at once; small enough for a weak 3G link and a short transaction each. */
export const SYNC_BATCH_MAX = 100;

/**
 * Days a sync receipt (the server's memory of an applied operation id) is kept. A device resends
 * an unanswered item at its next contact, so a receipt is needed for days, not months; past that,
 * the entities' own client ids still stop a late replay from creating anything twice.
 */
export const SYNC_RECEIPT_RETENTION_DAYS = 180;

/** One queued operation as sent: its payload is checked per kind, item by item, by the server. */
export const syncOperation = z.object({
  id: uuidSchema,
  kind: syncOperationKinds.schema,
  payload: z.unknown(),
  /** When it was typed on the device, for the audit trail only. */
  queuedAt: instantSchema("Saisi le").optional(),
});
export type SyncOperation = z.infer<typeof syncOperation>;

export const syncPushInput = z.object({ operations: z.array(syncOperation).min(1).max(SYNC_BATCH_MAX) });

export const syncItemResult = z.discriminatedUnion("status", [
  /** Done now; `result` is what the device needs (e.g. the record's new version). */
  z.object({ id: z.uuid(), status: z.literal("applied"), result: z.record(z.string(), z.unknown()) }),
  /** Already done by an earlier send: same result as then, nothing created. */
  z.object({ id: z.uuid(), status: z.literal("duplicate"), result: z.record(z.string(), z.unknown()) }),
  /** Refused as it is: the person can fix it (messages per field) and send it again. */
  z.object({
    id: z.uuid(),
    status: z.literal("rejected"),
    message: z.string(),
    fieldErrors: z.record(z.string(), z.array(z.string())),
  }),
  /** The record changed on the server since this edit was made: both versions, for the person to choose. */
  z.object({ id: z.uuid(), status: z.literal("conflict"), message: z.string(), server: activityRecordView }),
]);
export type SyncItemResult = z.infer<typeof syncItemResult>;

export const syncPushResult = z.object({ results: z.array(syncItemResult) });
