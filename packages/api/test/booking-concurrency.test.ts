import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { booking, createHarness, createPlace, createWorkshopSession, seedTerritory, type Harness } from "./harness.js";

// Seats are never oversold under concurrency. PGlite runs one query at a time, so these tests
// only mean something on a real PostgreSQL server: they run when TEST_DATABASE_URL is set.
const onPostgres = !!process.env.TEST_DATABASE_URL;

let h: Harness;
let placeId: string;
const inDays = (d: number) => new Date(h.clock.now.getTime() + d * 86_400_000);

/** Each registration's e-mails by subject prefix ("Inscription confirmée", "Liste d'attente"…). */
async function emailsOf(sessionId: string) {
  const rows = await h.db.sql.query<{ status: string; subjects: string[] }>(
    `SELECT r.status, array_agg(split_part(o.subject, ' :', 1) ORDER BY o.subject) FILTER (WHERE o.id IS NOT NULL) AS subjects
       FROM "Registration" r LEFT JOIN "OutboxEmail" o ON o."linkTargetId" = r.id
      WHERE r."sessionId" = $1 GROUP BY r.id, r.status`,
    [sessionId],
  );
  return rows.map((r) => `${r.status}: ${(r.subjects ?? []).join(", ")}`);
}

/** Seats held vs capacity, computed in SQL straight from the tables. */
async function invariant(sessionId: string) {
  const rows = await h.db.sql.query<{ capacity: number; held: number; waitlisted: number }>(
    `SELECT s.capacity,
            COALESCE(SUM(r.seats) FILTER (WHERE r.status IN ('confirmed','attended','no_show')), 0)::int AS held,
            COALESCE(SUM(r.seats) FILTER (WHERE r.status = 'waitlisted'), 0)::int AS waitlisted
       FROM "WorkshopSession" s LEFT JOIN "Registration" r ON r."sessionId" = s.id
      WHERE s.id = $1 GROUP BY s.capacity`,
    [sessionId],
  );
  return rows[0]!;
}

