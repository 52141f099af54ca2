import type { PrismaClient } from "@medianum/db";
import type { SessionUser } from "@medianum/domain";
import type { Context } from "../../context.js";
import { audit } from "../../shared/audit.js";
import { UserFacingError } from "../../shared/errors.js";
import { checkSecondFactor } from "./check-second-factor.js";

/** The login's second step: a right code marks this session as having given its second factor. */
export async function verifySecondFactor(ctx: Context, prisma: PrismaClient, code: string): Promise<SessionUser> {
  const pending = ctx.pendingUser;
  if (!pending || !ctx.sessionId) {
    if (ctx.user) throw new UserFacingError("BAD_REQUEST", "Aucun code n'est demandé : vous êtes déjà connecté(e).");
    throw new UserFacingError("UNAUTHORIZED", "Votre session a expiré : connectez-vous à nouveau.");
  }
  const actor = { ...ctx, user: pending };
  const method = await checkSecondFactor(actor, prisma, pending.id, code);
  await prisma.authSession.update({ where: { id: ctx.sessionId }, data: { secondFactorAt: ctx.now() } });
  await audit(actor, prisma, "auth.second_factor", { type: "User", id: pending.id }, { method });
  const { secondFactorPending: _, ...user } = pending;
  return user;
}
