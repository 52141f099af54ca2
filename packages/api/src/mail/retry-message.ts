import type { PrismaClient } from "@medianum/db";
import { audit, type AuditContext } from "../shared/audit.js";

/** Puts a failed message back in the queue (e.g. after fixing the SMTP settings); false if it had not failed. */
export async function retryMessage(prisma: PrismaClient, ctx: AuditContext, id: string): Promise<{ ok: boolean }> {
  const res = await prisma.outboxEmail.updateMany({
    where: { id, status: "failed" },
    data: { status: "pending", nextAttemptAt: null, attempts: 0, lockedUntil: null },
  });
  if (res.count === 1) await audit(ctx, prisma, "mail.retry", { type: "OutboxEmail", id });
  return { ok: res.count === 1 };
}
