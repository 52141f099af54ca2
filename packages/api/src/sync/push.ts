import { Prisma, type PrismaClient } from "@medianum/db";
import { syncPayloadSchema, syncOperationKinds, type SyncItemResult, type SyncOperation } from "@medianum/domain";
import { RecordConflict } from "../activity/write.js";
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

function receiptAnswer(id: string, counsellorId: string, receipt: { counsellorId: string; result: unknown }): SyncItemResult {
  // Another account's operation id: say nothing of its content.
  if (receipt.counsellorId !== counsellorId) return rejected(id, "Cet identifiant d'opération est déjà utilisé.");
  return { id, status: "duplicate", result: (receipt.result ?? {}) as Record<string, unknown> };
}

/**
 * Applies a batch in the order it was queued, each item in its own transaction: one refused item
 * does not hold back the others, and what was applied stays applied if the connection drops.
 */
export async function applyBatch(prisma: PrismaClient, counsellorId: string, operations: SyncOperation[], now: Date, env: SyncEnv): Promise<SyncItemResult[]> {
  const results: SyncItemResult[] = [];
  const seen = new Set<string>();
  for (const op of operations) {
    // The same id twice in one batch: the second is the replay of the first.
    if (seen.has(op.id)) {
      const first = results.find((r) => r.id === op.id)!;
      results.push(first.status === "applied" ? { ...first, status: "duplicate" } : first);
      continue;
    }
    seen.add(op.id);
    results.push(await applyOperation(prisma, counsellorId, op, now, env));
  }
  return results;
}
