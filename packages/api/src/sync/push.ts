import { Prisma, type PrismaClient } from "@medianum/db";
import { syncPayloadSchema, syncOperationKinds, type SyncItemResult, type SyncOperation, type SyncOperationKind } from "@medianum/domain";
import { insertNewRecords, RecordConflict, type NewRecord, type RecordKind } from "../activity/write.js";
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

type Receipt = { counsellorId: string; result: unknown };
type Parsed = { op: SyncOperation; data: unknown };
type Bulkable = Parsed & { record: NewRecord };

/** Kinds applied together in one statement per batch: the bulk of what a phone sends. */
const bulkKinds: Partial<Record<SyncOperationKind, RecordKind>> = {
  "activity.individual.create": "Individuel",
  "activity.collective.create": "Collectif",
};

/**
 * Applies a batch in the order it was queued. The receipts of the whole batch are read in one
 * query; new records (the common case) are then written together, receipts and records in one
 * transaction of two statements. Anything that cannot go that way — other kinds, a record tied to
 * a session, a reference that does not check out, a record id already taken, a failed bulk
 * transaction — is applied one item at a time by `applyOperation`, each in its own transaction:
 * one refused item does not hold back the others, and what was applied stays applied if the
 * connection drops. Every item gets the answer it would get alone.
 */
export async function applyBatch(prisma: PrismaClient, counsellorId: string, operations: SyncOperation[], now: Date, env: SyncEnv): Promise<SyncItemResult[]> {
  const key = (op: SyncOperation) => op.id.toLowerCase();
  const unique: SyncOperation[] = [];
  for (const op of operations) if (!unique.some((u) => key(u) === key(op))) unique.push(op);
  const parsed = unique.map((op): Parsed | null => {
    const schema = syncPayloadSchema(op.kind);
    if (!schema || !bulkKinds[op.kind]) return null;
    const r = schema.safeParse(op.payload);
    return r.success ? { op, data: r.data } : null;
  });
  const known = await lookUp(prisma, counsellorId, unique.map((op) => op.id), collectReferences(parsed));

  const answers = new Map<string, SyncItemResult>();
  const bulk: Bulkable[] = [];
  const oneByOne = new Set<SyncOperation>();
  // An entity touched by an earlier item applied one by one must not be created ahead of it.
  const touchedEarlier = new Set<string>();
  const inBulk = new Set<string>();
  unique.forEach((op, i) => {
    const receipt = known.receipts.get(key(op));
    if (receipt) return void answers.set(key(op), receiptAnswer(op.id, counsellorId, receipt));
    const p = parsed[i];
    const kind = bulkKinds[op.kind];
    const input = p?.data as NewRecord["input"] | undefined;
    const id = input?.id.toLowerCase();
    if (p && kind && input && id && !touchedEarlier.has(id) && !inBulk.has(id) && referencesCheckOut(input, known) && !(kind === "Collectif" && hasSession(input))) {
      inBulk.add(id);
      bulk.push({ ...p, record: { kind, input } as NewRecord });
      return;
    }
    for (const e of entityIds(op.payload)) touchedEarlier.add(e);
    oneByOne.add(op);
  });

  for (const op of await applyNewRecords(prisma, counsellorId, bulk, now, answers)) oneByOne.add(op);
  for (const op of unique) if (oneByOne.has(op)) answers.set(key(op), await applyOperation(prisma, counsellorId, op, now, env));

  // The same id twice in one batch: the second is the replay of the first.
  const seen = new Set<string>();
  return operations.map((op) => {
    const answer = { ...answers.get(key(op))!, id: op.id } as SyncItemResult;
    if (seen.has(key(op)) && answer.status === "applied") return { ...answer, status: "duplicate" };
    seen.add(key(op));
    return answer;
  });
}

interface Known {
  receipts: Map<string, Receipt>;
  places: Set<string>;
  communes: Set<string>;
  /** This counsellor's beneficiaries among those named. */
  beneficiaries: Set<string>;
}

function collectReferences(parsed: Array<Parsed | null>) {
  const places = new Set<string>();
  const communes = new Set<string>();
  const beneficiaries = new Set<string>();
  for (const p of parsed) {
    const r = p?.data as { placeId?: string | null; communeInsee?: string | null; beneficiaryId?: string | null } | undefined;
    if (r?.placeId) places.add(r.placeId.toLowerCase());
    if (r?.communeInsee) communes.add(r.communeInsee);
    if (r?.beneficiaryId) beneficiaries.add(r.beneficiaryId.toLowerCase());
  }
  return { places: [...places], communes: [...communes], beneficiaries: [...beneficiaries] };
}

