import type { Prisma, PrismaClient } from "@medianum/db";
import { hashToken, newToken } from "../shared/tokens.js";
import { ERASED } from "./retention.js";

type Db = PrismaClient | Prisma.TransactionClient;

/** The portal's tracking page for a request (served at the site root), without its token. */
export function trackingLinkPrefix(publicUrl: string): string {
  return `${publicUrl.replace(/\/$/, "")}/colleges/suivi/`;
}

/**
 * The token of a collège e-mail's tracking link, created as the message leaves. Only hashes are
 * stored, so each e-mail carries a link of its own, and every link keeps working. Null when the
 * request no longer exists or its contact was erased (retention): the message is then not sent.
 */
export async function mintTrackingToken(db: Db, requestId: string, now: Date): Promise<string | null> {
  const r = await db.collegeRequest.findUnique({ where: { id: requestId }, select: { requesterName: true } });
  if (!r || r.requesterName === ERASED) return null;
  const token = newToken();
  await db.collegeTrackingToken.create({ data: { requestId, tokenHash: hashToken(token), createdAt: now } });
  return token;
}

/** The request a tracking token opens, or null; the token itself is never stored. */
export async function requestIdOfToken(db: Db, token: string): Promise<string | null> {
  const tokenHash = hashToken(token);
  const r = await db.collegeRequest.findFirst({
    where: { OR: [{ trackingTokenHash: tokenHash }, { trackingTokens: { some: { tokenHash } } }] },
    select: { id: true },
  });
  return r?.id ?? null;
}
