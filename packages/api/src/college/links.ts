import type { Prisma, PrismaClient } from "@medianum/db";
import { hashToken, newToken } from "../shared/tokens.js";

type Db = PrismaClient | Prisma.TransactionClient;

/** Path of the portal's tracking page for a token (the portal serves it at the site root). */
export function trackingUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, "")}/colleges/suivi/${token}`;
}

/**
 * A new tracking link for an e-mail about this request. Only hashes are stored, so a later
 * e-mail cannot repeat the first link: it carries a fresh one, and every link keeps working.
 */
export async function newTrackingLink(tx: Db, requestId: string, publicUrl: string, now: Date): Promise<string> {
  const token = newToken();
  await tx.collegeTrackingToken.create({ data: { requestId, tokenHash: hashToken(token), createdAt: now } });
  return trackingUrl(publicUrl, token);
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
