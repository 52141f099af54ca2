import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import fastifyCompress from "@fastify/compress";
import fastifyCookie from "@fastify/cookie";
import { appRouter, createContext, jsonLdScript, RateLimiter, sessionEventJsonLd, type ApiServices, type AppRouter, type MailTransport, type RequestAdapter } from "@medianum/api";
import type { Database } from "@medianum/db";
import { countOf } from "@medianum/domain";
import helmet from "helmet";
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from "@trpc/server/adapters/fastify";
import Fastify, { type FastifyReply, type FastifyRequest } from "fastify";
import { apiConfigOf, type ServerConfig } from "./config.js";
import { createMailTransport, JobRunner, productJobs } from "./jobs/index.js";
import { clientErrorHandler, frameworkErrors, guardApiRequests, registerErrorHandler } from "./http-errors.js";
import { redactUrl } from "./log-redaction.js";
import { JOB_FAILURES_DEGRADED, mayReadMetrics, OUTBOX_DELAY_DEGRADED_SECONDS, ProductMetrics, readFailingJobs, readOutboxBacklog, registerMetrics } from "./metrics.js";
import { registerNoStore } from "./no-store.js";
import { createPortalPages } from "./portal-pages.js";
import { registerStaticApps } from "./static-apps.js";
import { registerExportRoutes } from "./exports-route.js";
import { registerFeedRoutes } from "./feeds-route.js";
import { registerProConnect } from "./proconnect.js";
import { fastifyTrustProxy } from "./trust-proxy.js";
import { registerSameOriginGuard } from "./same-origin.js";
import { registerRetryAfterFallback, retryAfterHeader } from "./retry-after.js";
import { registerTrpcJsonAnswers } from "./trpc-response.js";

export interface BuildOptions {
  config: ServerConfig;
  db: Database;
  now?: () => Date;
  /** E-mail transport; default: SMTP from SMTP_URL, or none (mail stays in the outbox). Tests inject one. */
  mailTransport?: MailTransport | null;
  /** Where log lines go; default: standard output. Tests read them to check that no secret is logged. */
  logStream?: NodeJS.WritableStream;
}

declare module "fastify" {
  interface FastifyInstance {
    /** The scheduled-job runner (tests call `app.jobs.runOnce(name, { now })`). */
    jobs: JobRunner;
    metrics: ProductMetrics;
  }
}

function requestAdapter(req: FastifyRequest, reply: FastifyReply): RequestAdapter {
  return {
    ip: req.ip,
    userAgent: req.headers["user-agent"],
    getCookie: (name) => req.cookies[name],
    setCookie: (name, value, o) => void reply.setCookie(name, value, o),
    clearCookie: (name, o) => void reply.clearCookie(name, o),
  };
}

