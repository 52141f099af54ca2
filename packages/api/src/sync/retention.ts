import type { PrismaClient } from "@medianum/db";
import { SYNC_RECEIPT_RETENTION_DAYS } from "@medianum/domain";

/** Deletes the sync receipts older than the retention period (daily job). */
export async function purgeOldSyncReceipts(prisma: PrismaClient, now: Date, days = SYNC_RECEIPT_RETENTION_DAYS) {
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  const { count } = await prisma.syncReceipt.deleteMany({ where: { createdAt: { lt: cutoff } } });
  return { deleted: count };
}
