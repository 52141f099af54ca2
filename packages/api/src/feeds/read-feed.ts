import { countOf, feedFilters, feedFormats, type FeedFormat } from "@medianum/domain";
import type { ApiServices } from "../context.js";
import { RATE_LIMITS } from "../shared/rate-limit.js";
import { feedCsv, feedIcs, feedJson } from "./feed-formats.js";
import { listFeedSessions } from "./list-feed-sessions.js";

export type FeedAnswer =
  | { ok: true; contentType: string; fileName: string; body: string }
  | { ok: false; status: 400 | 404 | 429; message: string; fieldErrors?: Record<string, string[]>; retryAfterSeconds?: number };

const CONTENT_TYPES: Record<FeedFormat, string> = {
  ics: "text/calendar; charset=utf-8",
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
};

/**
 * A public feed of the catalogue (GET /api/feeds/ateliers.{ics,json,csv}?commune=&epci=&theme=):
 * the filters checked with a French message, a per-address limit (calendars refresh a few times
 * a day, a partner's server a little more; a loop is stopped), then the listing in the format asked.
 */
export async function readFeed(services: Pick<ApiServices, "db" | "rateLimiter" | "now" | "config">, ip: string, format: string, query: unknown): Promise<FeedAnswer> {
  if (!(feedFormats as readonly string[]).includes(format)) {
    return { ok: false, status: 404, message: `Ce flux n'existe pas : les formats proposés sont ${feedFormats.map((f) => `ateliers.${f}`).join(", ")}.` };
  }
  const f = feedFilters.safeParse(query);
  if (!f.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const i of f.error.issues) (fieldErrors[i.path.join(".") || "_"] ??= []).push(i.message);
    return { ok: false, status: 400, message: `Filtre à corriger : ${f.error.issues.map((i) => i.message).join(" ")}`, fieldErrors };
  }
  const wait = await services.rateLimiter.hit(`feeds:ip:${ip}`, RATE_LIMITS.publicFeedsPerIp);
  if (wait > 0) return { ok: false, status: 429, message: `Trop de demandes depuis cette adresse : réessayez dans ${countOf(Math.ceil(wait / 60), "minute")}.`, retryAfterSeconds: wait };
  const now = services.now();
  const sessions = await listFeedSessions(services.db.prisma, f.data, now, services.config.publicUrl);
  const kind = format as FeedFormat;
  const body = kind === "ics" ? feedIcs(sessions) : kind === "json" ? feedJson(sessions, now) : feedCsv(sessions);
  return { ok: true, contentType: CONTENT_TYPES[kind], fileName: `ateliers.${kind}`, body };
}
