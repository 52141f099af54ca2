import type { LightMyRequestResponse as Response } from "fastify";

// Words that only a French sentence has: enough to tell our messages from a framework's English default.
const FRENCH = /[àâçéèêëîïôûùüœ]|\b(le|la|les|de|des|du|un|une|est|pas|vous|votre|ce|cette|cet|au|aux|en|et|ou|introuvable)\b/i;
const STACK = /\bat .+:\d+:\d+|"stack"|node_modules|\.ts:\d+/;

function messagesOf(body: unknown): unknown[] {
  if (Array.isArray(body)) return body.flatMap(messagesOf);
  if (!body || typeof body !== "object") return [];
  const b = body as { error?: unknown; result?: unknown };
  if (typeof b.error === "string") return [b.error];
  const trpc = (b.error as { json?: { message?: unknown } } | undefined)?.json;
  if (trpc) return [trpc.message];
  return b.result !== undefined ? [] : [undefined];
}

/**
 * What is wrong with an answer a user or an attacker could get: a 5xx, or an error that is not
 * JSON with a French message, or that shows a stack trace. Null when the answer is acceptable.
 */
export function problemWith(res: Response): string | null {
  if (res.statusCode >= 500) return `HTTP ${res.statusCode}`;
  if (res.statusCode < 400) return null;
  if (!String(res.headers["content-type"] ?? "").includes("application/json")) return `HTTP ${res.statusCode} sans JSON (${String(res.headers["content-type"])})`;
  let body: unknown;
  try {
    body = res.json();
  } catch {
    return `HTTP ${res.statusCode} : corps JSON illisible`;
  }
  if (STACK.test(res.body)) return `HTTP ${res.statusCode} : trace de pile dans la réponse`;
  const messages = messagesOf(body);
  const notFrench = messages.find((m) => typeof m !== "string" || !FRENCH.test(m));
  if (messages.length === 0 || notFrench !== undefined) return `HTTP ${res.statusCode} : message absent ou pas en français (${JSON.stringify(notFrench)})`;
  return null;
}
