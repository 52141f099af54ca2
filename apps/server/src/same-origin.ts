import type { FastifyInstance, FastifyRequest } from "fastify";

/**
 * Cross-site request forgery: a page of another site can make the visitor's browser send a form
 * (urlencoded, multipart, text/plain) to our API with the session cookie (SameSite=Lax lets it
 * through from a sibling subdomain or another port of the same host). Every state-changing
 * request must come from one of our own pages — as the browser says in Sec-Fetch-Site, or else in
 * Origin — and carry JSON, which a form cannot send and a cross-origin script may not without a
 * CORS permission we never give. GET and HEAD change nothing and stay free.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const NOT_FROM_OUR_PAGES = "Demande refusée : elle ne vient pas d'une page de Médianum. Rechargez la page de Médianum et réessayez.";
/** Same words as every other 415 of the server (http-errors.ts). */
export const NOT_JSON = "Format de la demande non pris en charge : envoyez du JSON.";

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim();

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Why a state-changing request is refused, or null when it comes from our own pages with JSON:
 * 403 from elsewhere, 415 from our own pages without JSON.
 */
export function crossSiteRefusal(req: Pick<FastifyRequest, "headers" | "protocol" | "host">, publicOrigin: string): { status: 403 | 415; message: string } | null {
  const site = first(req.headers["sec-fetch-site"])?.toLowerCase();
  let sameOrigin: boolean;
  if (site) {
    // Set by the browser itself, out of reach of the page: "none" is the person's own action (address bar, bookmark).
    sameOrigin = site === "same-origin" || site === "none";
  } else {
    const origin = first(req.headers.origin);
    sameOrigin = !!origin && origin !== "null" && (origin === publicOrigin || origin === originOf(`${req.protocol}://${req.host}`));
  }
  if (!sameOrigin) return { status: 403, message: NOT_FROM_OUR_PAGES };
  const type = first(req.headers["content-type"])?.split(";", 1)[0]?.trim().toLowerCase();
  if (type !== "application/json") return { status: 415, message: NOT_JSON };
  return null;
}

/**
 * A GET that leaves a trace (a download written to the audit log) is refused when the browser says
 * another site sent the visitor here: a link elsewhere must not make a staff member's browser
 * export personal data in their name. Browsers without Sec-Fetch-Site are let through (reads only).
 */
export function sentByAnotherSite(req: Pick<FastifyRequest, "headers">): boolean {
  const site = first(req.headers["sec-fetch-site"])?.toLowerCase();
  return site === "cross-site" || site === "same-site";
}

/** Refuses (403 or 415, nothing read nor changed) any state-changing request that is not same-origin JSON. */
export function registerSameOriginGuard(app: FastifyInstance, publicUrl: string) {
  const publicOrigin = originOf(publicUrl) ?? "";
  app.addHook("onRequest", async (req, reply) => {
    if (SAFE_METHODS.has(req.method)) return;
    const refusal = crossSiteRefusal(req, publicOrigin);
    if (refusal) return reply.code(refusal.status).header("Cache-Control", "no-store").send({ error: refusal.message });
  });
}
