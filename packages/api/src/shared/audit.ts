import type { Prisma, PrismaClient } from "@medianum/db";
import type { AuditAction } from "@medianum/domain";
import type { Context } from "../context.js";

type Tx = Pick<PrismaClient, "auditLog"> | Prisma.TransactionClient;

/** What an audit line needs of the request: who, from where, when. */
export type AuditContext = Pick<Context, "user" | "req" | "now">;

/** Records a staff or security action (who, what, when); pass the transaction's client when inside one. */
export async function audit(
  ctx: AuditContext,
  db: Tx,
  action: AuditAction,
  entity?: { type: string; id: string },
  details?: Prisma.InputJsonValue,
): Promise<void> {
  await db.auditLog.create({
    data: {
      at: ctx.now(),
      actorUserId: ctx.user?.id ?? null,
      action,
      entityType: entity?.type ?? null,
      entityId: entity?.id ?? null,
      details: details ?? undefined,
      ip: ctx.req.ip,
    },
  });
}
