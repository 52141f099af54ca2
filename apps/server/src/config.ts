import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { DEFAULT_MAIL_FROM, readDkimKey, type ApiConfig } from "@medianum/api";
import { parseTrustProxy } from "./trust-proxy.js";

// Same depth from src/config.ts (tsx) and from dist/main.js (the built server).
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

const bool = z.enum(["true", "false", "1", "0", "yes", "no"]).transform((v) => v === "true" || v === "1" || v === "yes");
const int = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
const urlWithScheme = (schemes: string[]) =>
  z
    .string()
    .trim()
    .refine((v) => {
      try {
        const u = new URL(v);
        return schemes.includes(u.protocol.replace(/:$/, "")) && u.hostname !== "";
      } catch {
        return false;
      }
    });
/**
 * Sites allowed to show the embeddable catalogue (/integration) in a frame: origins (scheme, host,
 * optional port; no path) separated by commas or spaces. https only in production: a partner page
 * over http could be altered on the way. The host is checked letter by letter: the origin goes
 * into a CSP header, where « ; » would start another directive.
 */
const originList = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const items = (v ?? "").split(/[\s,]+/).filter(Boolean);
    const origins: string[] = [];
    for (const item of items) {
      let u: URL | null = null;
      try {
        u = new URL(item);
      } catch {
        u = null;
      }
      const clean = u && (u.protocol === "https:" || u.protocol === "http:") && /^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/.test(u.hostname) && !u.username && !u.password && (u.pathname === "/" || u.pathname === "") && !u.search && !u.hash && !item.endsWith("/");
      if (!u || !clean) {
        ctx.addIssue({
          code: "custom",
          message: `« ${item} » n'est pas une origine : écrivez le schéma et le nom du site seulement, sans chemin ni barre finale (par ex. https://www.mairie-agen.fr).`,
          params: { explained: true },
        });
        return z.NEVER;
      }
      if (!origins.includes(u.origin)) origins.push(u.origin);
    }
    return origins;
  });

/** "Name <address>" or a bare address, as nodemailer takes it. */
const mailbox = z
  .string()
  .trim()
  .refine((v) => {
    const address = /<([^<>]+)>\s*$/.exec(v)?.[1] ?? v;
    return z.email().safeParse(address.trim()).success;
  });

/**
 * Every setting of the server, from the environment, with what an operator should write when a value
 * is refused (the README lists them with these defaults). Empty values count as unset, as in
 * systemd environment files that keep `SMTP_URL=` for later.
 */
