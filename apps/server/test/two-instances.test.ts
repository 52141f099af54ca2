import { randomBytes } from "node:crypto";
import { hashPassword } from "@medianum/api";
import { openDatabase, type Database } from "@medianum/db";
import { seedDemo } from "@medianum/db/seed";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../src/app.js";
import { loadConfig } from "../src/config.js";

// Two server instances on one PostgreSQL database, each with its own connection pool, as two
// processes behind a load balancer would be: same data, each scheduled job run once, one set of limits.

const adminUrl = process.env.TEST_DATABASE_URL;
type App = Awaited<ReturnType<typeof buildServer>>;
// outbox-delivery is registered only with a mail transport (none here); it takes the same lease.
const JOBS = ["booking-reminders", "registration-retention", "college-retention", "rate-limit-sweep", "sync-receipts-retention"];

describe.skipIf(!adminUrl)("two instances on one PostgreSQL", () => {
  const name = `medianum_two_${randomBytes(5).toString("hex")}`;
  let admin: Database;
  const dbs: Database[] = [];
  let a: App;
  let b: App;

  beforeAll(async () => {
    admin = await openDatabase({ url: adminUrl!, poolSize: 1 });
    await admin.sql.exec(`CREATE DATABASE "${name}"`);
    const url = new URL(adminUrl!);
    url.pathname = `/${name}`;
    for (let i = 0; i < 2; i++) dbs.push(await openDatabase({ url: url.toString() }));
    // Both start as the server does: migrations under the migrator's lock, demo data once.
    expect((await Promise.all(dbs.map((d) => d.migrate()))).map((m) => m.length > 0).sort()).toEqual([false, true]);
    await seedDemo(dbs[0]!.prisma, { hashPassword });
    expect((await seedDemo(dbs[1]!.prisma, { hashPassword })).seeded).toBe(false);
    const config = loadConfig({ NODE_ENV: "production", LOG_LEVEL: "silent", PUBLIC_URL: "http://localhost:3000", JOBS_ENABLED: "false" });
    const [first, second] = await Promise.all(dbs.map((db) => buildServer({ config, db, mailTransport: null })));
    a = first!;
    b = second!;
  }, 300_000);

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    for (const d of dbs) await d.close();
    await admin?.sql.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin?.close();
  });

  function login(app: App, email: string, password: string) {
    return app.inject({
      method: "POST",
      url: "/api/trpc/auth.login",
      remoteAddress: "203.0.113.7",
      headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" },
      payload: JSON.stringify(superjson.serialize({ email, password })),
    });
  }

  it("a session opened on one instance is recognised by the other", async () => {
    const res = await login(a, "admin@medianum.test", "medianum-demo");
    expect(res.statusCode).toBe(200);
    const cookie = [res.headers["set-cookie"]].flat().map((c) => String(c).split(";")[0]).join("; ");
    const me = await b.inject({ method: "GET", url: "/api/trpc/auth.me", headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.body).toContain("admin@medianum.test");
  });

  it("runs each scheduled job once when both instances reach it at the same moment", async () => {
    const now = new Date();
    for (const job of JOBS) {
      const runs = await Promise.all([a.jobs.runOnce(job, { now, force: false }), b.jobs.runOnce(job, { now, force: false })]);
      expect(runs.filter((r) => r.ran), job).toHaveLength(1);
      // And not again on the other instance right after: the interval is shared too.
      expect((await b.jobs.runOnce(job, { now, force: false })).ran, job).toBe(false);
      expect((await a.jobs.runOnce(job, { now, force: false })).ran, job).toBe(false);
    }
  }, 120_000);

  it("shares the login limit: failures counted on one instance block on the other", async () => {
    const email = "coordination@medianum.test";
    for (let i = 0; i < 3; i++) expect((await login(a, email, "pas-le-bon")).statusCode).toBe(401);
    for (let i = 0; i < 2; i++) expect((await login(b, email, "pas-le-bon")).statusCode).toBe(401);
    expect((await login(a, email, "pas-le-bon")).statusCode).toBe(429);
    expect((await login(b, email, "medianum-demo")).statusCode).toBe(429);
  }, 60_000);
});
