import type { PrismaClient } from "@medianum/db";
import type { SessionUser, TotpSetupView } from "@medianum/domain";
import type { Context } from "../../context.js";
import { audit } from "../../shared/audit.js";
import { UserFacingError } from "../../shared/errors.js";
import { consumeTotpCode, limitedCodeAttempt, WRONG_CODE } from "./check-second-factor.js";
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, qrCodeDataUrl, totpUrl } from "./totp.js";
import { normaliseSecondFactorCode } from "@medianum/domain";

const ALREADY_ON = "La double authentification est déjà activée sur votre compte : désactivez-la d'abord pour changer d'appareil.";

type Ctx = Pick<Context, "rateLimiter" | "now" | "req" | "sessionId"> & { user: SessionUser };

/**
 * Step 1: a new secret, kept on the account but not in force until a code proves the app has it.
 * Asking again (another phone, a lost page) replaces it. This answer is the only time it is sent.
 */
export async function beginTotpSetup(ctx: Ctx, prisma: PrismaClient): Promise<TotpSetupView> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: ctx.user.id }, select: { totpEnabledAt: true, email: true } });
  if (user.totpEnabledAt) throw new UserFacingError("CONFLICT", ALREADY_ON);
  const secret = newTotpSecret();
  await prisma.user.update({ where: { id: ctx.user.id }, data: { totpSecret: secret, totpLastStep: null } });
  const otpauthUrl = totpUrl(secret, user.email);
  return { secret, otpauthUrl, qrCodeDataUrl: await qrCodeDataUrl(otpauthUrl) };
}

/**
 * Step 2: a current code switches TOTP on; this session counts as having given it, and the ten
 * recovery codes are returned this once (only their hashes stay).
 */
export async function confirmTotpSetup(ctx: Ctx, prisma: PrismaClient, code: string): Promise<{ recoveryCodes: string[] }> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: ctx.user.id },
    select: { totpEnabledAt: true, totpSecret: true, totpLastStep: true },
  });
  if (user.totpEnabledAt) throw new UserFacingError("CONFLICT", ALREADY_ON);
  const secret = user.totpSecret;
  if (!secret) throw new UserFacingError("BAD_REQUEST", "Affichez d'abord le QR code à scanner avec votre application.");
  const step = await limitedCodeAttempt(ctx, ctx.user.id, () => consumeTotpCode(prisma, ctx.user.id, secret, code, ctx.now(), user.totpLastStep));
  if (step === null) throw new UserFacingError("BAD_REQUEST", WRONG_CODE, { field: "code" });
  const now = ctx.now();
  const recoveryCodes = newRecoveryCodes();
  await prisma.$transaction(async (tx) => {
    // Only if still off and still this secret: a second setup in another tab meanwhile wins alone.
    const { count } = await tx.user.updateMany({ where: { id: ctx.user.id, totpEnabledAt: null, totpSecret: secret }, data: { totpEnabledAt: now } });
    if (count !== 1) throw new UserFacingError("CONFLICT", "La configuration a changé dans un autre onglet : recommencez depuis le QR code.");
    await tx.totpRecoveryCode.deleteMany({ where: { userId: ctx.user.id } });
    await tx.totpRecoveryCode.createMany({
      data: recoveryCodes.map((c) => ({ userId: ctx.user.id, codeHash: hashRecoveryCode(normaliseSecondFactorCode(c)) })),
    });
    if (ctx.sessionId) await tx.authSession.update({ where: { id: ctx.sessionId }, data: { secondFactorAt: now } });
    await audit(ctx, tx, "auth.totp_enabled", { type: "User", id: ctx.user.id });
  });
  return { recoveryCodes };
}
