import { feedFilterNames, listFeedSessions, PUBLIC_RATE_LIMITS, readFeed, type ApiServices } from "@medianum/api";
import { feedFilters } from "@medianum/domain";
import type { FastifyInstance, FastifyReply } from "fastify";
import { embedPage, embedErrorPage } from "./embed-page.js";

/**
 * Feeds and embed are public and hold no personal data: partners' calendars, servers and pages
 * may keep them a few minutes (seats left may then be that old; the booking page counts live).
 * Everything else under /api/ stays no-store (no-store.ts).
 */
export const FEED_CACHE_CONTROL = "public, max-age=300";
/** The embeddable catalogue's address: the only page of the product another site may frame. */
export const EMBED_PATH = "/integration";
const EMBED_LIMIT = 50;

/**
 * Public read-only feeds of the catalogue (GET /api/feeds/ateliers.{ics,json,csv}) and the
 * embeddable catalogue (GET /integration). The listing and checks live in the API (feeds/); this
 * only turns answers into HTTP.
 */
export function registerFeedRoutes(app: FastifyInstance, services: ApiServices, embedAllowedOrigins: readonly string[]) {
  app.get<{ Params: { format: string } }>("/api/feeds/ateliers.:format", async (req, reply) => {
    const answer = await readFeed(services, req.ip, req.params.format, req.query);
    if (!answer.ok) {
      if (answer.retryAfterSeconds) reply.header("Retry-After", String(answer.retryAfterSeconds));
      return reply
        .code(answer.status)
        .header("Cache-Control", "no-store")
        .send({ error: answer.message, ...(answer.fieldErrors ? { fieldErrors: answer.fieldErrors } : {}) });
    }
    return reply
      .header("Content-Type", answer.contentType)
      .header("Content-Disposition", `inline; filename="${answer.fileName}"`)
      .header("Cache-Control", FEED_CACHE_CONTROL)
      // Open data: any site's script may read it (no cookie is involved, nothing personal is in it).
      .header("Access-Control-Allow-Origin", "*")
      .send(answer.body);
  });

  app.get(EMBED_PATH, async (req, reply) => {
    allowFraming(reply, embedAllowedOrigins);
    const f = feedFilters.safeParse(req.query);
    if (!f.success) {
      return reply
        .code(400)
        .type("text/html; charset=utf-8")
        .header("Cache-Control", "no-store")
        .send(embedErrorPage(f.error.issues.map((i) => i.message), services.config.publicUrl));
    }
    const wait = await services.rateLimiter.hit(`embed:ip:${req.ip}`, PUBLIC_RATE_LIMITS.publicFeedsPerIp);
    if (wait > 0) {
      return reply
        .code(429)
        .type("text/html; charset=utf-8")
        .header("Retry-After", String(wait))
        .header("Cache-Control", "no-store")
        .send(embedErrorPage(["Trop de demandes depuis cette adresse : réessayez dans quelques minutes."], services.config.publicUrl));
    }
    const now = services.now();
    const [all, names] = await Promise.all([listFeedSessions(services.db.prisma, f.data, now, services.config.publicUrl), feedFilterNames(services.db.prisma, f.data)]);
    const bookable = all.filter((s) => s.status === "scheduled" && s.startsAt > now);
    return reply
      .type("text/html; charset=utf-8")
      .header("Cache-Control", FEED_CACHE_CONTROL)
      .send(embedPage({ sessions: bookable.slice(0, EMBED_LIMIT), more: bookable.length > EMBED_LIMIT, filters: f.data, names, publicUrl: services.config.publicUrl }));
  });
}

/**
 * The one place where framing is allowed: the page's own CSP says which sites may frame it
 * (frame-ancestors, the only rule browsers follow for that), and X-Frame-Options, which cannot
 * name several sites, is left out. Every other page keeps frame-ancestors 'none' from app.ts.
 * 'self' lets the back-office show a preview of the snippet.
 */
export function allowFraming(reply: FastifyReply, origins: readonly string[]) {
  const csp = String(reply.getHeader("content-security-policy") ?? "");
  const ancestors = `frame-ancestors 'self'${origins.map((o) => ` ${o}`).join("")}`;
  reply.header("Content-Security-Policy", /frame-ancestors [^;]*/.test(csp) ? csp.replace(/frame-ancestors [^;]*/, ancestors) : `${csp};${ancestors}`);
  reply.removeHeader("X-Frame-Options");
}
