import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

// Whatever reaches the server — a broken URL, a body of the wrong type or size, a method nobody
// uses — gets a JSON answer with a French message, never a framework's English default, never a
// stack trace, and never a 500 unless something really broke on our side.

const MESSAGES: Record<number, string> = {
  400: "La demande est mal formée.",
  403: "Accès refusé.",
  404: "Page ou fichier introuvable.",
  405: "Méthode non prise en charge.",
  413: "La demande est trop volumineuse.",
  415: "Format de la demande non pris en charge : envoyez du JSON.",
  429: "Trop de demandes : patientez un peu avant de réessayer.",
};
const UNEXPECTED = "Une erreur inattendue est survenue. Réessayez dans un instant.";
const REFUSED = "La demande n'a pas pu être traitée.";

export function errorMessage(status: number): string {
  return status >= 500 ? UNEXPECTED : (MESSAGES[status] ?? REFUSED);
}

/**
 * Errors found by Fastify itself before any route runs (a URL that is not valid percent-encoded
 * UTF-8, e.g. a lone surrogate): passed as the `frameworkErrors` option.
 */
export function frameworkErrors(_error: FastifyError, _req: FastifyRequest, reply: FastifyReply) {
  void reply.code(400).header("Cache-Control", "no-store").send({ error: "L'adresse demandée est mal formée." });
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (a NUL byte or a raw control
 * character in the request line, headers too large): passed as the `clientErrorHandler` option.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket) {
  if (err.code === "ECONNRESET" || socket.destroyed) return;
  const status = err.code === "HPE_HEADER_OVERFLOW" ? 431 : err.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
  const body = JSON.stringify({ error: status === 431 ? "Les en-têtes de la demande sont trop volumineux." : status === 408 ? "La demande a pris trop de temps." : errorMessage(400) });
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }
  socket.destroy(err);
}

/**
 * The error handler, set before any plugin is registered: Fastify copies it into each plugin's
 * context at registration, so one set later would leave tRPC's route with the English default.
 */
export function registerErrorHandler(app: FastifyInstance, development: boolean) {
  app.setErrorHandler((err: Error & { statusCode?: number }, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    if (status >= 500) req.log.error(err);
    return reply.code(status).send({ error: errorMessage(status), ...(development ? { detail: err.message } : {}) });
  });
}

/** The media type of a Content-Type header, lower-cased, without parameters. */
const mediaType = (header: string | undefined) => (header ?? "").split(";")[0]!.trim().toLowerCase();

/**
 * tRPC is called with GET (queries) and POST with a JSON body (mutations), as the apps do.
 * Anything else is refused here in French: tRPC would answer in English, and its multipart
 * reading is not something the product uses or wants exposed.
 */
export function guardApiRequests(app: FastifyInstance, prefix: string) {
  app.addHook("onRequest", async (req, reply) => {
    if (!req.url.startsWith(prefix)) return;
    if (req.method !== "GET" && req.method !== "HEAD" && req.method !== "POST") {
      return reply.code(405).header("Allow", "GET, POST").send({ error: errorMessage(405) });
    }
    if (req.method === "POST" && mediaType(req.headers["content-type"]) !== "application/json") {
      return reply.code(415).send({ error: errorMessage(415) });
    }
  });
}
