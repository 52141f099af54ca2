import type { PrismaClient } from "@medianum/db";
import { countOf, isTotpCode } from "@medianum/domain";
import type { Context } from "../../context.js";
import { audit } from "../../shared/audit.js";
import { UserFacingError } from "../../shared/errors.js";
import type { RateLimitRule } from "../../shared/rate-limit.js";
import { hashRecoveryCode, verifyTotpCode } from "./totp.js";

/** Wrong codes per account: 5 in 15 minutes leaves a guesser about one chance in 70 000 a day. */
export const TOTP_FAILURES_PER_ACCOUNT: RateLimitRule = { limit: 5, windowMs: 15 * 60_000 };

export const WRONG_CODE =
  "Ce code n'est pas valide ou a déjà servi : attendez le code suivant de votre application (ou utilisez un code de secours non encore utilisé) et réessayez.";

type Ctx = Pick<Context, "rateLimiter" | "now" | "req" | "user">;

/**
 * Runs `attempt` under the account's limit of wrong codes: a slot is taken before (so parallel
 * guesses count too) and given back when the code was right.
 */
export async function limitedCodeAttempt<T>(ctx: Ctx, userId: string, attempt: () => Promise<T | null>): Promise<T | null> {
  const key = `totp:user:${userId}`;
  const wait = await ctx.rateLimiter.take(key, TOTP_FAILURES_PER_ACCOUNT);
  if (wait > 0) {
    throw new UserFacingError(
      "TOO_MANY_REQUESTS",
      `Trop de codes incorrects : réessayez dans ${countOf(Math.ceil(wait / 60), "minute")}.`,
      { retryAfterSeconds: wait },
    );
  }
  const result = await attempt();
  if (result !== null) await ctx.rateLimiter.giveBack(key);
  return result;
}

/**
 * Accepts a current TOTP code not used before (its step is recorded, in the same statement that
 * checks it is later than the last one: two requests with one code cannot both pass), or an unused
 * recovery code (spent here). Returns how, or null for a wrong or replayed code.
 */
export async function consumeTotpCode(prisma: PrismaClient, userId: string, secret: string, code: string, now: Date, lastStep: number | null) {
  const step = await verifyTotpCode(secret, code, now, lastStep);
  if (step === null) return null;
  const { count } = await prisma.user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return count === 1 ? step : null;
}

export async function checkSecondFactor(ctx: Ctx, prisma: PrismaClient, userId: string, code: string): Promise<"totp" | "recovery_code"> {
  const method = await limitedCodeAttempt(ctx, userId, async () => {
    const user = await prisma.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true, totpLastStep: true } });
    if (!user?.totpSecret || !user.totpEnabledAt) {
      throw new UserFacingError("BAD_REQUEST", "La double authentification n'est pas activée sur ce compte.");
    }
    if (isTotpCode(code)) {
      const step = await consumeTotpCode(prisma, userId, user.totpSecret, code, ctx.now(), user.totpLastStep);
      return step === null ? null : ("totp" as const);
    }
    const { count } = await prisma.totpRecoveryCode.updateMany({
      where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
      data: { usedAt: ctx.now() },
    });
    return count === 1 ? ("recovery_code" as const) : null;
  });
  if (!method) {
    await audit(ctx, prisma, "auth.second_factor_failed", { type: "User", id: userId });
    throw new UserFacingError("UNAUTHORIZED", WRONG_CODE, { field: "code" });
  }
  return method;
}
