import { randomUUID } from "node:crypto";
import { hashPassword } from "@medianum/api";
import type { Database } from "@medianum/db";
import { createTestDatabase } from "@medianum/db/testing";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { JobRunner } from "../src/jobs/runner.js";
import { fakeApps } from "./support/fake-apps.js";

// What an operator's Prometheus scrapes, and what /api/health says when e-mails are stuck or a job
// keeps failing: figures moved by real requests, a real sync batch and real job runs.

const TOKEN = "un-jeton-de-supervision-assez-long";
const clock = { now: new Date("2026-11-25T10:00:00Z") };
let db: Database;
let app: Awaited<ReturnType<typeof buildServer>>;
let placeId: string;

const json = (input: unknown) => JSON.stringify(superjson.serialize(input));

async function scrape(): Promise<string> {
  const res = await app.inject({ url: "/api/metrics", headers: { authorization: `Bearer ${TOKEN}` }, remoteAddress: "198.51.100.7" });
  expect(res.statusCode).toBe(200);
  return res.body;
}

/** The value of one series, or 0 when Prometheus would not list it yet. */
function value(body: string, series: string): number {
  const line = body.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

beforeAll(async () => {
  db = await createTestDatabase();
  await db.prisma.departement.create({ data: { code: "47", name: "Lot-et-Garonne" } });
  await db.prisma.commune.create({ data: { inseeCode: "47001", name: "Agen", postalCodes: ["47000"], population: 32000, departementCode: "47" } });
  placeId = (await db.prisma.place.create({ data: { name: "Médiathèque Lacépède", type: "mediatheque", address: "1 place Armand Fallières", postalCode: "47000", communeInsee: "47001" } })).id;
  const user = await db.prisma.user.create({
    data: { email: "conseillere@medianum.test", displayName: "Nora Petit", role: "counsellor", passwordHash: await hashPassword("mot-de-passe-de-test") },
  });
  await db.prisma.counsellor.create({ data: { userId: user.id } });
  const config = {
    ...loadConfig({ NODE_ENV: "production", LOG_LEVEL: "silent", SMTP_URL: "smtp://127.0.0.1:9", MAIL_FROM: "Médianum <ne-pas-repondre@medianum.example>", MAIL_REPLY_TO: "conseillers@medianum.example", PUBLIC_URL: "https://medianum.example", METRICS_TOKEN: TOKEN, JOBS_ENABLED: "false" }),
    appsDir: fakeApps(),
  };
  // SMTP is configured but never reached here: the delivery job is not run by these tests.
  app = await buildServer({ config, db, now: () => clock.now, mailTransport: null });
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe("/api/metrics", () => {
  it("is refused from another machine without the token, and to anyone coming through a proxy", async () => {
    const stranger = await app.inject({ url: "/api/metrics", remoteAddress: "198.51.100.7" });
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json().error).toContain("METRICS_TOKEN");
    expect(stranger.body).not.toContain("medianum_");
    const wrong = await app.inject({ url: "/api/metrics", remoteAddress: "198.51.100.7", headers: { authorization: "Bearer un-autre-jeton-de-supervision-xx" } });
    expect(wrong.statusCode).toBe(403);
    // A reverse proxy on the machine connects from loopback too, but says whom it forwards.
    const proxied = await app.inject({ url: "/api/metrics", remoteAddress: "127.0.0.1", headers: { "x-forwarded-for": "198.51.100.7" } });
    expect(proxied.statusCode).toBe(403);
  });

  it("answers a scraper on the machine itself without a token, in Prometheus' text format", async () => {
    const res = await app.inject({ url: "/api/metrics", remoteAddress: "127.0.0.1" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/plain");
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.body).toContain("# TYPE medianum_http_request_duration_seconds histogram");
    expect(res.body).toContain("medianum_process_resident_memory_bytes");
  });

  it("times requests by procedure and counts 4xx and 5xx answers", async () => {
    const before = await scrape();
    const upcoming = 'medianum_http_request_duration_seconds_count{procedure="booking.upcomingSessions",status="2xx"}';
    for (let i = 0; i < 3; i++) expect((await app.inject(`/api/trpc/booking.upcomingSessions?input=${encodeURIComponent(json({}))}`)).statusCode).toBe(200);
    expect((await app.inject("/api/trpc/workshop.sessions")).statusCode).toBe(401);
    expect((await app.inject("/api/trpc/une.procedure-inventee")).statusCode).toBe(404);
    const after = await scrape();
    expect(value(after, upcoming) - value(before, upcoming)).toBe(3);
    const refused = 'medianum_http_errors_total{status="4xx",procedure="workshop.sessions"}';
    expect(value(after, refused) - value(before, refused)).toBe(1);
    // An invented name does not become a series of its own.
    expect(after).not.toContain("une.procedure-inventee");
    expect(value(after, 'medianum_http_errors_total{status="4xx",procedure="procédure inconnue"}')).toBeGreaterThanOrEqual(1);
  });

  it("counts a device's sync operations applied, duplicate and rejected", async () => {
    const login = await app.inject({
      method: "POST",
      url: "/api/trpc/auth.login",
      headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" },
      payload: json({ email: "conseillere@medianum.test", password: "mot-de-passe-de-test" }),
    });
    const session = login.cookies.find((c) => c.name === "medianum_session")!;
    const record = { id: randomUUID(), date: "2026-11-24", durationMinutes: 45, locationType: "LieuActivite", placeId, themes: ["Email"] };
    const push = (operations: unknown[]) =>
      app.inject({
        method: "POST",
        url: "/api/trpc/sync.push",
        headers: { "content-type": "application/json", "sec-fetch-site": "same-origin", cookie: `medianum_session=${session.value}` },
        payload: json({ operations }),
      });
    const first = { id: randomUUID(), kind: "activity.individual.create", payload: record };
    const refused = { id: randomUUID(), kind: "activity.individual.create", payload: { ...record, id: randomUUID(), durationMinutes: 0 } };
    expect((await push([first, refused])).statusCode).toBe(200);
    expect((await push([first])).statusCode).toBe(200);
    const body = await scrape();
    expect(value(body, 'medianum_sync_operations_total{status="applied"}')).toBe(1);
    expect(value(body, 'medianum_sync_operations_total{status="duplicate"}')).toBe(1);
    expect(value(body, 'medianum_sync_operations_total{status="rejected"}')).toBe(1);
  });
});

describe("/api/health", () => {
  it("says degraded when e-mails have waited over an hour, with the backlog in the metrics", async () => {
    expect((await app.inject("/api/health")).json()).toMatchObject({ status: "ok", outbox: { pending: 0 } });
    await db.prisma.outboxEmail.create({
      data: { to: "parent@example.org", subject: "Votre inscription", text: "…", createdAt: new Date(clock.now.getTime() - 2 * 3_600_000) },
    });
    const res = await app.inject("/api/health");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "degraded", outbox: { pending: 1, oldestAgeSeconds: 7200 } });
    expect(res.json().problems[0]).toMatch(/1 e-mail en attente, le plus ancien depuis 120 min/);
    // A visitor learns the status, not the backlog nor which job fails.
    expect((await app.inject({ url: "/api/health", remoteAddress: "198.51.100.7" })).json()).toEqual({ status: "degraded", database: "ok" });
    const body = await scrape();
    expect(value(body, "medianum_outbox_pending")).toBe(1);
    expect(value(body, "medianum_outbox_oldest_pending_age_seconds")).toBe(7200);
    await db.prisma.outboxEmail.deleteMany();
    expect((await app.inject("/api/health")).json().status).toBe("ok");
  });

  it("says degraded when a job has failed three times in a row, and ok once it succeeds again", async () => {
    let failing = true;
    const runner = new JobRunner(
      db,
      [{ name: "essai", everyMs: 0, leaseMs: 60_000, run: async () => (failing ? Promise.reject(new Error("serveur injoignable")) : { ok: 1 }) }],
      () => clock.now,
      { error: () => undefined, info: () => undefined },
      (job, ok) => app.metrics.jobRun(job, ok),
    );
    for (let i = 0; i < 2; i++) await runner.runOnce("essai");
    expect((await app.inject("/api/health")).json().status).toBe("ok");
    await runner.runOnce("essai");
    const health = (await app.inject("/api/health")).json();
    expect(health.status).toBe("degraded");
    expect(health.problems).toContain("tâche essai en échec 3 fois de suite");
    let body = await scrape();
    expect(value(body, 'medianum_job_runs_total{job="essai",outcome="echec"}')).toBe(3);
    expect(value(body, 'medianum_job_consecutive_failures{job="essai"}')).toBe(3);
    failing = false;
    await runner.runOnce("essai");
    expect((await app.inject("/api/health")).json().status).toBe("ok");
    body = await scrape();
    expect(value(body, 'medianum_job_runs_total{job="essai",outcome="ok"}')).toBe(1);
    expect(body).not.toContain('medianum_job_consecutive_failures{job="essai"}');
  });
});
