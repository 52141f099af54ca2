import type { Prisma, PrismaClient } from "@medianum/db";
import type { collectiveRecordInput, individualRecordInput, passPrescriptionInput, SyncOperationKind } from "@medianum/domain";
import type { z } from "zod";
import { createRecord, updateRecord } from "../activity/write.js";
import { prescribeCheques } from "../pass-numerique/prescribe.js";
import { recordAttendance } from "../booking/attendance.js";
import { fileCollegeReport } from "../college/report.js";

type Tx = Prisma.TransactionClient;
type Individual = z.output<typeof individualRecordInput>;
type Collective = z.output<typeof collectiveRecordInput>;

/**
 * Applies one validated payload inside the item's transaction; returns what the device needs to
 * know. `created: false` in the result says the entity was already there (sent earlier, or at the
 * same moment, under another operation id): the item is answered as a duplicate.
 */
export type SyncHandler = (tx: Tx, counsellorId: string, payload: never, now: Date) => Promise<Record<string, unknown>>;

export const syncHandlers: Partial<Record<SyncOperationKind, SyncHandler>> = {
  "activity.individual.create": ((tx, c, p: Individual) => createRecord(tx, c, "Individuel", p)) as SyncHandler,
  "activity.collective.create": ((tx, c, p: Collective) => createRecord(tx, c, "Collectif", p)) as SyncHandler,
  "activity.individual.update": ((tx, c, p: { record: Individual; baseVersion: number }) => updateRecord(tx, c, "Individuel", p.record, p.baseVersion)) as SyncHandler,
  "activity.collective.update": ((tx, c, p: { record: Collective; baseVersion: number }) => updateRecord(tx, c, "Collectif", p.record, p.baseVersion)) as SyncHandler,
  "pass.prescription": ((tx, c, p: z.output<typeof passPrescriptionInput>) => prescribeCheques(tx, c, p)) as SyncHandler,
};

/**
 * Kinds whose service runs its own transaction (attendance check-in, collège report). Those
 * services are idempotent themselves (walk-ins keyed by their client id, the report by its id),
 * so the receipt is written just after: a concurrent replay may run the service twice, harmlessly,
 * and only one receipt is kept.
 */
export type StandaloneHandler = (prisma: PrismaClient, counsellorId: string, payload: never, now: Date, env: { publicUrl: string }) => Promise<Record<string, unknown>>;

export const standaloneHandlers: Partial<Record<SyncOperationKind, StandaloneHandler>> = {
  "attendance.checkin": (async (prisma, c, p: unknown, now) => {
    const r = await recordAttendance(prisma, c, p, now);
    return { ...r };
  }) as StandaloneHandler,
  "college.report": (async (prisma, c, p: Parameters<typeof fileCollegeReport>[2], now, env) => {
    const r = await fileCollegeReport(prisma, c, p, now, env.publicUrl);
    return { ...r };
  }) as StandaloneHandler,
};
