import { Prisma, type Database, type PrismaClient } from "@medianum/db";
import { syncPayloadSchema, syncOperationKinds, type SyncItemResult, type SyncOperation, type SyncOperationKind } from "@medianum/domain";
import { NEW_RECORD_COLUMNS_SQL, newRecordRow, RecordConflict, type NewRecord, type RecordKind } from "../activity/write.js";
import { databaseErrorCode, userFacingDatabaseError, UserFacingError } from "../shared/errors.js";
import { fieldErrorsOf } from "../trpc.js";
import { standaloneHandlers, syncHandlers } from "./handlers.js";

export interface SyncEnv {
  publicUrl: string;
}


const rejected = (id: string, message: string, fieldErrors: Record<string, string[]> = {}): SyncItemResult => ({ id, status: "rejected", message, fieldErrors });

/**
 * Applies one queued operation exactly once. Its receipt is written first in the item's own
 * transaction: a concurrent send of the same operation waits on that row, then finds it and
 * answers "duplicate"; a failure rolls back the receipt with the write, so a retry starts clean.
 */
export async function applyOperation(prisma: PrismaClient, counsellorId: string, op: SyncOperation, now: Date, env: SyncEnv): Promise<SyncItemResult> {
  const previous = await prisma.syncReceipt.findUnique({ where: { id: op.id } });
  if (previous) return receiptAnswer(op.id, counsellorId, previous);

  const schema = syncPayloadSchema(op.kind);
  const handler = syncHandlers[op.kind];
  const standalone = standaloneHandlers[op.kind];
  if (!schema || (!handler && !standalone)) {
    return rejected(op.id, `« ${syncOperationKinds.label(op.kind)} » ne peut pas encore être envoyé : gardez-le, il partira après une mise à jour.`);
  }
  const parsed = schema.safeParse(op.payload);
  if (!parsed.success) return rejected(op.id, "Certains champs sont à corriger.", fieldErrorsOf(parsed.error));

  try {
    if (standalone) {
      const r = await standalone(prisma, counsellorId, op.payload as never, now, env);
      const result = JSON.parse(JSON.stringify(r)) as Record<string, unknown>;
      await prisma.syncReceipt.create({ data: { id: op.id, counsellorId, kind: op.kind, result: result as Prisma.InputJsonValue, createdAt: now } });
      return { id: op.id, status: "applied", result };
    }
    const { created, ...result } = await prisma.$transaction(async (tx) => {
      await tx.syncReceipt.create({ data: { id: op.id, counsellorId, kind: op.kind, result: {}, createdAt: now } });
      const { created, ...r } = await handler!(tx, counsellorId, parsed.data as never, now);
      await tx.syncReceipt.update({ where: { id: op.id }, data: { result: r as Prisma.InputJsonValue } });
      return { created, ...r };
    });
    return { id: op.id, status: created === false ? "duplicate" : "applied", result };
  } catch (e) {
    if (databaseErrorCode(e) === "23505") {
      const receipt = await prisma.syncReceipt.findUnique({ where: { id: op.id } });
      if (receipt) return receiptAnswer(op.id, counsellorId, receipt);
    }
    // Another key hit by a concurrent write (e.g. the same id used elsewhere): this item only is refused.
    const code = databaseErrorCode(e);
    if (code === "23505" || code === "23503") {
      const answer = userFacingDatabaseError(e)!;
      return rejected(op.id, answer.message, typeof answer.details?.field === "string" ? { [answer.details.field]: [answer.message] } : {});
    }
    if (e instanceof RecordConflict) {
      return { id: op.id, status: "conflict", message: "Cet enregistrement a été modifié ailleurs pendant que vous étiez hors connexion.", server: e.server };
    }
    if (e instanceof UserFacingError) {
      const field = typeof e.details?.field === "string" ? e.details.field : null;
      return rejected(op.id, e.message, field ? { [field]: [e.message] } : {});
    }
    throw e;
  }
}

function receiptAnswer(id: string, counsellorId: string, receipt: Receipt): SyncItemResult {
  // Another account's operation id: say nothing of its content.
  if (receipt.counsellorId !== counsellorId) return rejected(id, "Cet identifiant d'opération est déjà utilisé.");
  return { id, status: "duplicate", result: (receipt.result ?? {}) as Record<string, unknown> };
}