/** The batch's receipts and the references its new records name, in one round trip. */
async function lookUp(prisma: PrismaClient, counsellorId: string, opIds: string[], refs: ReturnType<typeof collectReferences>): Promise<Known> {
  const json = (v: string[]) => JSON.stringify(v);
  const rows = await prisma.$queryRaw<Array<{ k: string; id: string; owner: string | null; result: unknown }>>(Prisma.sql`
    SELECT 'receipt' AS k, id::text AS id, "counsellorId"::text AS owner, result FROM "SyncReceipt"
      WHERE id IN (SELECT jsonb_array_elements_text(${json(opIds)}::jsonb)::uuid)
    UNION ALL SELECT 'place', id::text, NULL, NULL FROM "Place"
      WHERE id IN (SELECT jsonb_array_elements_text(${json(refs.places)}::jsonb)::uuid)
    UNION ALL SELECT 'commune', "inseeCode", NULL, NULL FROM "Commune"
      WHERE "inseeCode" IN (SELECT jsonb_array_elements_text(${json(refs.communes)}::jsonb))
    UNION ALL SELECT 'beneficiary', id::text, NULL, NULL FROM "Beneficiary"
      WHERE "counsellorId" = ${counsellorId}::uuid AND id IN (SELECT jsonb_array_elements_text(${json(refs.beneficiaries)}::jsonb)::uuid)`);
  const known: Known = { receipts: new Map(), places: new Set(), communes: new Set(), beneficiaries: new Set() };
  for (const r of rows) {
    if (r.k === "receipt") known.receipts.set(r.id, { counsellorId: r.owner!, result: r.result });
    else if (r.k === "place") known.places.add(r.id);
    else if (r.k === "commune") known.communes.add(r.id);
    else known.beneficiaries.add(r.id);
  }
  return known;
}

function referencesCheckOut(r: NewRecord["input"], known: Known): boolean {
  const b = "beneficiaryId" in r ? r.beneficiaryId : null;
  return (!r.placeId || known.places.has(r.placeId.toLowerCase())) && (!r.communeInsee || known.communes.has(r.communeInsee)) && (!b || known.beneficiaries.has(b.toLowerCase()));
}

function hasSession(r: NewRecord["input"]): boolean {
  return "workshopTitle" in r && !!(r.workshopSessionId || r.collegeSessionId);
}

/** Ids an item names (its own, its record's), lower-case: what a later creation must not overtake. */
function entityIds(payload: unknown): string[] {
  const p = payload as { id?: unknown; record?: { id?: unknown } } | null;
  return [p?.id, p?.record?.id].filter((v): v is string => typeof v === "string").map((v) => v.toLowerCase());
}

/**
 * Receipts then records, in one transaction: the receipts' insert decides which operations this
 * send applies (a concurrent send of the same batch waits on those rows, then skips them), and
 * only those operations' records are inserted. Returns the operations to apply one by one: their
 * record id was already taken (answered by `createRecord` as a duplicate or a refusal), or the
 * transaction failed (a reference removed meanwhile, a deadlock with an overlapping batch).
 */
async function applyNewRecords(prisma: PrismaClient, counsellorId: string, items: Bulkable[], now: Date, answers: Map<string, SyncItemResult>): Promise<SyncOperation[]> {
  if (items.length === 0) return [];
  const opKey = (i: Bulkable) => i.op.id.toLowerCase();
  const resultOf = (i: Bulkable) => ({ id: i.record.input.id, version: 1 });
  let outcome: { applied: Set<string>; taken: Set<string> };
  try {
    outcome = await prisma.$transaction(async (tx) => {
      const receipts = items.map((i) => ({ id: i.op.id, kind: i.op.kind, result: resultOf(i) }));
      const inserted = await tx.$queryRaw<Array<{ id: string }>>(Prisma.sql`
        INSERT INTO "SyncReceipt" (id, "counsellorId", kind, result, "createdAt")
        SELECT x.id, ${counsellorId}::uuid, x.kind, x.result, ${now} FROM jsonb_to_recordset(${JSON.stringify(receipts)}::jsonb) AS x(id uuid, kind text, result jsonb) ORDER BY x.id
        ON CONFLICT (id) DO NOTHING
        RETURNING id::text AS id`);
      const receipted = new Set(inserted.map((r) => r.id));
      const mine = items.filter((i) => receipted.has(opKey(i)));
      const created = await insertNewRecords(tx, counsellorId, mine.map((i) => i.record), new Date());
      const taken = new Set(mine.filter((i) => !created.has(i.record.input.id.toLowerCase())).map(opKey));
      // Their receipts go with them: `applyOperation` writes the right answer for each.
      if (taken.size > 0) await tx.$executeRaw(Prisma.sql`DELETE FROM "SyncReceipt" WHERE id IN (SELECT jsonb_array_elements_text(${JSON.stringify([...taken])}::jsonb)::uuid)`);
      return { applied: new Set([...receipted].filter((id) => !taken.has(id))), taken };
    });
  } catch (e) {
    if (!isRetryableBulkFailure(e)) throw e;
    return items.map((i) => i.op);
  }
  const retry: SyncOperation[] = [];
  const skipped: Bulkable[] = [];
  for (const i of items) {
    if (outcome.applied.has(opKey(i))) answers.set(opKey(i), { id: i.op.id, status: "applied", result: resultOf(i) });
    else if (outcome.taken.has(opKey(i))) retry.push(i.op);
    else skipped.push(i);
  }
  // Skipped receipts: a concurrent send of the same operation got there first and committed.
  if (skipped.length > 0) {
    const rows = await prisma.syncReceipt.findMany({ where: { id: { in: skipped.map((i) => i.op.id) } }, select: { id: true, counsellorId: true, result: true } });
    const byId = new Map(rows.map((r) => [r.id.toLowerCase(), r]));
    for (const i of skipped) {
      const receipt = byId.get(opKey(i));
      if (receipt) answers.set(opKey(i), receiptAnswer(i.op.id, counsellorId, receipt));
      else retry.push(i.op);
    }
  }
  return retry;
}

/** Database refusals that one-by-one application answers item by item; anything else is a real fault. */
function isRetryableBulkFailure(e: unknown): boolean {
  const code = databaseErrorCode(e);
  return code !== undefined && (code.startsWith("23") || code.startsWith("40"));
}
