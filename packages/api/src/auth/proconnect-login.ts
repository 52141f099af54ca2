import { emailSchema, type ProConnectRefusal, type SessionUser } from "@medianum/domain";
import type { ApiServices, RequestAdapter } from "../context.js";
import { audit } from "../shared/audit.js";
import { createSession, resolveSession, SESSION_COOKIE, sessionCookieOptions } from "./session.js";

export type ProConnectLoginResult = { ok: true; user: SessionUser } | { ok: false; refusal: ProConnectRefusal };

/**
 * Opens a session for the staff member whose account has the e-mail ProConnect vouched for (the
 * server has already checked the ID token: state, nonce, issuer, audience). The same session and
 * cookie as a password login; no account is ever created here: an unknown or disabled e-mail is
 * refused, and the refusal is audited with the address so that a coordinator can send an invitation.
 */
export async function openProConnectSession(
  services: ApiServices,
  req: RequestAdapter,
  claims: { email: unknown; sub: string; issuer: string },
): Promise<ProConnectLoginResult> {
  const { prisma } = services.db;
  const ctx = { req, now: services.now, user: null };
  const parsed = emailSchema.safeParse(claims.email);
  if (!parsed.success) {
    await audit(ctx, prisma, "auth.proconnect_refused", undefined, { reason: "sans-email", sub: claims.sub, issuer: claims.issuer });
    return { ok: false, refusal: "sans-email" };
  }
  const email = parsed.data;
  const user = await prisma.user.findUnique({ where: { email } });
  if (!user || user.disabledAt) {
    const refusal: ProConnectRefusal = user ? "compte-desactive" : "compte-inconnu";
    await audit(ctx, prisma, "auth.proconnect_refused", user ? { type: "User", id: user.id } : undefined, { reason: refusal, email, sub: claims.sub });
    return { ok: false, refusal };
  }
  const now = services.now();
  const token = await createSession(prisma, user.id, services.config, now, req.userAgent);
  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  req.setCookie(SESSION_COOKIE, token, sessionCookieOptions(services.config));
  const resolved = await resolveSession(services.db.raw, { ...req, getCookie: () => token }, services.config, now);
  await audit({ ...ctx, user: resolved!.user }, prisma, "auth.login", { type: "User", id: user.id }, { method: "proconnect", sub: claims.sub });
  return { ok: true, user: resolved!.user };
}

/** A ProConnect login stopped before any account was looked up (flow cookie, state, ID token, provider error): audited for the operators. */
export async function auditProConnectRefusal(services: ApiServices, req: RequestAdapter, refusal: ProConnectRefusal, detail: string): Promise<void> {
  await audit({ req, now: services.now, user: null }, services.db.prisma, "auth.proconnect_refused", undefined, { reason: refusal, detail: detail.slice(0, 500) });
}
