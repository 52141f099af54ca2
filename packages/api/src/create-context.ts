import { resolveSession } from "./auth/session.js";
import type { ApiServices, Context, RequestAdapter } from "./context.js";

/** Builds the context of one request: resolves the session cookie to a user. */
export async function createContext(services: ApiServices, req: RequestAdapter): Promise<Context> {
  const resolved = await resolveSession(services.db.raw, req, services.config, services.now());
  // A session that still owes its second factor is not logged in for any procedure but the code step.
  const pending = resolved?.user.secondFactorPending === true;
  return {
    ...services,
    req,
    user: pending ? null : (resolved?.user ?? null),
    pendingUser: pending ? resolved!.user : null,
    sessionId: resolved?.sessionId ?? null,
  };
}
