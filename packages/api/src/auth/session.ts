import type { PrismaClient, RawSql } from "@medianum/db";
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
  raw: RawSql,
  req: RequestAdapter,
  config: ApiConfig,
  now: Date,
): Promise<{ user: SessionUser; sessionId: string } | null> {
  const token = req.getCookie(SESSION_COOKIE);
  if (!token || token.length > 200) return null;
  // Every signed-in request starts here: one statement (Prisma's include took three, and compiled them each time).
  const [session] = await raw.query<SessionRow>(SESSION_SQL, [hashToken(token)]);
  if (!session || new Date(session.expiresAt) <= now || session.disabledAt) return null;
  if (now.getTime() - new Date(session.lastSeenAt).getTime() > TOUCH_INTERVAL_MS) {
    await raw.query(`UPDATE "AuthSession" SET "lastSeenAt" = $2::timestamptz, "expiresAt" = $3::timestamptz WHERE id = $1::uuid`, [
      session.id,
      now,
      new Date(now.getTime() + config.sessionTtlHours * 3_600_000),
    ]);
  }
  const secondFactorPending =
    session.totpEnabledAt !== null && (session.secondFactorAt === null || new Date(session.secondFactorAt) < new Date(session.totpEnabledAt));
  return {
    sessionId: session.id,
    user: {
      id: session.userId,
      email: session.email,
      displayName: session.displayName,
      role: roles.schema.parse(session.role),
      counsellorId: session.counsellorId,
      ...(secondFactorPending ? { secondFactorPending: true as const } : {}),
    },
  };
}

interface SessionRow {
  id: string;
  expiresAt: Date | string;
  lastSeenAt: Date | string;
  secondFactorAt: Date | string | null;
  userId: string;
  email: string;
  displayName: string;
  role: string;
  disabledAt: Date | string | null;
  totpEnabledAt: Date | string | null;
  counsellorId: string | null;
}

/** The session of a cookie's token hash ($1), with its account and the account's counsellor. */
const SESSION_SQL = `
  SELECT s.id, s."expiresAt", s."lastSeenAt", s."secondFactorAt",
         u.id AS "userId", u.email, u."displayName", u.role, u."disabledAt", u."totpEnabledAt",
         c.id AS "counsellorId"
    FROM "AuthSession" s
    JOIN "User" u ON u.id = s."userId"
    LEFT JOIN "Counsellor" c ON c."userId" = u.id
   WHERE s."tokenHash" = $1::text`;

export function toSessionUser(ctx: Pick<Context, "user">): SessionUser | null {
  return ctx.user;
}
