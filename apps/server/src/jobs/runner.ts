import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { Prisma, type Database } from "@medianum/db";

export interface Job {
  name: string;
  /** What it does, for `pnpm medianum job list`. */
  description?: string;
  /** Minimum time between two runs, across all server instances. */
  everyMs: number;
  /** A run taking longer than this is considered crashed: another instance may take over. */
  leaseMs: number;
  run(now: Date): Promise<Prisma.InputJsonValue>;
}

export interface JobRunResult {
  /** False when another run holds the job's lease (or, on the timer, when it is not due). */
  ran: boolean;
  result?: Prisma.InputJsonValue;
  error?: string;
}

/**
 * Runs scheduled jobs with the ScheduledJob table as a lease: one instance at a time runs a
 * job (the row is claimed with a conditional UPDATE), at most once per `everyMs` across all
 * instances, and the schedule survives restarts because the last run is stored.
 */
export class JobRunner {
  readonly instanceId = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly db: Database,
    readonly jobs: readonly Job[],
    private readonly now: () => Date,
    private readonly log: { error(obj: unknown, msg?: string): void; info(obj: unknown, msg?: string): void },
    /** Told of each run of this instance (metrics). */
    private readonly onRun: (job: string, ok: boolean) => void = () => undefined,
  ) {}

  /** Claims the job's lease if it is due and free; returns false when another instance has it or it ran recently. */
  private async claim(job: Job, now: Date, force: boolean): Promise<boolean> {
    const until = new Date(now.getTime() + job.leaseMs);
    const dueBefore = new Date(now.getTime() - job.everyMs);
    await this.db.prisma.$executeRaw(Prisma.sql`INSERT INTO "ScheduledJob" (name) VALUES (${job.name}) ON CONFLICT (name) DO NOTHING`);
    const claimed = await this.db.prisma.$executeRaw(Prisma.sql`
      UPDATE "ScheduledJob" SET "lockedUntil" = ${until}, "lockedBy" = ${this.instanceId}
      WHERE name = ${job.name}
        AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
        AND (${force} OR "lastRunAt" IS NULL OR "lastRunAt" <= ${dueBefore})`);
    return claimed === 1;
  }

  /** Runs one job now if its lease is free (tests pass a clock; `force` ignores the interval, not the lease). */
  async runOnce(name: string, opts: { now?: Date; force?: boolean } = {}): Promise<JobRunResult> {
    const job = this.jobs.find((j) => j.name === name);
    if (!job) throw new Error(`unknown job ${name}`);
    const now = opts.now ?? this.now();
    if (!(await this.claim(job, now, opts.force ?? true))) return { ran: false };
    try {
      const result = await job.run(now);
      await this.db.prisma.scheduledJob.updateMany({
        where: { name: job.name, lockedBy: this.instanceId },
        data: { lastRunAt: now, lastResult: result, lockedUntil: null, lockedBy: null },
      });
      this.onRun(job.name, true);
      return { ran: true, result };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.log.error({ err, job: job.name }, `tâche planifiée ${job.name} en échec`);
      this.onRun(job.name, false);
      // Released without lastRunAt: retried at the next tick. Failures in a row are counted in the
      // row itself, shared by every instance: /api/health says "degraded" after a few.
      await this.db.prisma
        .$executeRaw(
          Prisma.sql`UPDATE "ScheduledJob" SET "lockedUntil" = NULL, "lockedBy" = NULL,
            "lastResult" = jsonb_build_object('error', ${message}::text, 'failures',
              (CASE WHEN "lastResult" ? 'error' THEN COALESCE(("lastResult"->>'failures')::int, 1) ELSE 0 END) + 1)
            WHERE name = ${job.name} AND "lockedBy" = ${this.instanceId}`,
        )
        .catch(() => undefined);
      return { ran: true, error: message };
    }
  }

  /** One pass over the jobs that are due (used by the timer). */
  async tick(): Promise<void> {
    for (const job of this.jobs) {
      if (this.stopped) return;
      await this.runOnce(job.name, { force: false }).catch((err) => this.log.error({ err, job: job.name }, "tâche planifiée"));
    }
  }

  start(tickMs = 15_000): void {
    if (this.timer || this.jobs.length === 0) return;
    this.stopped = false;
    const loop = () => {
      this.running = this.tick().finally(() => {
        if (!this.stopped) this.timer = setTimeout(loop, tickMs).unref();
      });
    };
    this.timer = setTimeout(loop, 1_000).unref();
  }

  /** Stops the timer and waits for a run in progress (graceful shutdown). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running.catch(() => undefined);
  }
}