describe.skipIf(!onPostgres)("concurrent bookings on PostgreSQL (skipped without TEST_DATABASE_URL: PGlite serialises every query)", () => {
  beforeAll(async () => {
    h = await createHarness();
    await seedTerritory(h.db);
    placeId = (await createPlace(h.db)).id;
  });
  afterAll(() => h.close());

  it("200 concurrent attempts on a 12-seat session: exactly 12 seats confirmed, the rest waitlisted in arrival order", async () => {
    const s = await createWorkshopSession(h.db, { placeId, capacity: 12, startsAt: inDays(5) });
    // Distinct IPs: the per-IP rate limit is not what is under test here.
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, async (_, i) => (await h.client(`198.51.${Math.floor(i / 250)}.${i % 250}`).api()).booking.book(booking(s.id, { acceptWaitlist: true }))),
    );
    const failed = results.filter((r) => r.status === "rejected");
    expect(failed).toEqual([]);
    const statuses = results.map((r) => (r as PromiseFulfilledResult<{ status: string }>).value.status);
    expect(statuses.filter((x) => x === "confirmed")).toHaveLength(12);
    expect(statuses.filter((x) => x === "waitlisted")).toHaveLength(188);
    expect(await invariant(s.id)).toEqual({ capacity: 12, held: 12, waitlisted: 188 });

    // Arrival order: every confirmed registration arrived before every waitlisted one.
    const regs = await h.db.prisma.registration.findMany({ where: { sessionId: s.id }, orderBy: { arrival: "asc" } });
    expect(regs.slice(0, 12).every((r) => r.status === "confirmed")).toBe(true);
    expect(regs.slice(12).every((r) => r.status === "waitlisted")).toBe(true);
    // Each parent got the one e-mail that says what happened, whatever the booking guessed before the lock.
    const mails = await emailsOf(s.id);
    expect(mails.filter((m) => m === "confirmed: Inscription confirmée")).toHaveLength(12);
    expect(mails.filter((m) => m === "waitlisted: Liste d'attente")).toHaveLength(188);
  });

  it("multi-seat bookings under contention are all or nothing", async () => {
    const s = await createWorkshopSession(h.db, { placeId, capacity: 10, startsAt: inDays(6) });
    const results = await Promise.allSettled(
      Array.from({ length: 60 }, async (_, i) => (await h.client(`198.18.0.${i}`).api()).booking.book(booking(s.id, { seats: 1 + (i % 4) }))),
    );
    const ok = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    const confirmedSeats = ok.filter((r) => r.status === "confirmed").reduce((n, r) => n + r.seats, 0);
    const { held } = await invariant(s.id);
    expect(held).toBe(confirmedSeats);
    expect(held).toBeLessThanOrEqual(10);
    for (const r of results) if (r.status === "rejected") expect((r.reason as Error).message).toMatch(/complète/);
  });

  it("concurrent cancellations and bookings keep the invariant and promote the waitlist in arrival order", async () => {
    const s = await createWorkshopSession(h.db, { placeId, capacity: 12, startsAt: inDays(7) });
    const first = [];
    for (let i = 0; i < 12; i++) first.push(await (await h.client(`203.0.113.${i}`).api()).booking.book(booking(s.id)));
    const waiting = [];
    for (let i = 0; i < 10; i++) waiting.push(await (await h.client(`203.0.113.${50 + i}`).api()).booking.book(booking(s.id, { acceptWaitlist: true })));

    const ops = [
      ...first.slice(0, 8).map((r, i) => async () => (await h.client(`192.0.2.${i}`).api()).booking.cancel({ token: r.manageToken })),
      ...Array.from({ length: 40 }, (_, i) => async () => (await h.client(`192.0.2.${100 + i}`).api()).booking.book(booking(s.id, { acceptWaitlist: true }))),
    ].sort(() => Math.random() - 0.5);
    const results = await Promise.allSettled(ops.map((op) => op()));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);

    const inv = await invariant(s.id);
    expect(inv.held).toBe(12);
    // Each freed seat is filled at once, in the cancellation's transaction, by the earliest
    // waitlisted registration: the 8 first of the 10 who were waiting; nobody who booked during
    // the rush jumps the queue.
    const byId = new Map((await h.db.prisma.registration.findMany({ where: { sessionId: s.id } })).map((r) => [r.id, r]));
    expect(waiting.map((w) => byId.get(w.registrationId)!.status)).toEqual([...Array(8).fill("confirmed"), "waitlisted", "waitlisted"]);
    const rush = results.map((r) => (r as PromiseFulfilledResult<unknown>).value).filter((v): v is { status: string } => !!v && typeof v === "object" && "status" in v);
    expect(rush).toHaveLength(40);
    expect(rush.every((r) => r.status === "waitlisted")).toBe(true);
  }, 60_000);

  it("one e-mail booking many times at once holds 4 seats at most, decided on the session's lock", async () => {
    const s = await createWorkshopSession(h.db, { placeId, capacity: 30, startsAt: inDays(8) });
    const spellings = ["hoarder@exemple.fr", "Hoarder@Exemple.fr", "HOARDER@EXEMPLE.FR", " hoarder@exemple.fr "];
    const results = await Promise.allSettled(
      Array.from({ length: 24 }, async (_, i) =>
        (await h.client(`198.18.1.${i}`).api()).booking.book(booking(s.id, { email: spellings[i % 4], seats: 1 + (i % 3), acceptWaitlist: true })),
      ),
    );
    const ok = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    const seats = ok.reduce((n, r) => n + r.seats, 0);
    // Never more than 4; and exactly 4, as eight of the attempts ask for 1 seat.
    expect(seats).toBe(4);
    for (const r of results) if (r.status === "rejected") expect((r.reason as Error).message).toMatch(/^Vous avez déjà \d places? pour cette séance/);
    const stored = await h.db.sql.query<{ seats: number }>(
      `SELECT COALESCE(SUM(seats), 0)::int AS seats FROM "Registration" WHERE "sessionId" = $1 AND lower(email) = 'hoarder@exemple.fr'`,
      [s.id],
    );
    expect(stored[0]!.seats).toBe(seats);

    // Two 3-seat bookings with one phone number at the same instant: one passes.
    const t = await createWorkshopSession(h.db, { placeId, capacity: 30, startsAt: inDays(8) });
    const pair = await Promise.allSettled(
      ["06 55 44 33 22", "+33655443322"].map(async (phone, i) => (await h.client(`198.18.2.${i}`).api()).booking.book(booking(t.id, { email: "", phone, seats: 3 }))),
    );
    expect(pair.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await h.db.prisma.registration.count({ where: { sessionId: t.id } })).toBe(1);
  });

  it("one address booking 35 times at once gets exactly its 20 bookings, taken on the session's lock; the others wait and nothing of theirs is written", async () => {
    const a = await createWorkshopSession(h.db, { placeId, capacity: 100, startsAt: inDays(8) });
    const b = await createWorkshopSession(h.db, { placeId, capacity: 100, startsAt: inDays(8) });
    const results = await Promise.allSettled(
      Array.from({ length: 35 }, async (_, i) => (await h.client("198.18.7.55").api()).booking.book(booking(i % 2 ? a.id : b.id))),
    );
    const accepted = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(accepted).toHaveLength(20);
    expect(refused.map((r) => (r.reason as { code: string }).code)).toEqual(Array(15).fill("TOO_MANY_REQUESTS"));
    expect(refused[0]!.reason.message).toMatch(/^Trop de demandes depuis votre connexion : réessayez dans \d+ minutes?\.$/);
    expect(await h.db.prisma.registration.count({ where: { sessionId: { in: [a.id, b.id] } } })).toBe(20);
    expect(await h.db.prisma.outboxEmail.count({ where: { subject: { startsWith: "Inscription confirmée" }, linkTargetId: { in: (await h.db.prisma.registration.findMany({ where: { sessionId: { in: [a.id, b.id] } } })).map((r) => r.id) } } })).toBe(20);
    // Another address is not held back.
    await expect((await h.client("198.18.7.56").api()).booking.book(booking(a.id))).resolves.toMatchObject({ status: "confirmed" });
  });

  it("one address's refused and accepted bookings at once: each counted in its own window, none stuck on another's lock", async () => {
    const full = await createWorkshopSession(h.db, { placeId, capacity: 1, startsAt: inDays(9) });
    await (await h.client("198.18.8.1").api()).booking.book(booking(full.id));
    const open = await createWorkshopSession(h.db, { placeId, capacity: 100, startsAt: inDays(9) });
    const ip = "198.18.8.2";
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, async (_, i) => (await h.client(ip).api()).booking.book(booking(i % 2 ? full.id : open.id))),
    );
    const answers = results.map((r) => (r.status === "fulfilled" ? r.value.status : `${(r.reason as { code: string }).code}: ${(r.reason as Error).message}`));
    const full_ = answers.filter((a) => a === "CONFLICT: Cette séance est complète : il ne reste pas assez de places.");
    const confirmed = answers.filter((a) => a === "confirmed");
    const waiting = answers.filter((a) => a.startsWith("TOO_MANY_REQUESTS: Trop de demandes depuis votre connexion"));
    // Only these three answers: no deadlock turned into « Une autre modification était en cours ».
    expect(full_.length + confirmed.length + waiting.length).toBe(30);
    expect(full_).toHaveLength(15);
    // A refusal gives its slot back in its own transaction: it never makes a booking of the same address wait.
    expect(confirmed).toHaveLength(15);
    expect(await h.db.prisma.registration.count({ where: { sessionId: open.id } })).toBe(confirmed.length);
    // The windows hold exactly what happened: the bookings made, and the refusals.
    const counters = await h.db.sql.query<{ key: string; count: number }>(`SELECT key, count FROM "RateLimitCounter" WHERE key LIKE $1 ORDER BY key`, [`%${ip}`]);
    expect(counters).toEqual([
      { key: `booking:ip:${ip}`, count: confirmed.length },
      { key: `booking:refused:ip:${ip}`, count: 15 },
    ]);
  });
});