/**
 * Applies a batch in the order it was queued. One statement does the common case for the whole
 * batch: it reads the batch's receipts, and inserts the new records (the bulk of what a phone
 * sends) whose references check out, with their receipts. Whatever it leaves — other kinds, a
 * record tied to a session, a reference that does not check out, a record id already taken, a
 * failed statement — is applied one item at a time by `applyOperation`, each in its own
 * transaction: one refused item does not hold back the others, and what was applied stays
 * applied if the connection drops. Every item gets the answer it would get alone.
 */
export async function applyBatch(db: Database, counsellorId: string, operations: SyncOperation[], now: Date, env: SyncEnv): Promise<SyncItemResult[]> {
  const key = (op: SyncOperation) => op.id.toLowerCase();
  const unique: SyncOperation[] = [];
  for (const op of operations) if (!unique.some((u) => key(u) === key(op))) unique.push(op);

  // New records go together unless an earlier item applied one by one names them (an edit must
  // not find its record missing, nor a creation overtake what came before it).
  const bulk: Bulkable[] = [];
  const touchedEarlier = new Set<string>();
  for (const op of unique) {
    const kind = bulkKinds[op.kind];
    const parsed = kind ? syncPayloadSchema(op.kind)?.safeParse(op.payload) : undefined;
    const input = parsed?.success ? (parsed.data as NewRecord["input"]) : undefined;
    const id = input?.id.toLowerCase();
    if (kind && input && id && !touchedEarlier.has(id) && !(kind === "Collectif" && hasSession(input))) {
      touchedEarlier.add(id);
      bulk.push({ op, record: { kind, input } as NewRecord });
    } else {
      for (const e of entityIds(op.payload)) touchedEarlier.add(e);
    }
  }

  const { prisma } = db;
  const answers = new Map<string, SyncItemResult>();
  const { receipts, applied } = await applyCommonCase(db, counsellorId, unique, bulk, now);
  for (const i of bulk) if (applied.has(key(i.op))) answers.set(key(i.op), { id: i.op.id, status: "applied", result: resultOf(i) });
  for (const op of unique) {
    if (answers.has(key(op))) continue;
    const receipt = receipts.get(key(op));
    answers.set(key(op), receipt ? receiptAnswer(op.id, counsellorId, receipt) : await applyOperation(prisma, counsellorId, op, now, env));
  }

  // The same id twice in one batch: the second is the replay of the first.
  const seen = new Set<string>();
  return operations.map((op) => {
    const answer = { ...answers.get(key(op))!, id: op.id } as SyncItemResult;
    if (seen.has(key(op)) && answer.status === "applied") return { ...answer, status: "duplicate" };
    seen.add(key(op));
    return answer;
  });
}

type Receipt = { counsellorId: string; result: unknown };
type Bulkable = { op: SyncOperation; record: NewRecord };

/** Kinds applied together in one statement per batch: the bulk of what a phone sends. */
const bulkKinds: Partial<Record<SyncOperationKind, RecordKind>> = {
  "activity.individual.create": "Individuel",
  "activity.collective.create": "Collectif",
};

const resultOf = (i: Bulkable) => ({ id: i.record.input.id, version: 1 });

function hasSession(r: NewRecord["input"]): boolean {
  return "workshopTitle" in r && !!(r.workshopSessionId || r.collegeSessionId);
}

/** Ids an item names (its own, its record's), lower-case. */
function entityIds(payload: unknown): string[] {
  const p = payload as { id?: unknown; record?: { id?: unknown } } | null;
  return [p?.id, p?.record?.id].filter((v): v is string => typeof v === "string").map((v) => v.toLowerCase());
}

/**
 * One statement, so one implicit transaction: the receipts already there for any item of the
 * batch, and the new records inserted with their receipts. A record goes in only if its operation
 * has no receipt yet and its place, commune and beneficiary (mine) exist; a record id already
 * taken (sent earlier under another operation id, or at this very moment: the insert waits for
 * the other transaction, then skips) is left for `createRecord` to answer. The receipts are
 * inserted only for the records inserted, without ON CONFLICT: an operation id taken meanwhile by
 * something else fails the statement, and every item is then applied one by one. Rows are written
 * in key order so that two sends of overlapping batches lock them in the same order.
 */