const variables = {
  NODE_ENV: { schema: z.enum(["production", "development", "test"]).default("development"), expected: "production, development ou test" },
  PORT: { schema: int(0, 65535).default(3000), expected: "un numéro de port entier de 0 à 65535" },
  HOST: { schema: z.string().trim().min(1).default("0.0.0.0"), expected: "une adresse d'écoute (0.0.0.0, 127.0.0.1, ::)" },
  /** PostgreSQL URL; without it the embedded PGlite database in DATA_DIR is used. */
  DATABASE_URL: { schema: urlWithScheme(["postgresql", "postgres"]).optional(), expected: "une URL postgresql://utilisateur:motdepasse@hôte:5432/base" },
  DATA_DIR: { schema: z.string().trim().min(1).default(join(repoRoot, ".data", "pglite")), expected: "le chemin d'un dossier" },
  /** Load the demo data into an empty database. Default: yes on the embedded database, no on PostgreSQL. */
  SEED_DEMO: { schema: bool.optional(), expected: "true ou false" },
  /** Address people use to reach the product, for links in e-mails. */
  PUBLIC_URL: { schema: urlWithScheme(["http", "https"]).optional(), expected: "l'adresse publique du service, par ex. https://medianum.exemple.fr" },
  SESSION_TTL_HOURS: { schema: int(1, 24 * 90).default(24 * 14), expected: `un nombre d'heures entier de 1 à ${24 * 90}` },
  /** Behind a reverse proxy: its address(es) or the number of proxies, so X-Forwarded-For gives the real client. */
  TRUST_PROXY: {
    schema: z
      .string()
      .optional()
      .transform((v, ctx) => {
        const parsed = parseTrustProxy(v);
        if (parsed.ok) return parsed.value;
        ctx.addIssue({ code: "custom", message: parsed.message, params: { explained: true } });
        return z.NEVER;
      }),
    expected: "false, l'adresse du proxy inverse (127.0.0.1) ou leur nombre (1)",
  },
  LOG_LEVEL: { schema: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"), expected: "fatal, error, warn, info, debug, trace ou silent" },
  /** SMTP server for outgoing e-mail (smtp://user:pass@host:587, smtps://…); without it mail stays in the outbox. */
  SMTP_URL: { schema: urlWithScheme(["smtp", "smtps"]).optional(), expected: "une URL smtp://utilisateur:motdepasse@smtp.exemple.fr:587 ou smtps://…:465" },
  MAIL_FROM: { schema: mailbox.optional(), expected: "un expéditeur, par ex. « Médianum <ne-pas-repondre@exemple.fr> »" },
  /** Where answers go when the message names no one (a workshop's contact is used when it has one). */
  MAIL_REPLY_TO: { schema: mailbox.optional(), expected: "une adresse lue par l'équipe, par ex. « Conseillers numériques <conseillers-numeriques@exemple.fr> »" },
  /** DKIM signing of outgoing e-mail: the three together (the key as text or as a file), or none. */
  DKIM_DOMAIN: { schema: z.string().trim().toLowerCase().regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/).optional(), expected: "le domaine qui signe, celui de MAIL_FROM (par ex. exemple.fr)" },
  DKIM_SELECTOR: { schema: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/).optional(), expected: "le sélecteur publié dans le DNS (<sélecteur>._domainkey.<domaine>), par ex. medianum2026" },
  DKIM_PRIVATE_KEY: { schema: z.string().trim().includes("PRIVATE KEY").optional(), expected: "la clé privée PEM (-----BEGIN PRIVATE KEY----- …, \\n pour les retours à la ligne)" },
  DKIM_PRIVATE_KEY_FILE: { schema: z.string().trim().min(1).optional(), expected: "le chemin du fichier de la clé privée PEM" },
  CANCELLATION_DEADLINE_HOURS: { schema: int(0, 24 * 14).default(4), expected: `un nombre d'heures entier de 0 à ${24 * 14}` },
  REMINDER_HOURS_BEFORE: { schema: int(1, 24 * 14).default(48), expected: `un nombre d'heures entier de 1 à ${24 * 14}` },
  REGISTRATION_RETENTION_MONTHS: { schema: int(1, 60).default(6), expected: "un nombre de mois entier de 1 à 60" },
  /** Scheduled jobs (outbox delivery, reminders, retention) run in this process unless false. */
  JOBS_ENABLED: { schema: bool.default(true), expected: "true ou false" },
  /** Bearer token for /api/metrics from another machine (the machine itself needs none). */
  METRICS_TOKEN: { schema: z.string().trim().min(24).optional(), expected: "un jeton d'au moins 24 caractères (par ex. openssl rand -hex 24)" },
  /** ProConnect login for staff (OpenID Connect): the three together, or none. */
  PROCONNECT_ISSUER: { schema: urlWithScheme(["http", "https"]).optional(), expected: "une adresse, par ex. https://auth.agentconnect.gouv.fr/api/v2" },
  PROCONNECT_CLIENT_ID: { schema: z.string().trim().min(1).optional(), expected: "l'identifiant donné par ProConnect" },
  PROCONNECT_CLIENT_SECRET: { schema: z.string().trim().min(16).optional(), expected: "le secret donné par ProConnect (16 caractères au moins)" },
  /** Partner sites that may frame the embeddable catalogue (/integration); none by default. */
  EMBED_ALLOWED_ORIGINS: { schema: originList, expected: "des origines séparées par des virgules, par ex. https://www.college-exemple.fr,https://www.mairie-agen.fr" },
} as const;

type Variables = typeof variables;
type Name = keyof Variables;
const names = Object.keys(variables) as Name[];

const envSchema = z.object(Object.fromEntries(names.map((n) => [n, variables[n].schema])) as { [K in Name]: Variables[K]["schema"] });

