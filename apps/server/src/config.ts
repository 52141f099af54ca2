import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { parseTrustProxy } from "./trust-proxy.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

/** Every setting of the server, from the environment; the README lists them with these defaults. */
const envSchema = z.object({
  NODE_ENV: z.enum(["production", "development", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  /** PostgreSQL URL; without it the embedded PGlite database in DATA_DIR is used. */
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default(join(repoRoot, ".data", "pglite")),
  /** Load the demo data into an empty database. Default: yes on the embedded database, no on PostgreSQL. */
  SEED_DEMO: bool.optional(),
  /** Address people use to reach the product, for links in e-mails. */
  PUBLIC_URL: z.string().url().optional(),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 14),
  /** Behind a reverse proxy: its address(es) or the number of proxies, so X-Forwarded-For gives the real client. */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const parsed = parseTrustProxy(v);
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: "custom", message: parsed.message });
      return z.NEVER;
    }),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** SMTP server for outgoing e-mail (smtp://user:pass@host:587, smtps://…); without it mail stays in the outbox. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("Médianum <ne-pas-repondre@medianum.localhost>"),
  CANCELLATION_DEADLINE_HOURS: z.coerce.number().int().min(0).max(24 * 14).default(4),
  REMINDER_HOURS_BEFORE: z.coerce.number().int().min(1).max(24 * 14).default(48),
  REGISTRATION_RETENTION_MONTHS: z.coerce.number().int().min(1).max(60).default(6),
  /** Scheduled jobs (outbox delivery, reminders, retention) run in this process unless false. */
  JOBS_ENABLED: bool.default(true),
  /** Bearer token for /api/metrics from another machine (the machine itself needs none). */
  METRICS_TOKEN: z.string().min(24, { error: "METRICS_TOKEN doit faire au moins 24 caractères (par ex. openssl rand -hex 24)." }).optional(),
  /** ProConnect login for staff (OpenID Connect): the three together, or none. */
  PROCONNECT_ISSUER: z.url({ error: "PROCONNECT_ISSUER doit être une adresse, par ex. https://auth.agentconnect.gouv.fr/api/v2." }).optional(),
  PROCONNECT_CLIENT_ID: z.string().min(1, { error: "PROCONNECT_CLIENT_ID est vide." }).optional(),
  PROCONNECT_CLIENT_SECRET: z.string().min(16, { error: "PROCONNECT_CLIENT_SECRET doit faire au moins 16 caractères (celui donné par ProConnect)." }).optional(),
}).superRefine((e, ctx) => {
  const proconnect = ["PROCONNECT_ISSUER", "PROCONNECT_CLIENT_ID", "PROCONNECT_CLIENT_SECRET"] as const;
  const missing = proconnect.filter((k) => !e[k]);
  if (missing.length > 0 && missing.length < proconnect.length) {
    for (const k of missing) ctx.addIssue({ code: "custom", path: [k], message: `${k} manque : ProConnect demande PROCONNECT_ISSUER, PROCONNECT_CLIENT_ID et PROCONNECT_CLIENT_SECRET ensemble (ou aucune des trois).` });
  }
  if (e.NODE_ENV === "production" && e.PROCONNECT_ISSUER && !e.PROCONNECT_ISSUER.startsWith("https://")) {
    ctx.addIssue({ code: "custom", path: ["PROCONNECT_ISSUER"], message: "PROCONNECT_ISSUER doit commencer par https:// en production." });
  }
});

export type ServerConfig = ReturnType<typeof loadConfig>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Configuration invalide :\n${lines}`);
  }
  const e = parsed.data;
  return {
    environment: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    seedDemo: e.SEED_DEMO ?? !e.DATABASE_URL,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    cancellationDeadlineHours: e.CANCELLATION_DEADLINE_HOURS,
    reminderHoursBefore: e.REMINDER_HOURS_BEFORE,
    registrationRetentionMonths: e.REGISTRATION_RETENTION_MONTHS,
    jobsEnabled: e.JOBS_ENABLED,
    metricsToken: e.METRICS_TOKEN,
    proconnect:
      e.PROCONNECT_ISSUER && e.PROCONNECT_CLIENT_ID && e.PROCONNECT_CLIENT_SECRET
        ? { issuer: e.PROCONNECT_ISSUER, clientId: e.PROCONNECT_CLIENT_ID, clientSecret: e.PROCONNECT_CLIENT_SECRET }
        : null,
    appsDir: join(repoRoot, "apps"),
  };
}
