import type { Database } from "@medianum/db";
import { createTestDatabase } from "@medianum/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { jobCommand } from "../src/jobs/command.js";

// `pnpm medianum job …` on a real database: a job run by hand does its work, records its run
// like the servers' timers, and never runs while another run holds the job's lease.

let db: Database;
const clock = { now: new Date("2026-11-25T10:00:00Z") };

async function command(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await jobCommand(args, { db, config: loadConfig({}), transport: null, out: (l) => out.push(l), err: (l) => err.push(l), now: () => clock.now });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** Two rate-limit counters: one expired (the sweep deletes it), one still counting. */
async function counters() {
  await db.prisma.rateLimitCounter.deleteMany();
  await db.prisma.rateLimitCounter.createMany({
    data: [
      { key: "login:ip:192.0.2.1", count: 3, resetAt: new Date(clock.now.getTime() - 60_000) },
      { key: "login:ip:192.0.2.2", count: 1, resetAt: new Date(clock.now.getTime() + 60_000) },
    ],
  });
}
const keysLeft = async () => (await db.prisma.rateLimitCounter.findMany({ orderBy: { key: "asc" } })).map((c) => c.key);

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

describe("pnpm medianum job", () => {
  it("lists the scheduled jobs with what they do and when they last ran", async () => {
    const res = await command("list");
    expect(res.code).toBe(0);
    for (const name of ["booking-reminders", "registration-retention", "college-retention", "rate-limit-sweep", "sync-receipts-retention"]) expect(res.out).toContain(name);
    // Without SMTP_URL there is no delivery job to run.
    expect(res.out).not.toContain("outbox-delivery");
    expect(res.out).toMatch(/rate-limit-sweep\s+supprime les compteurs de limitation expirés — jamais passée/);
  });

  it("runs one job now and records the run as the servers' timers do", async () => {
    await counters();
    const res = await command("run", "rate-limit-sweep");
    expect(res).toMatchObject({ code: 0, err: "" });
    expect(res.out).toBe('Tâche rate-limit-sweep terminée : {"deleted":1}');
    expect(await keysLeft()).toEqual(["login:ip:192.0.2.2"]);
    const row = await db.prisma.scheduledJob.findUniqueOrThrow({ where: { name: "rate-limit-sweep" } });
    expect(row).toMatchObject({ lastRunAt: clock.now, lockedUntil: null, lockedBy: null, lastResult: { deleted: 1 } });
    expect((await command("list")).out).toMatch(/rate-limit-sweep .* dernier passage le 25\/11\/2026 11:00:00/);
  });

  it("refuses to run while another run holds the lease, says so in French and exits non-zero; runs once the lease has expired", async () => {
    await counters();
    const until = new Date(clock.now.getTime() + 5 * 60_000);
    await db.prisma.scheduledJob.update({ where: { name: "rate-limit-sweep" }, data: { lockedUntil: until, lockedBy: "serveur-1:4242:a1b2c3" } });

    const held = await command("run", "rate-limit-sweep");
    expect(held.code).toBe(1);
    expect(held.out).toBe("");
    expect(held.err).toBe(
      "La tâche rate-limit-sweep est déjà en cours par serveur-1:4242:a1b2c3 jusqu'au 25/11/2026 11:05:00 au plus tard : elle n'a pas été lancée une seconde fois. Réessayez quand elle sera finie.",
    );
    // Nothing ran: the expired counter is still there and the holder keeps its lease.
    expect(await keysLeft()).toEqual(["login:ip:192.0.2.1", "login:ip:192.0.2.2"]);
    expect(await db.prisma.scheduledJob.findUniqueOrThrow({ where: { name: "rate-limit-sweep" } })).toMatchObject({ lockedBy: "serveur-1:4242:a1b2c3" });

    // The holder crashed: once its lease is past, the job can be run by hand.
    clock.now = new Date(until.getTime() + 1_000);
    const res = await command("run", "rate-limit-sweep");
    expect(res.code).toBe(0);
    expect(await keysLeft()).toEqual([]);
  });

  it("names the jobs when asked for an unknown one, and shows the usage without a name", async () => {
    const unknown = await command("run", "retention");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^Tâche inconnue : « retention »\. Tâches possibles : booking-reminders, registration-retention, college-retention/);
    const outbox = await command("run", "outbox-delivery");
    expect(outbox.err).toContain("n'existe que si SMTP_URL est défini");
    expect((await command("run")).code).toBe(2);
  });
});