/** Settings that only make sense together, and those production needs (a missing value would not fail, it would quietly do the wrong thing). */
function productionProblems(env: Partial<Record<Name, string>>): string[] {
  const problems: string[] = [];
  const proconnect = ["PROCONNECT_ISSUER", "PROCONNECT_CLIENT_ID", "PROCONNECT_CLIENT_SECRET"] as const;
  const missing = proconnect.filter((k) => !env[k]);
  if (missing.length > 0 && missing.length < proconnect.length) {
    for (const k of missing) problems.push(`${k} manque : ProConnect demande PROCONNECT_ISSUER, PROCONNECT_CLIENT_ID et PROCONNECT_CLIENT_SECRET ensemble (ou aucune des trois).`);
  }
  const dkimKey = env.DKIM_PRIVATE_KEY || env.DKIM_PRIVATE_KEY_FILE;
  const dkimParts = [env.DKIM_DOMAIN, env.DKIM_SELECTOR, dkimKey].filter(Boolean).length;
  if (dkimParts > 0 && dkimParts < 3) {
    problems.push("DKIM : DKIM_DOMAIN, DKIM_SELECTOR et la clé (DKIM_PRIVATE_KEY ou DKIM_PRIVATE_KEY_FILE) vont ensemble, ou aucun des trois.");
  }
  if (env.DKIM_PRIVATE_KEY && env.DKIM_PRIVATE_KEY_FILE) problems.push("DKIM : indiquez la clé par DKIM_PRIVATE_KEY ou par DKIM_PRIVATE_KEY_FILE, pas les deux.");
  if (env.DKIM_DOMAIN) {
    const fromDomain = domainOf(env.MAIL_FROM ?? DEFAULT_MAIL_FROM);
    const d = env.DKIM_DOMAIN.trim().toLowerCase();
    // DMARC only counts a signature of the sender's domain (or a parent of it).
    if (fromDomain !== d && !fromDomain.endsWith(`.${d}`)) {
      problems.push(`DKIM_DOMAIN=« ${env.DKIM_DOMAIN} » ne correspond pas au domaine de l'expéditeur MAIL_FROM (${fromDomain}) : les serveurs de réception ignoreraient la signature.`);
    }
  }
  if (env.NODE_ENV !== "production") return problems;
  if (env.PROCONNECT_ISSUER && !env.PROCONNECT_ISSUER.trim().startsWith("https://")) {
    problems.push("PROCONNECT_ISSUER doit commencer par https:// en production.");
  }
  for (const item of (env.EMBED_ALLOWED_ORIGINS ?? "").split(/[\s,]+/).filter(Boolean)) {
    if (item.startsWith("http://")) problems.push(`EMBED_ALLOWED_ORIGINS : « ${item} » doit commencer par https:// en production (une page en http peut être modifiée en chemin).`);
  }
  if (!env.PUBLIC_URL) {
    problems.push(
      "PUBLIC_URL : obligatoire en production, l'adresse publique du service (par ex. PUBLIC_URL=https://medianum.exemple.fr) ; sans elle, les liens des e-mails mèneraient à localhost.",
    );
  }
  if (env.SMTP_URL && !env.MAIL_FROM) {
    problems.push('MAIL_FROM : obligatoire quand SMTP_URL est défini, l\'expéditeur des e-mails (par ex. MAIL_FROM="Médianum <ne-pas-repondre@exemple.fr>").');
  }
  if (env.SMTP_URL && !env.MAIL_REPLY_TO) {
    problems.push(
      'MAIL_REPLY_TO : obligatoire quand SMTP_URL est défini, l\'adresse où arrivent les réponses des familles et des collèges quand l\'atelier n\'a pas de contact (par ex. MAIL_REPLY_TO="conseillers-numeriques@exemple.fr") ; sans elle, ils écriraient à une adresse que personne ne lit.',
    );
  }
  return problems;
}

/** The PEM key, from the variable (with \\n for line breaks, as env files keep one line) or from the file. */
function dkimKey(value: string | undefined, file: string | undefined): string {
  let key: string;
  try {
    key = readDkimKey(value, file) ?? "";
  } catch {
    throw new ConfigError([`DKIM_PRIVATE_KEY_FILE=« ${file} » : fichier illisible ; indiquez le chemin d'une clé privée PEM lisible par le serveur.`]);
  }
  if (!key.includes("PRIVATE KEY")) throw new ConfigError([`DKIM_PRIVATE_KEY_FILE=« ${file} » : ce fichier ne contient pas de clé privée PEM (-----BEGIN PRIVATE KEY-----).`]);
  return key;
}