async function applyCommonCase(db: Database, counsellorId: string, operations: SyncOperation[], bulk: Bulkable[], now: Date) {
  const receipts = new Map<string, Receipt>();
  const applied = new Set<string>();
  const at = new Date();
  const rows = bulk.map((i) => ({ op: i.op.id, kind: i.op.kind, result: resultOf(i), record: newRecordRow(counsellorId, i.record, at) }));
  const opIds = JSON.stringify(operations.map((op) => op.id));
  let found: Array<{ k: string; id: string; owner: string | null; result: unknown }>;
  try {
    found = await runStatement(db, Prisma.sql`
      WITH input AS (
        SELECT (e.doc->>'op')::uuid AS op, e.doc->>'kind' AS kind, e.doc->'result' AS result, r.*
        FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) AS e(doc), LATERAL jsonb_populate_record(NULL::"ActivityRecord", e.doc->'record') AS r
      ),
      known AS (
        SELECT s.id, s."counsellorId", s.result FROM "SyncReceipt" s WHERE s.id IN (SELECT jsonb_array_elements_text(${opIds}::jsonb)::uuid)
      ),
      ok AS (
        SELECT i.* FROM input i
        WHERE i.op NOT IN (SELECT id FROM known)
          AND (i."placeId" IS NULL OR EXISTS (SELECT 1 FROM "Place" p WHERE p.id = i."placeId"))
          AND (i."communeInsee" IS NULL OR EXISTS (SELECT 1 FROM "Commune" c WHERE c."inseeCode" = i."communeInsee"))
          AND (i."beneficiaryId" IS NULL OR EXISTS (SELECT 1 FROM "Beneficiary" b WHERE b.id = i."beneficiaryId" AND b."counsellorId" = ${counsellorId}::uuid))
      ),
      rec AS (
        INSERT INTO "ActivityRecord" (${NEW_RECORD_COLUMNS_SQL})
        SELECT ${NEW_RECORD_COLUMNS_SQL} FROM ok ORDER BY id
        ON CONFLICT (id) DO NOTHING
        RETURNING id
      ),
      rcp AS (
        INSERT INTO "SyncReceipt" (id, "counsellorId", kind, result, "createdAt")
        SELECT ok.op, ${counsellorId}::uuid, ok.kind, ok.result, ${now} FROM ok JOIN rec ON rec.id = ok.id ORDER BY ok.op
        RETURNING id
      )
      SELECT 'receipt' AS k, id::text AS id, "counsellorId"::text AS owner, result FROM known
      UNION ALL SELECT 'applied', id::text, NULL, NULL FROM rcp`);
  } catch (e) {
    if (!isRetryableBulkFailure(e)) throw e;
    // Nothing was written; the receipts are read again by each item.
    return { receipts, applied };
  }
  for (const r of found) {
    if (r.k === "receipt") receipts.set(r.id, { counsellorId: r.owner!, result: r.result });
    else applied.add(r.id);
  }
  return { receipts, applied };
}

/**
 * One statement on its own (its own implicit transaction). On PostgreSQL it goes straight to the
 * `pg` pool: Prisma 6.19 takes several milliseconds to pass a batch's JSON parameter along. On
 * PGlite (one connection shared with Prisma) it goes through Prisma, so that it queues behind
 * Prisma's open transactions instead of running inside one of them.
 */
async function runStatement<T>(db: Database, statement: Prisma.Sql): Promise<T[]> {
  if (db.kind === "postgres") return db.sql.query<T>(statement.text, statement.values);
  return db.prisma.$queryRaw<T[]>(statement);
}

/** Database refusals (bad data, broken constraint, lost race) that one-by-one application answers item by item; anything else is a real fault. */
function isRetryableBulkFailure(e: unknown): boolean {
  const code = databaseErrorCode(e);
  return code !== undefined && (code.startsWith("22") || code.startsWith("23") || code.startsWith("40"));
}
