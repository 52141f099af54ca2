import type { FastifyInstance } from "fastify";

/**
 * No answer of the API may be kept by a browser, a proxy or a shared cache: most carry personal
 * data (registrations, requests, accounts) or a file export, and an answer kept on a shared
 * computer outlives the session that fetched it. So every /api/ response, errors included, is
 * `Cache-Control: no-store`. No public query is exempt: the catalogue of sessions
 * (booking.upcomingSessions) shows seats left, which a cached copy would get wrong.
 */
export function registerNoStore(app: FastifyInstance) {
  app.addHook("onSend", async (req, reply, payload) => {
    if (req.url === "/api" || req.url.startsWith("/api/")) reply.header("Cache-Control", "no-store");
    return payload;
  });
}
