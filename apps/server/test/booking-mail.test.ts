import { hashPassword } from "@medianum/api";
import type { Database } from "@medianum/db";
import { createTestDatabase } from "@medianum/db/testing";
import superjson from "superjson";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildServer } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { startSmtpServer } from "./smtp.js";

// E-mail delivery, calendar files and scheduled jobs through the real server, a real SMTP
// server in-process, and a clock the test moves.

let db: Database;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let app: Awaited<ReturnType<typeof buildServer>>;
const clock = { now: new Date("2026-11-25T10:00:00Z") };
let placeId: string;
let workshopId: string;

async function call(path: string, input: unknown, kind: "query" | "mutation" = "mutation") {
  const payload = JSON.stringify(superjson.serialize(input));
  const res =
    kind === "mutation"
      ? await app.inject({ method: "POST", url: `/api/trpc/${path}`, payload, headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" } })
      : await app.inject(`/api/trpc/${path}?input=${encodeURIComponent(payload)}`);
  const body = res.json() as { result?: { data: Parameters<typeof superjson.deserialize>[0] }; error?: { json: { message: string } } };
  if (body.error) throw Object.assign(new Error(body.error.json.message), { status: res.statusCode });
  return superjson.deserialize(body.result!.data) as Record<string, unknown>;
}

async function newSession(capacity: number, startsAt: Date) {
  return db.prisma.workshopSession.create({ data: { workshopId, placeId, capacity, startsAt, durationMinutes: 90 } });
}

const parent = (sessionId: string, email: string, extra: Record<string, unknown> = {}) => ({
  sessionId,
  firstName: "Nadia",
  lastName: "Benali",
  email,
  seats: 1,
  consent: true,
  ...extra,
});

const deliver = () => app.jobs.runOnce("outbox-delivery", { now: clock.now });
const icsField = (ics: string, name: string) => ics.match(new RegExp(`^${name}[:;](.*)\\r?$`, "m"))?.[1]?.trim();

beforeAll(async () => {
  db = await createTestDatabase();
  smtp = await startSmtpServer();
  await db.prisma.departement.create({ data: { code: "47", name: "Lot-et-Garonne" } });
  await db.prisma.commune.create({ data: { inseeCode: "47001", name: "Agen", postalCodes: ["47000"], population: 32000, departementCode: "47" } });
  placeId = (await db.prisma.place.create({ data: { name: "Médiathèque Lacépède", type: "mediatheque", address: "1 place Armand Fallières", postalCode: "47000", communeInsee: "47001" } })).id;
  workshopId = (
    await db.prisma.workshop.create({
      data: { title: "Les écrans en famille", theme: "screens", audience: "parents", description: "Trouver un équilibre.", contactPhone: "0553000000" },
    })
  ).id;
  await db.prisma.user.create({ data: { email: "coord@medianum.test", displayName: "Coord", role: "coordinator", passwordHash: await hashPassword("mot-de-passe-coord") } });
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", SMTP_URL: smtp.url, MAIL_FROM: "Ateliers <ateliers@medianum.test>", PUBLIC_URL: "https://ateliers.example", JOBS_ENABLED: "false" });
  app = await buildServer({ config, db, now: () => clock.now });
});
afterAll(async () => {
  await app.close();
  await smtp.close();
  await db.close();
});
beforeEach(() => {
  smtp.received.length = 0;
  clock.now = new Date("2026-11-25T10:00:00Z");
});

describe("booking e-mails through SMTP", () => {
  it("sends a confirmation with a REQUEST invitation, then a CANCEL with the same UID and a higher SEQUENCE", async () => {
    const s = await newSession(10, new Date("2026-12-10T14:00:00Z"));
    const booked = await call("booking.book", parent(s.id, "nadia@exemple.fr", { seats: 2 }));
    expect(await deliver()).toMatchObject({ ran: true, result: { sent: 1 } });
    const [confirmation] = smtp.received;
    expect(confirmation?.subject).toBe("Inscription confirmée : Les écrans en famille");
    expect(confirmation?.from?.text).toContain("ateliers@medianum.test");
    // Its manage link is its own (created when sent), and opens the same registration.
    const mailed = /https:\/\/ateliers\.example\/inscription\/([A-Za-z0-9_-]{43})\s/.exec(confirmation?.text ?? "")?.[1];
    expect(mailed).toBeDefined();
    expect(mailed).not.toBe(booked.manageToken);
    expect(await call("booking.manage", { token: mailed }, "query")).toMatchObject({ status: "confirmed", seats: 2 });
    expect(confirmation?.text).toContain("2 places");
    // Two seats: every sentence about them agrees in number.
    expect(confirmation?.text).toContain("vos places serviront à d'autres familles");
    expect(confirmation?.text).not.toMatch(/votre place/i);
    const ics = smtp.icsOf(confirmation!)!;
    expect(icsField(ics, "METHOD")).toBe("REQUEST");
    expect(icsField(ics, "DTSTART")).toContain("20261210T140000Z");
    const uid = icsField(ics, "UID");
    const seq = Number(icsField(ics, "SEQUENCE"));

    await call("booking.cancel", { token: booked.manageToken });
    await deliver();
    const cancel = smtp.received[1]!;
    expect(cancel.subject).toBe("Inscription annulée : Les écrans en famille");
    const cancelIcs = smtp.icsOf(cancel)!;
    expect(icsField(cancelIcs, "METHOD")).toBe("CANCEL");
    expect(icsField(cancelIcs, "UID")).toBe(uid);
    expect(Number(icsField(cancelIcs, "SEQUENCE"))).toBeGreaterThan(seq);
    expect(cancelIcs).toMatch(/STATUS:CANCELLED/);
    // Nothing left to send.
    expect(await deliver()).toMatchObject({ result: { sent: 0 } });
  });

  it("promotes the first waitlisted parent when a seat frees up, and tells them with an invitation", async () => {
    const s = await newSession(1, new Date("2026-12-11T14:00:00Z"));
    const first = await call("booking.book", parent(s.id, "premier@exemple.fr"));
    await call("booking.book", parent(s.id, "attente@exemple.fr", { acceptWaitlist: true }));
    await deliver();
    expect(smtp.received.map((m) => m.subject).sort()).toEqual(["Inscription confirmée : Les écrans en famille", "Liste d'attente : Les écrans en famille"]);
    expect(smtp.icsOf(smtp.received.find((m) => m.subject?.startsWith("Liste d'attente"))!)).toBeUndefined();

    await call("booking.cancel", { token: first.manageToken });
    await deliver();
    const promoted = smtp.received.find((m) => m.subject?.startsWith("Une place s'est libérée"));
    expect(promoted?.to && "text" in promoted.to ? promoted.to.text : "").toContain("attente@exemple.fr");
    expect(icsField(smtp.icsOf(promoted!)!, "METHOD")).toBe("REQUEST");
  });

  it("retries with back-off when the SMTP server refuses, and keeps the message pending meanwhile", async () => {
    const failing = await startSmtpServer({ failFirst: 1 });
    const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", SMTP_URL: failing.url, JOBS_ENABLED: "false" });
    const other = await buildServer({ config, db, now: () => clock.now });
    try {
      await db.prisma.outboxEmail.updateMany({ where: { status: "pending" }, data: { status: "sent" } });
      await db.prisma.outboxEmail.create({ data: { to: "retry@exemple.fr", subject: "Essai", text: "Bonjour", createdAt: clock.now } });
      expect(await other.jobs.runOnce("outbox-delivery", { now: clock.now })).toMatchObject({ result: { sent: 0, retried: 1 } });
      const after = await db.prisma.outboxEmail.findFirstOrThrow({ where: { to: "retry@exemple.fr" } });
      expect(after).toMatchObject({ status: "pending", attempts: 1 });
      expect(after.lastError).toContain("451");
      // Too early: not retried before the back-off delay.
      expect(await other.jobs.runOnce("outbox-delivery", { now: new Date(clock.now.getTime() + 30_000) })).toMatchObject({ result: { sent: 0, retried: 0 } });
      expect(await other.jobs.runOnce("outbox-delivery", { now: new Date(clock.now.getTime() + 61_000) })).toMatchObject({ result: { sent: 1 } });
      expect(failing.received.map((m) => m.subject)).toEqual(["Essai"]);
    } finally {
      await other.close();
      await failing.close();
    }
  });
});

describe("scheduled jobs", () => {
  it("sends one reminder 48 h before, even when the job runs twice or on two instances; none for past or cancelled sessions", async () => {
    const soon = await newSession(10, new Date("2026-12-20T14:00:00Z"));
    const cancelled = await newSession(10, new Date("2026-12-20T16:00:00Z"));
    await call("booking.book", parent(soon.id, "rappel@exemple.fr"));
    await call("booking.book", parent(cancelled.id, "annule@exemple.fr"));
    await db.prisma.workshopSession.update({ where: { id: cancelled.id }, data: { status: "cancelled" } });
    await deliver();
    smtp.received.length = 0;

    clock.now = new Date("2026-12-18T15:00:00Z"); // 47 h before
    const second = await buildServer({ config: loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", JOBS_ENABLED: "false" }), db, now: () => clock.now, mailTransport: null });
    try {
      const [a, b] = await Promise.all([app.jobs.runOnce("booking-reminders", { now: clock.now }), second.jobs.runOnce("booking-reminders", { now: clock.now })]);
      const queued = [a, b].reduce((n, r) => n + (((r.result as { queued?: number } | undefined)?.queued) ?? 0), 0);
      expect(queued).toBe(1);
      await app.jobs.runOnce("booking-reminders", { now: new Date(clock.now.getTime() + 3_600_000) });
    } finally {
      await second.close();
    }
    await deliver();
    expect(smtp.received.map((m) => m.subject)).toEqual(["Rappel : Les écrans en famille, dimanche 20 décembre 2026 à 15:00"]);
    expect(icsField(smtp.icsOf(smtp.received[0]!)!, "METHOD")).toBe("REQUEST");

    // After the session: nothing more.
    clock.now = new Date("2026-12-21T10:00:00Z");
    expect(await app.jobs.runOnce("booking-reminders", { now: clock.now })).toMatchObject({ result: { queued: 0 } });
  });

  it("lets one instance at a time hold a job's lease", async () => {
    await db.prisma.scheduledJob.upsert({
      where: { name: "registration-retention" },
      create: { name: "registration-retention", lockedUntil: new Date(clock.now.getTime() + 60_000), lockedBy: "autre-instance" },
      update: { lockedUntil: new Date(clock.now.getTime() + 60_000), lockedBy: "autre-instance" },
    });
    expect(await app.jobs.runOnce("registration-retention", { now: clock.now })).toEqual({ ran: false });
    // The other instance crashed: its lease expires and the job runs here.
    expect(await app.jobs.runOnce("registration-retention", { now: new Date(clock.now.getTime() + 120_000) })).toMatchObject({ ran: true });
  });

  it("anonymises registrants 6 months after the session and kills their manage link", async () => {
    const old = await newSession(10, new Date("2026-12-01T14:00:00Z"));
    const booked = await call("booking.book", parent(old.id, "ancien@exemple.fr", { need: "Mon fils a 12 ans", phone: "0612345678" }));
    const recent = await newSession(10, new Date("2027-05-20T14:00:00Z"));
    await call("booking.book", parent(recent.id, "recent@exemple.fr"));

    clock.now = new Date("2027-06-02T10:00:00Z");
    const res = await app.jobs.runOnce("registration-retention", { now: clock.now, force: true });
    expect(res.ran).toBe(true);
    const regs = await db.prisma.registration.findMany({ where: { sessionId: { in: [old.id, recent.id] } } });
    const anon = regs.find((r) => r.sessionId === old.id)!;
    expect(anon).toMatchObject({ firstName: "Anonyme", lastName: "", email: null, phone: null, need: null, seats: 1, status: "confirmed" });
    expect(anon.anonymisedAt).not.toBeNull();
    expect(regs.find((r) => r.sessionId === recent.id)).toMatchObject({ email: "recent@exemple.fr" });
    await expect(call("booking.manage", { token: booked.manageToken }, "query")).rejects.toThrow("Ce lien ne correspond à aucune inscription");
    expect(await db.prisma.outboxEmail.count({ where: { to: "ancien@exemple.fr", status: "sent" } })).toBe(0);
  });
});
