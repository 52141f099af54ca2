import type { FastifyInstance } from "fastify";

/** When a refusal does not say how long to wait: a minute, enough for the shortest of our windows to move. */
const DEFAULT_RETRY_AFTER_SECONDS = 60;

/**
 * `Retry-After` (seconds) for a tRPC answer: the longest wait among its calls refused with
 * TOO_MANY_REQUESTS (their UserFacingError carries `details.retryAfterSeconds`). Used in the tRPC
 * plugin's responseMeta, beside the other response headers.
 */
export function retryAfterHeader(errors: ReadonlyArray<{ code: string; details?: unknown }>): Record<string, string> {
  let wait = 0;
  for (const e of errors) {
    if (e.code !== "TOO_MANY_REQUESTS") continue;
    const seconds = (e.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    wait = Math.max(wait, typeof seconds === "number" && seconds > 0 ? Math.ceil(seconds) : DEFAULT_RETRY_AFTER_SECONDS);
  }
  return wait > 0 ? { "Retry-After": String(wait) } : {};
}

/** Every 429 of any route leaves with a Retry-After, the default one if the route set none. */
export function registerRetryAfterFallback(app: FastifyInstance) {
  app.addHook("onSend", async (_req, reply, payload) => {
    // The tRPC adapter answers with a web Response whose status and headers Fastify copies later.
    const res = payload instanceof Response ? payload : null;
    const status = res ? res.status : reply.statusCode;
    const has = res ? res.headers.has("retry-after") : reply.hasHeader("retry-after");
    if (status === 429 && !has) reply.header("Retry-After", String(DEFAULT_RETRY_AFTER_SECONDS));
    return payload;
  });
}
