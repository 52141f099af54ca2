import type { PrismaClient } from "@medianum/db";
import type { OutboxCountsView } from "@medianum/domain";

/** How many e-mails wait to leave (and of those, how many already failed once) and how many were given up. */
export async function countOutbox(prisma: PrismaClient, smtpConfigured: boolean): Promise<OutboxCountsView> {
  const [pending, retrying, failed] = await Promise.all([
    prisma.outboxEmail.count({ where: { status: "pending" } }),
    prisma.outboxEmail.count({ where: { status: "pending", attempts: { gt: 0 } } }),
    prisma.outboxEmail.count({ where: { status: "failed" } }),
  ]);
  return { pending, retrying, failed, smtpConfigured };
}
