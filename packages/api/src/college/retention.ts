import type { PrismaClient } from "@medianum/db";
import { COLLEGE_REQUEST_RETENTION_MONTHS } from "@medianum/domain";
import { hashToken, newToken } from "../shared/tokens.js";

/** What an erased request's contact fields say (a request erased this way gets no new link). */
export const ERASED = "(effacé)";

/**
 * Erases the contact details of closed collège requests (done, declined, cancelled) whose last
 * change is older than the retention period: requester's name, e-mail, phone, messages and
 * tracking links. What the figures need stays: collège, UAI, commune, classes, sessions.
 */
export async function eraseExpiredCollegeContacts(prisma: PrismaClient, now: Date, months = COLLEGE_REQUEST_RETENTION_MONTHS) {
  const limit = new Date(now);
  limit.setUTCMonth(limit.getUTCMonth() - months);
  const expired = await prisma.collegeRequest.findMany({
    where: { status: { in: ["done", "declined", "cancelled"] }, updatedAt: { lt: limit }, NOT: { requesterName: ERASED } },
    select: { id: true },
    take: 1000,
  });
  for (const { id } of expired) {
    await prisma.$transaction([
      prisma.collegeRequestMessage.deleteMany({ where: { requestId: id } }),
      prisma.collegeTrackingToken.deleteMany({ where: { requestId: id } }),
      prisma.collegeRequest.update({
        where: { id },
        // A fresh random hash: the old links stop working, and no one holds the new token.
        data: { requesterName: ERASED, email: "", phone: null, constraints: null, trackingTokenHash: hashToken(newToken()) },
      }),
    ]);
  }
  return { erased: expired.length };
}
