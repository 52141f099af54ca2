import type { PrismaClient } from "@medianum/db";
import { hashToken, newToken } from "../shared/tokens.js";
import { QR_KEY_DAYS, QR_KEY_MAX_ANSWERS } from "./links.js";

/** Unused keys a device keeps for the QR codes of its next workshops, shown without network. */
export const QR_KEY_POOL = 10;
/** Unused keys one counsellor may hold at most, whatever the devices ask. */
const MAX_UNUSED_KEYS = 50;

/**
 * Issues fresh QR keys to a counsellor's device: the device keeps them and turns one into
 * `<origin>/avis/<key>` at the end of a workshop, offline. Only their hashes are stored; each
 * accepts up to QR_KEY_MAX_ANSWERS anonymous answers (capped by the workshop's participants).
 */
export async function issueQrKeys(prisma: PrismaClient, counsellorId: string, count: number, now: Date): Promise<Array<{ key: string; expiresAt: Date }>> {
  const expiresAt = new Date(now.getTime() + QR_KEY_DAYS * 86_400_000);
  const unused = await prisma.feedbackInvitation.count({ where: { kind: "collective_workshop", counsellorId, answerCount: 0, activityRecordId: null, expiresAt: { gt: now } } });
  const keys = Array.from({ length: Math.max(0, Math.min(count, MAX_UNUSED_KEYS - unused)) }, () => newToken());
  if (keys.length === 0) return [];
  await prisma.feedbackInvitation.createMany({
    data: keys.map((k) => ({ kind: "collective_workshop", tokenHash: hashToken(k), counsellorId, maxAnswers: QR_KEY_MAX_ANSWERS, expiresAt, createdAt: now })),
  });
  return keys.map((key) => ({ key, expiresAt }));
}
