import type { PrismaClient } from "@medianum/db";
import { retentionCutoff } from "@medianum/domain";
import { hashToken, newToken } from "../shared/tokens.js";

/**
 * Anonymises the registrations of sessions held more than `months` ago (name, contact, need;
 * every manage link is killed), keeping seats and status for the statistics, and deletes the
 * outbox messages older than that (they carry addresses). Idempotent.
 */
export async function anonymiseExpiredRegistrations(prisma: PrismaClient, months: number, now: Date) {
  const cutoff = retentionCutoff(now, months);
  const due = await prisma.registration.findMany({
    where: { anonymisedAt: null, session: { startsAt: { lt: cutoff } } },
    select: { id: true },
    take: 5000,
  });
  await prisma.$transaction(async (tx) => {
    for (const { id } of due) {
      await tx.registrationManageToken.deleteMany({ where: { registrationId: id } });
      await tx.registration.update({
        where: { id },
        data: { firstName: "Anonyme", lastName: "", email: null, phone: null, need: null, manageTokenHash: hashToken(newToken()), anonymisedAt: now },
      });
    }
  });
  const outbox = await prisma.outboxEmail.deleteMany({ where: { createdAt: { lt: cutoff }, status: { not: "pending" } } });
  return { anonymised: due.length, outboxDeleted: outbox.count };
}