function domainOf(mailbox: string): string {
  const address = /<([^<>]+)>\s*$/.exec(mailbox)?.[1] ?? mailbox;
  return (address.split("@").pop() ?? "").trim().toLowerCase();
}

/** A refused configuration: one French line per problem, naming the variable to set. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration invalide :\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

function describe(issue: z.core.$ZodIssue, env: Record<string, string | undefined>): string {
  const name = String(issue.path[0] ?? "");
  if (issue.code === "custom" && issue.params?.["explained"]) return `${name} : ${issue.message}`;
  const expected = name in variables ? variables[name as Name].expected : issue.message;
  return `${name}=« ${env[name] ?? ""} » refusé : attendu ${expected}.`;
}

export type ServerConfig = ReturnType<typeof loadConfig>;

/** Reads and checks the whole configuration; throws a ConfigError listing every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const present: Partial<Record<Name, string>> = Object.fromEntries(names.map((n) => [n, env[n]?.trim() === "" ? undefined : env[n]]));
  const parsed = envSchema.safeParse(present);
  const problems = [...(parsed.success ? [] : parsed.error.issues.map((i) => describe(i, present))), ...productionProblems(present)];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const dkim = e.DKIM_DOMAIN && e.DKIM_SELECTOR ? { domainName: e.DKIM_DOMAIN, keySelector: e.DKIM_SELECTOR, privateKey: dkimKey(e.DKIM_PRIVATE_KEY, e.DKIM_PRIVATE_KEY_FILE) } : null;
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
    mailFrom: e.MAIL_FROM ?? DEFAULT_MAIL_FROM,
    mailReplyTo: e.MAIL_REPLY_TO,
    dkim,
    cancellationDeadlineHours: e.CANCELLATION_DEADLINE_HOURS,
    reminderHoursBefore: e.REMINDER_HOURS_BEFORE,
    registrationRetentionMonths: e.REGISTRATION_RETENTION_MONTHS,
    jobsEnabled: e.JOBS_ENABLED,
    metricsToken: e.METRICS_TOKEN,
    proconnect:
      e.PROCONNECT_ISSUER && e.PROCONNECT_CLIENT_ID && e.PROCONNECT_CLIENT_SECRET
        ? { issuer: e.PROCONNECT_ISSUER, clientId: e.PROCONNECT_CLIENT_ID, clientSecret: e.PROCONNECT_CLIENT_SECRET }
        : null,
    embedAllowedOrigins: e.EMBED_ALLOWED_ORIGINS,
    appsDir: join(repoRoot, "apps"),
  };
}

/** What the API needs of the configuration (the server and the operator's commands alike). */
export function apiConfigOf(config: ServerConfig): ApiConfig {
  return {
    environment: config.environment,
    sessionTtlHours: config.sessionTtlHours,
    publicUrl: config.publicUrl.replace(/\/$/, ""),
    cancellationDeadlineHours: config.cancellationDeadlineHours,
    reminderHoursBefore: config.reminderHoursBefore,
    registrationRetentionMonths: config.registrationRetentionMonths,
    smtpConfigured: !!config.smtpUrl,
    mailFrom: config.mailFrom,
  };
}

/** Only where the database is, for the operator's commands (backup, restore), which need nothing else. */
export function loadDatabaseConfig(env: NodeJS.ProcessEnv = process.env): { databaseUrl?: string; dataDir: string } {
  const blankless = (n: Name) => (env[n]?.trim() === "" ? undefined : env[n]);
  const parsed = z.object({ DATABASE_URL: variables.DATABASE_URL.schema, DATA_DIR: variables.DATA_DIR.schema }).safeParse({
    DATABASE_URL: blankless("DATABASE_URL"),
    DATA_DIR: blankless("DATA_DIR"),
  });
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => describe(i, env)));
  return parsed.data.DATABASE_URL ? { databaseUrl: parsed.data.DATABASE_URL, dataDir: parsed.data.DATA_DIR } : { dataDir: parsed.data.DATA_DIR };
}
