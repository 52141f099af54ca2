import { Prisma, type PrismaClient } from "@medianum/db";
import { icsMethod } from "./ics.js";
import type { MailTransport } from "./transport.js";

export interface DeliveryOptions {
  from: string;
  now: Date;
  /** Identifies this server instance in logs. */
  batchSize?: number;
  /** How long a claimed message is reserved for this worker (a crashed worker's claims expire). */
  leaseMs?: number;
  /** After this many failed attempts a message is marked failed and left for staff. */
  maxAttempts?: number;
}

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
}

/** Wait before the next attempt: 1 min, 4 min, 16 min, 1 h 04, then at most 4 h. */
export function backoffMs(attempts: number): number {
  return Math.min(4 * 3_600_000, 60_000 * 4 ** Math.max(0, attempts - 1));
}

/**
 * Sends pending outbox messages. Several server instances may run this at once: each claims a
 * batch with FOR UPDATE SKIP LOCKED and a short lease (lockedUntil), so that no message is sent
 * twice while a claim is live, and a claim left by a crashed instance expires by itself.
 */
export async function deliverOutbox(prisma: PrismaClient, transport: MailTransport, opts: DeliveryOptions): Promise<DeliveryReport> {
  const { now, from } = opts;
  const batchSize = opts.batchSize ?? 20;
  const leaseMs = opts.leaseMs ?? 5 * 60_000;
  const maxAttempts = opts.maxAttempts ?? 8;
  const leaseUntil = new Date(now.getTime() + leaseMs);

  const claimed = await prisma.$queryRaw<{ id: string }[]>(Prisma.sql`
    UPDATE "OutboxEmail" SET "lockedUntil" = ${leaseUntil}
    WHERE id IN (
      SELECT id FROM "OutboxEmail"
      WHERE status = 'pending'
        AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= ${now})
        AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
      ORDER BY "createdAt"
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id`);

  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
  for (const { id } of claimed) {
    const m = await prisma.outboxEmail.findUnique({ where: { id } });
    if (!m || m.status !== "pending") continue;
    try {
      await transport.sendMail({
        from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        ...(m.html ? { html: m.html } : {}),
        ...(m.ics ? { icalEvent: { method: icsMethod(m.ics), filename: "atelier.ics", content: m.ics } } : {}),
        headers: { "Auto-Submitted": "auto-generated" },
      });
      await prisma.outboxEmail.update({
        where: { id },
        data: { status: "sent", sentAt: now, attempts: { increment: 1 }, lockedUntil: null, lastError: null },
      });
      report.sent += 1;
    } catch (err) {
      const attempts = m.attempts + 1;
      const message = err instanceof Error ? err.message : String(err);
      const giveUp = attempts >= maxAttempts;
      await prisma.outboxEmail.update({
        where: { id },
        data: {
          status: giveUp ? "failed" : "pending",
          attempts,
          lastError: message.slice(0, 500),
          lockedUntil: null,
          nextAttemptAt: giveUp ? null : new Date(now.getTime() + backoffMs(attempts)),
        },
      });
      if (giveUp) report.failed += 1;
      else report.retried += 1;
    }
  }
  return report;
}
