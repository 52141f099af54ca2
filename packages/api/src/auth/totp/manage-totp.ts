import type { PrismaClient } from "@medianum/db";
import { RECOVERY_CODE_COUNT, type SessionUser, type TotpAdminView, type TotpStatusView } from "@medianum/domain";
import type { Context } from "../../context.js";
import { audit } from "../../shared/audit.js";
import { notFound, UserFacingError } from "../../shared/errors.js";
import { checkSecondFactor } from "./check-second-factor.js";

type Ctx = Pick<Context, "rateLimiter" | "now" | "req" | "sessionId"> & { user: SessionUser };

const TOTP_OFF = { totpSecret: null, totpEnabledAt: null, totpLastStep: null };

export async function totpStatus(prisma: PrismaClient, userId: string): Promise<TotpStatusView> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { totpEnabledAt: true } });
  const used = await prisma.totpRecoveryCode.count({ where: { userId, usedAt: { not: null } } });
  const total = await prisma.totpRecoveryCode.count({ where: { userId } });
  return {
    enabled: user.totpEnabledAt !== null,
    enabledAt: user.totpEnabledAt,
    recoveryCodesLeft: user.totpEnabledAt ? Math.min(RECOVERY_CODE_COUNT, total - used) : 0,
  };
}

/** The administrators and whether each has TOTP, for the security page (reset of a colleague's). */
export async function listAdminsTotp(prisma: PrismaClient): Promise<TotpAdminView[]> {
  return prisma.user.findMany({
    where: { role: "admin", disabledAt: null },
    select: { id: true, displayName: true, email: true, totpEnabledAt: true },
    orderBy: { displayName: "asc" },
  });
}

/** The owner switches TOTP off with a current code (or a recovery code): a stolen open session alone cannot. */
export async function disableOwnTotp(ctx: Ctx, prisma: PrismaClient, code: string): Promise<void> {
  await checkSecondFactor(ctx, prisma, ctx.user.id, code);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: ctx.user.id }, data: TOTP_OFF });
    await tx.totpRecoveryCode.deleteMany({ where: { userId: ctx.user.id } });
    await audit(ctx, tx, "auth.totp_disabled", { type: "User", id: ctx.user.id });
  });
}

/**
 * Another administrator switches a colleague's TOTP off (lost phone and recovery codes). The
 * colleague's sessions end too: whoever holds the lost phone may hold an open session as well.
 */
export async function resetColleagueTotp(ctx: Ctx, prisma: PrismaClient, userId: string): Promise<void> {
  if (userId === ctx.user.id) {
    throw new UserFacingError("BAD_REQUEST", "Pour votre propre compte, désactivez la double authentification avec un code de votre application ou un code de secours.");
  }
  const target = await prisma.user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true, email: true } });
  if (!target) throw notFound("Ce compte");
  if (!target.totpEnabledAt) throw new UserFacingError("BAD_REQUEST", "Ce compte n'a pas de double authentification activée.");
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: TOTP_OFF });
    await tx.totpRecoveryCode.deleteMany({ where: { userId } });
    await tx.authSession.deleteMany({ where: { userId } });
    await audit(ctx, tx, "team.totp_reset", { type: "User", id: userId }, { email: target.email });
  });
}
