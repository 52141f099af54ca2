import type { PrismaClient } from "@medianum/db";
import { roles, type SessionUser } from "@medianum/domain";
import type { CookieOptions, Context, RequestAdapter } from "../context.js";
import type { ApiConfig } from "../shared/config.js";
import { hashToken, newToken } from "../shared/tokens.js";

export const SESSION_COOKIE = "medianum_session";

export function sessionCookieOptions(config: ApiConfig): CookieOptions {
  return {
    httpOnly: true,
    sameSite: "lax",
    secure: config.environment === "production",
    path: "/",
    maxAge: config.sessionTtlHours * 3600,
  };
}

/** Only refresh lastSeenAt/expiry once in a while, not on every request. */
const TOUCH_INTERVAL_MS = 10 * 60_000;

export async function createSession(
  prisma: PrismaClient,
  userId: string,
  config: ApiConfig,
  now: Date,
  userAgent?: string,
): Promise<string> {
  const token = newToken();
  await prisma.authSession.create({
    data: {
      tokenHash: hashToken(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + config.sessionTtlHours * 3_600_000),
      userAgent: userAgent?.slice(0, 300) ?? null,
    },
  });
  return token;
}

/**
 * Resolves the session cookie to a user; an expired session or a disabled account gives null.
 * When the account has TOTP on and this session has not given a code since it was switched on,
 * the user comes back marked `secondFactorPending` (see createContext: not logged in yet).
 */
export async function resolveSession(
  prisma: PrismaClient,
  req: RequestAdapter,
  config: ApiConfig,
  now: Date,
): Promise<{ user: SessionUser; sessionId: string } | null> {
  const token = req.getCookie(SESSION_COOKIE);
  if (!token || token.length > 200) return null;
  const session = await prisma.authSession.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { include: { counsellor: { select: { id: true } } } } },
  });
  if (!session || session.expiresAt <= now || session.user.disabledAt) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await prisma.authSession.update({
      where: { id: session.id },
      data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + config.sessionTtlHours * 3_600_000) },
    });
  }
  const u = session.user;
  const secondFactorPending =
    u.totpEnabledAt !== null && (session.secondFactorAt === null || session.secondFactorAt < u.totpEnabledAt);
  return {
    sessionId: session.id,
    user: {
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      role: roles.schema.parse(u.role),
      counsellorId: u.counsellor?.id ?? null,
      ...(secondFactorPending ? { secondFactorPending: true as const } : {}),
    },
  };
}

export function toSessionUser(ctx: Pick<Context, "user">): SessionUser | null {
  return ctx.user;
}
