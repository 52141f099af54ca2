import { resolveSession } from "./auth/session.js";
import type { ApiServices, Context, RequestAdapter } from "./context.js";

/** Builds the context of one request: resolves the session cookie to a user. */
export async function createContext(services: ApiServices, req: RequestAdapter): Promise<Context> {
  const resolved = await resolveSession(services.db.prisma, req, services.config, services.now());
  return { ...services, req, user: resolved?.user ?? null, sessionId: resolved?.sessionId ?? null };
}
