import { countOf, type loginInput, type SessionUser } from "@medianum/domain";
import type { z } from "zod";
import type { Context } from "../context.js";
import { audit } from "../shared/audit.js";
import { UserFacingError } from "../shared/errors.js";
import { RATE_LIMITS } from "../shared/rate-limit.js";
import { dummyPasswordHash, verifyPassword } from "./password.js";
import { createSession, resolveSession, SESSION_COOKIE, sessionCookieOptions } from "./session.js";

const WRONG_CREDENTIALS = "Adresse e-mail ou mot de passe incorrect.";

type LoginContext = Pick<Context, "db" | "config" | "now" | "req" | "user" | "rateLimiter">;

/**
 * Checks the password and opens a session (its cookie set on the answer). Failures are limited per
 * account and address, and per address: a slot is taken in each window before the password is
 * checked (so parallel guesses are counted too) and given back when the password is right.
 */
export async function logIn(ctx: LoginContext, input: z.output<typeof loginInput>): Promise<SessionUser> {
  const pairKey = `login:account-ip:${input.email}|${ctx.req.ip}`;
  const ipKey = `login:ip:${ctx.req.ip}`;
  let wait = await ctx.rateLimiter.take(pairKey, RATE_LIMITS.loginFailuresPerAccountAndIp);
  if (wait === 0) {
    wait = await ctx.rateLimiter.take(ipKey, RATE_LIMITS.loginFailuresPerIp);
    if (wait > 0) await ctx.rateLimiter.giveBack(pairKey);
  }
  if (wait > 0) {
    throw new UserFacingError("TOO_MANY_REQUESTS", `Trop de tentatives de connexion : réessayez dans ${countOf(Math.ceil(wait / 60), "minute")}.`, {
      retryAfterSeconds: wait,
    });
  }
  const { prisma } = ctx.db;
  const user = await prisma.user.findUnique({ where: { email: input.email } });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !ok || user.disabledAt) {
    await audit(ctx, prisma, "auth.login_failed", undefined, { email: input.email });
    throw new UserFacingError("UNAUTHORIZED", WRONG_CREDENTIALS);
  }
  const now = ctx.now();
  const token = await createSession(prisma, user.id, ctx.config, now, ctx.req.userAgent);
  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  ctx.req.setCookie(SESSION_COOKIE, token, sessionCookieOptions(ctx.config));
  // The owner's earlier typos on this network are forgotten; this attempt was not a failure.
  await ctx.rateLimiter.reset(pairKey);
  await ctx.rateLimiter.giveBack(ipKey);
  const resolved = await resolveSession(ctx.db.raw, { ...ctx.req, getCookie: () => token }, ctx.config, now);
  await audit({ ...ctx, user: resolved!.user }, prisma, "auth.login", { type: "User", id: user.id });
  return resolved!.user;
}

/** Ends this session (if any) and clears its cookie. */
export async function logOut(ctx: Pick<Context, "db" | "config" | "req" | "sessionId">): Promise<{ ok: true }> {
  if (ctx.sessionId) await ctx.db.prisma.authSession.deleteMany({ where: { id: ctx.sessionId } });
  ctx.req.clearCookie(SESSION_COOKIE, sessionCookieOptions(ctx.config));
  return { ok: true as const };
}

/** Ends every session of the user (e.g. a lost phone). */
export async function logOutEverywhere(ctx: Pick<Context, "db" | "config" | "req"> & { user: SessionUser }): Promise<{ ended: number }> {
  const res = await ctx.db.prisma.authSession.deleteMany({ where: { userId: ctx.user.id } });
  ctx.req.clearCookie(SESSION_COOKIE, sessionCookieOptions(ctx.config));
  return { ended: res.count };
}
