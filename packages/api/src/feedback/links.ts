import type { Prisma, PrismaClient } from "@medianum/db";
import { hashToken, newToken } from "../shared/tokens.js";

type Db = PrismaClient | Prisma.TransactionClient;

/** The portal's questionnaire page, without its token. */
export function feedbackLinkPrefix(publicUrl: string): string {
  return `${publicUrl.replace(/\/$/, "")}/avis/`;
}

/** Days a parent's link stays open after the e-mail is queued. */
export const PARENT_LINK_DAYS = 30;
/** Days a QR key issued to a counsellor's device stays usable. */
export const QR_KEY_DAYS = 365;
/** Answers one QR code accepts at most (a collective workshop rarely has more participants). */
export const QR_KEY_MAX_ANSWERS = 40;

/**
 * The token of a feedback e-mail's link, created as the message leaves; only its hash is kept
 * (a newer e-mail replaces the older link). Null when the invitation was answered, refused or has
 * expired: the message is then not sent.
 */
export async function mintFeedbackToken(db: Db, invitationId: string, now: Date): Promise<string | null> {
  const inv = await db.feedbackInvitation.findUnique({ where: { id: invitationId }, select: { answerCount: true, maxAnswers: true, expiresAt: true } });
  if (!inv || inv.answerCount >= inv.maxAnswers || inv.expiresAt <= now) return null;
  const token = newToken();
  await db.feedbackInvitation.update({ where: { id: invitationId }, data: { tokenHash: hashToken(token) } });
  return token;
}
