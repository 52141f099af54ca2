import { createHash, timingSafeEqual } from "node:crypto";
import { appRouter, type ApiObserver } from "@medianum/api";
import { Prisma, type Database } from "@medianum/db";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** An e-mail waiting longer than this, or a job failing this many times in a row, makes the instance "degraded". */
export const OUTBOX_DELAY_DEGRADED_SECONDS = 3_600;
export const JOB_FAILURES_DEGRADED = 3;

const KNOWN_PROCEDURES = new Set(Object.keys(appRouter._def.procedures));
const TRPC_PREFIX = "/api/trpc/";

/**
 * The label of a request: each tRPC procedure by its name, other routes by their pattern. Unknown
 * names collapse into one value, so that a visitor cannot grow the series without bound.
 */
export function requestLabels(req: Pick<FastifyRequest, "url" | "routeOptions">): string[] {
  const path = req.url.split("?")[0] ?? "";
  if (path.startsWith(TRPC_PREFIX)) {
    const names = path.slice(TRPC_PREFIX.length).split(",");
    return names.map((n) => (KNOWN_PROCEDURES.has(n) ? n : "procédure inconnue"));
  }
  const route = req.routeOptions.url;
  if (route?.startsWith("/api/")) return [route];
  return [route ? "pages et fichiers" : "introuvable"];
}

/** Figures read from the database at scrape time (shared by every instance). */
export interface OutboxBacklog {
  pending: number;
  oldestAgeSeconds: number;
}

export async function readOutboxBacklog(db: Database, now: Date): Promise<OutboxBacklog> {
  const [row] = await db.prisma.$queryRaw<{ pending: bigint; oldest: Date | null }[]>(Prisma.sql`
    SELECT count(*) AS pending, min("createdAt") AS oldest FROM "OutboxEmail" WHERE status = 'pending'`);
  const oldest = row?.oldest ? Math.max(0, (now.getTime() - row.oldest.getTime()) / 1000) : 0;
  return { pending: Number(row?.pending ?? 0), oldestAgeSeconds: Math.round(oldest) };
}

/** Jobs whose last runs all failed, with how many times in a row (kept in ScheduledJob.lastResult by the runner). */
export async function readFailingJobs(db: Database): Promise<{ name: string; failures: number; error: string }[]> {
  const rows = await db.prisma.scheduledJob.findMany({ select: { name: true, lastResult: true } });
  return rows.flatMap((r) => {
    const result = r.lastResult as { error?: unknown; failures?: unknown } | null;
    if (!result || typeof result.error !== "string") return [];
    const failures = typeof result.failures === "number" ? result.failures : 1;
    return [{ name: r.name, failures, error: result.error }];
  });
}

export class ProductMetrics implements ApiObserver {
  /** Its own registry: several servers in one test process keep separate figures. */
  readonly registry = new Registry();
  private readonly duration = new Histogram({
    name: "medianum_http_request_duration_seconds",
    help: "Durée des requêtes HTTP, par procédure tRPC ou route, et classe de statut",
    labelNames: ["procedure", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly errors = new Counter({
    name: "medianum_http_errors_total",
    help: "Réponses en erreur, par classe (4xx, 5xx) et procédure",
    labelNames: ["status", "procedure"] as const,
    registers: [this.registry],
  });
  private readonly jobRuns = new Counter({
    name: "medianum_job_runs_total",
    help: "Exécutions des tâches planifiées par cette instance, par issue (ok, echec)",
    labelNames: ["job", "outcome"] as const,
    registers: [this.registry],
  });
  private readonly sync = new Counter({
    name: "medianum_sync_operations_total",
    help: "Opérations reçues des appareils, par résultat (applied, duplicate, rejected, conflict)",
    labelNames: ["status"] as const,
    registers: [this.registry],
  });

  constructor(db: Database, now: () => Date) {
    collectDefaultMetrics({ register: this.registry, prefix: "medianum_" });
    const registry = this.registry;
    new Gauge({
      name: "medianum_outbox_pending",
      help: "E-mails en attente d'envoi (toutes instances)",
      registers: [registry],
      async collect() {
        this.set((await readOutboxBacklog(db, now())).pending);
      },
    });
    new Gauge({
      name: "medianum_outbox_oldest_pending_age_seconds",
      help: "Âge du plus ancien e-mail en attente, en secondes (0 si aucun)",
      registers: [registry],
      async collect() {
        this.set((await readOutboxBacklog(db, now())).oldestAgeSeconds);
      },
    });
    new Gauge({
      name: "medianum_job_consecutive_failures",
      help: "Échecs consécutifs de chaque tâche planifiée (0 après une réussite)",
      labelNames: ["job"] as const,
      registers: [registry],
      async collect() {
        this.reset();
        for (const j of await readFailingJobs(db)) this.set({ job: j.name }, j.failures);
      },
    });
  }

  observeRequest(req: FastifyRequest, statusCode: number, seconds: number): void {
    const status = `${Math.floor(statusCode / 100)}xx`;
    for (const procedure of requestLabels(req)) {
      this.duration.observe({ procedure, status }, seconds);
      if (statusCode >= 400) this.errors.inc({ status, procedure });
    }
  }

  jobRun(job: string, ok: boolean): void {
    this.jobRuns.inc({ job, outcome: ok ? "ok" : "echec" });
  }

  syncOperations(statuses: readonly string[]): void {
    for (const status of statuses) this.sync.inc({ status });
  }
}

const sha256 = (s: string) => createHash("sha256").update(s).digest();

/** A bearer token equal to METRICS_TOKEN (compared in constant time). */
function hasToken(req: FastifyRequest, token: string | undefined): boolean {
  if (!token) return false;
  const header = req.headers.authorization ?? "";
  const given = header.startsWith("Bearer ") ? header.slice("Bearer ".length) : "";
  return given.length > 0 && timingSafeEqual(sha256(given), sha256(token));
}

/**
 * A scraper on the machine itself: the connection comes from loopback and was not forwarded by a
 * proxy (a reverse proxy on the same machine also connects from loopback, but adds these headers).
 */
function fromLocalScraper(req: FastifyRequest): boolean {
  const addr = req.socket.remoteAddress ?? "";
  const loopback = addr === "127.0.0.1" || addr === "::1" || addr === "::ffff:127.0.0.1";
  return loopback && !req.headers["x-forwarded-for"] && !req.headers.forwarded && !req.headers["x-real-ip"];
}

/** Who may read the figures behind /api/metrics and the details of /api/health. */
export function mayReadMetrics(req: FastifyRequest, token: string | undefined): boolean {
  return hasToken(req, token) || fromLocalScraper(req);
}

export function registerMetrics(app: FastifyInstance, metrics: ProductMetrics, token: string | undefined): void {
  app.addHook("onResponse", async (req, reply) => {
    if (req.url.startsWith("/api/metrics")) return;
    metrics.observeRequest(req, reply.statusCode, reply.elapsedTime / 1000);
  });
  app.get("/api/metrics", async (req, reply) => {
    if (!mayReadMetrics(req, token)) {
      return reply
        .code(403)
        .header("Cache-Control", "no-store")
        .send({ error: "Accès refusé : indiquez le jeton METRICS_TOKEN (en-tête Authorization: Bearer …) ou interrogez depuis la machine elle-même." });
    }
    return reply.header("Content-Type", metrics.registry.contentType).header("Cache-Control", "no-store").send(await metrics.registry.metrics());
  });
}
