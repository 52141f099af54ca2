import type { Database } from "@medianum/db";
import type { SessionUser } from "@medianum/domain";
import type { ApiConfig } from "./shared/config.js";
import type { RateLimiter } from "./shared/rate-limit.js";

export interface CookieOptions {
  httpOnly: boolean;
  sameSite: "lax" | "strict";
  secure: boolean;
  path: string;
  maxAge?: number;
}

/** What the HTTP layer gives the API for one request; the server (Fastify) or tests provide it. */
export interface RequestAdapter {
  ip: string;
  userAgent?: string | undefined;
  getCookie(name: string): string | undefined;
  setCookie(name: string, value: string, options: CookieOptions): void;
  clearCookie(name: string, options: CookieOptions): void;
}

/** What the server counts for its metrics; the API reports into it when given one. */
export interface ApiObserver {
  /** Outcome of each operation of a device's sync batch (applied, duplicate, rejected, conflict). */
  syncOperations(statuses: readonly string[]): void;
}

/** Long-lived services shared by every request. */
export interface ApiServices {
  db: Database;
  config: ApiConfig;
  rateLimiter: RateLimiter;
  now: () => Date;
  observer?: ApiObserver | undefined;
}

export interface Context extends ApiServices {
  req: RequestAdapter;
  user: SessionUser | null;
  /** Id of the AuthSession row behind `user`. */
  sessionId: string | null;
}
