import type { FastifyInstance } from "fastify";

/**
 * No answer of the API may be kept by a browser, a proxy or a shared cache: most carry personal
 * data (registrations, requests, accounts) or a file export, and an answer kept on a shared
 * computer outlives the session that fetched it. So every /api/ response, errors included, is
 * `Cache-Control: no-store`. No public query is exempt: the catalogue of sessions
 * (booking.upcomingSessions) shows seats left, which a cached copy would get wrong.
 *
 * Except the public feeds (/api/feeds/, feeds-route.ts) when they answer: calendars and partner
 * sites poll them, they hold nothing personal, and seats left a few minutes old are fine there
 * (the booking page counts live). They set their own short public Cache-Control.
 */
export function registerNoStore(app: FastifyInstance) {
  app.addHook("onSend", async (req, reply, payload) => {
    if (req.url.startsWith("/api/feeds/") && reply.statusCode === 200) return payload;
    if (req.url === "/api" || req.url.startsWith("/api/")) reply.header("Cache-Control", "no-store");
    return payload;
  });
}
