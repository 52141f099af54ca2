import type { Prisma } from "@medianum/db";
import type { collectiveRecordInput, individualRecordInput, passPrescriptionInput, SyncOperationKind } from "@medianum/domain";
import type { z } from "zod";
import { createRecord, updateRecord } from "../activity/write.js";
import { prescribeCheques } from "../pass-numerique/prescribe.js";

type Tx = Prisma.TransactionClient;
type Individual = z.output<typeof individualRecordInput>;
type Collective = z.output<typeof collectiveRecordInput>;

/** Applies one validated payload inside the item's transaction; returns what the device needs to know. */
export type SyncHandler = (tx: Tx, counsellorId: string, payload: never, now: Date) => Promise<Record<string, unknown>>;

export const syncHandlers: Partial<Record<SyncOperationKind, SyncHandler>> = {
  "activity.individual.create": ((tx, c, p: Individual) => createRecord(tx, c, "Individuel", p)) as SyncHandler,
  "activity.collective.create": ((tx, c, p: Collective) => createRecord(tx, c, "Collectif", p)) as SyncHandler,
  "activity.individual.update": ((tx, c, p: { record: Individual; baseVersion: number }) => updateRecord(tx, c, "Individuel", p.record, p.baseVersion)) as SyncHandler,
  "activity.collective.update": ((tx, c, p: { record: Collective; baseVersion: number }) => updateRecord(tx, c, "Collectif", p.record, p.baseVersion)) as SyncHandler,
  "pass.prescription": ((tx, c, p: z.output<typeof passPrescriptionInput>) => prescribeCheques(tx, c, p)) as SyncHandler,
};
