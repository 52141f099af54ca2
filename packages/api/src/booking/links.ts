import type { Prisma, PrismaClient } from "@medianum/db";
import type { ApiConfig } from "../shared/config.js";
import { hashToken, newToken } from "../shared/tokens.js";

type Db = PrismaClient | Prisma.TransactionClient;

/** The manage link without its token. */
export const manageLinkPrefix = (config: Pick<ApiConfig, "publicUrl">) => `${config.publicUrl}/inscription/`;

/**
 * The token of a booking e-mail's manage link, created as the message leaves (the link shown on
 * screen at booking is another one). Only its hash is stored. Null for an anonymised or deleted
 * registration: the message is then not sent.
 */
export async function mintManageToken(db: Db, registrationId: string, now: Date): Promise<string | null> {
  const r = await db.registration.findUnique({ where: { id: registrationId }, select: { anonymisedAt: true } });
  if (!r || r.anonymisedAt) return null;
  const token = newToken();
  await db.registrationManageToken.create({ data: { registrationId, tokenHash: hashToken(token), createdAt: now } });
  return token;
}
