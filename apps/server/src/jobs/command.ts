import { RateLimiter, type MailTransport } from "@medianum/api";
import type { Database } from "@medianum/db";
import { apiConfigOf, type ServerConfig } from "../config.js";
import { productJobs } from "./index.js";
import { JobRunner, type Job } from "./runner.js";

export interface JobCommandContext {
  db: Database;
  config: ServerConfig;
  transport: MailTransport | null;
  out(line: string): void;
  err(line: string): void;
  now?: () => Date;
}

const parisTime = (d: Date) => d.toLocaleString("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "medium" });

export const JOB_USAGE = `  pnpm medianum job list            les tâches planifiées, leur dernier passage et leur verrou
  pnpm medianum job run <tâche>     lance une tâche planifiée maintenant (avec le même verrou que le serveur)`;

/**
 * `pnpm medianum job list | run <name>`: the scheduled jobs by hand. A run takes the job's lease
 * in the ScheduledJob table exactly as the servers' timers do, so it never runs beside another
 * run of the same job, here or on a server; when the lease is held, nothing runs and the exit
 * code says so. Returns the process exit code: 0 done, 1 lease held or the job failed, 2 usage.
 */
export async function jobCommand(args: string[], ctx: JobCommandContext): Promise<number> {
  const [sub, name] = args;
  const now = ctx.now ?? (() => new Date());
  const log = {
    info: () => undefined,
    warn: (obj: Record<string, unknown>, msg: string) => ctx.err(`${msg} (${JSON.stringify(obj)})`),
    error: (_obj: unknown, msg?: string) => ctx.err(msg ?? "erreur"),
  };
  const jobs = productJobs(ctx.db, ctx.config, apiConfigOf(ctx.config), ctx.transport, new RateLimiter(ctx.db.raw, () => now().getTime()), log);
  if (sub === "list" && !name) return list(jobs, ctx);
  if (sub !== "run" || !name) {
    ctx.err(`usage :\n${JOB_USAGE}`);
    return 2;
  }
  const job = jobs.find((j) => j.name === name);
  if (!job) {
    const smtp = name === "outbox-delivery" ? " (l'envoi des e-mails n'existe que si SMTP_URL est défini)" : "";
    ctx.err(`Tâche inconnue : « ${name} »${smtp}. Tâches possibles : ${jobs.map((j) => j.name).join(", ")}.`);
    return 2;
  }
  const runner = new JobRunner(ctx.db, jobs, now, log);
  const res = await runner.runOnce(job.name, { force: true });
  if (!res.ran) {
    const row = await ctx.db.prisma.scheduledJob.findUnique({ where: { name: job.name } });
    const holder = row?.lockedBy ? ` par ${row.lockedBy}` : "";
    const until = row?.lockedUntil ? ` jusqu'au ${parisTime(row.lockedUntil)} au plus tard` : "";
    ctx.err(`La tâche ${job.name} est déjà en cours${holder}${until} : elle n'a pas été lancée une seconde fois. Réessayez quand elle sera finie.`);
    return 1;
  }
  if (res.error !== undefined) {
    ctx.err(`La tâche ${job.name} a échoué : ${res.error}`);
    return 1;
  }
  ctx.out(`Tâche ${job.name} terminée : ${JSON.stringify(res.result)}`);
  return 0;
}

async function list(jobs: Job[], ctx: JobCommandContext): Promise<number> {
  const rows = new Map((await ctx.db.prisma.scheduledJob.findMany()).map((r) => [r.name, r]));
  const at = (ctx.now ?? (() => new Date()))();
  for (const j of jobs) {
    const r = rows.get(j.name);
    const last = r?.lastRunAt ? `dernier passage le ${parisTime(r.lastRunAt)}` : "jamais passée";
    const running = r?.lockedUntil && r.lockedUntil > at ? `, en cours (${r.lockedBy ?? "?"})` : "";
    ctx.out(`${j.name.padEnd(24)} ${j.description ?? ""} — ${last}${running}`);
  }
  return 0;
}