export async function buildServer({ config, db, now = () => new Date(), mailTransport, logStream }: BuildOptions) {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      serializers: {
        req: (req: FastifyRequest) => ({ method: req.method, url: redactUrl(req.url), remoteAddress: req.ip }),
      },
      ...(logStream ? { stream: logStream } : {}),
    },
    trustProxy: fastifyTrustProxy(config.trustProxy),
    // tRPC batches several procedure names into one path segment.
    routerOptions: { maxParamLength: 5000 },
    bodyLimit: 1024 * 1024,
    frameworkErrors,
    clientErrorHandler,
  });
  // No stack trace or internal message ever reaches a visitor outside development.
  registerErrorHandler(app, config.environment === "development");

  // Helmet's headers, worked out once: they depend on these options only (no nonce), and
  // @fastify/helmet built helmet's middleware again on every request (parsing the policy each time
  // was about 4 % of a booking's CPU). Every answer gets them.
  const securityHeaders = headersOf(helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        manifestSrc: ["'self'"],
        workerSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.environment === "production" ? [] : null,
      },
    },
    // Served over plain HTTP on a laptop by `npm start`: HSTS only in production.
    hsts: config.environment === "production",
  }));
  app.addHook("onRequest", (_req, reply, done) => {
    reply.headers(securityHeaders);
    done();
  });
  registerTrpcJsonAnswers(app);
  await app.register(fastifyCompress, { global: true, threshold: 1024 });
  await app.register(fastifyCookie);
  // Before any route is registered, so that they all inherit these hooks.
  registerSameOriginGuard(app, config.publicUrl);
  guardApiRequests(app, "/api/trpc/");
  registerRetryAfterFallback(app);
  registerNoStore(app);
  const metrics = new ProductMetrics(db, now);
  app.decorate("metrics", metrics);
  registerMetrics(app, metrics, config.metricsToken);

  const services: ApiServices = {
    db,
    config: apiConfigOf(config),
    rateLimiter: new RateLimiter(db.raw),
    now,
    observer: metrics,
  };

  await app.register(fastifyTRPCPlugin, {
    prefix: "/api/trpc",
    trpcOptions: {
      router: appRouter,
      createContext: ({ req, res }) => createContext(services, requestAdapter(req, res)),
      responseMeta: ({ errors }) => ({ headers: { ...retryAfterHeader(errors) } }),
    } satisfies FastifyTRPCPluginOptions<AppRouter>["trpcOptions"],
  });

  registerExportRoutes(app, services, requestAdapter);
  registerFeedRoutes(app, services, config.embedAllowedOrigins);
  registerProConnect(app, { settings: config.proconnect, publicUrl: config.publicUrl, secureCookies: config.environment === "production", services, adapter: requestAdapter });

  // "degraded": the instance answers, but e-mails are stuck (SMTP configured and the oldest has
  // waited over an hour) or a scheduled job keeps failing. Still 200: a load balancer keeps it. The why
  // (backlog, job names) only for those who may read the metrics: a visitor learns the status alone.
  app.get("/api/health", async (req, reply) => {
    const ok = await db.ping();
    if (!ok) return reply.code(503).header("Cache-Control", "no-store").send({ status: "unavailable", database: "unreachable" });
    const [backlog, failing] = await Promise.all([readOutboxBacklog(db, now()), readFailingJobs(db)]);
    const problems: string[] = [];
    if (config.smtpUrl && backlog.oldestAgeSeconds > OUTBOX_DELAY_DEGRADED_SECONDS) {
      problems.push(`${countOf(backlog.pending, "e-mail")} en attente, le plus ancien depuis ${Math.round(backlog.oldestAgeSeconds / 60)} min`);
    }
    for (const j of failing.filter((f) => f.failures >= JOB_FAILURES_DEGRADED)) problems.push(`tâche ${j.name} en échec ${j.failures} fois de suite`);
    const status = problems.length ? "degraded" : "ok";
    const details = mayReadMetrics(req, config.metricsToken) ? { outbox: backlog, ...(problems.length ? { problems } : {}) } : {};
    return reply.code(200).header("Cache-Control", "no-store").send({ status, database: "ok", ...details });
  });

  // Scheduled jobs (e-mail delivery, reminders, retention): started once listening, stopped on close.
  const transport = mailTransport === undefined ? createMailTransport(config) : mailTransport;
  const jobs = new JobRunner(db, productJobs(db, config, services.config, transport, services.rateLimiter, app.log), now, app.log, (job, ok) => metrics.jobRun(job, ok));
  app.decorate("jobs", jobs);
  if (config.jobsEnabled) app.addHook("onListen", async () => jobs.start());
  app.addHook("onClose", async () => {
    await jobs.stop();
    transport?.close?.();
  });

  await registerStaticApps(app, config.appsDir, {
    portalPages: await createPortalPages(join(config.appsDir, "portal", "dist"), services),
    sessionHead: async (id) => {
      const event = await sessionEventJsonLd(db.prisma, id, now(), services.config.publicUrl);
      return event ? jsonLdScript(event) : null;
    },
  });
  return app;
}

/** The headers a helmet middleware sets, recorded once on a stand-in response. */
function headersOf(middleware: ReturnType<typeof helmet>): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name] = Array.isArray(value) ? value.join(", ") : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name];
    },
  };
  middleware({} as IncomingMessage, res as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  return headers;
}
