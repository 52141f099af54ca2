// Booking benchmark: starts the real server on a throwaway PostgreSQL database, drives
// concurrent bookings over HTTP (spread over many sessions, then a rush on one hot session),
// and prints bookings per second, p50/p95 latency and seats sold versus capacity.
//   pnpm bench:booking      (TEST_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres)
// Options: BENCH_SESSIONS (40), BENCH_CAPACITY (15), BENCH_SPREAD (1500), BENCH_HOT (400), BENCH_CONCURRENCY (50).
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { createTestDatabase } from "@medianum/db/testing";
import superjson from "superjson";
import { buildServer } from "../src/app.js";
import { loadConfig } from "../src/config.js";

process.env.TEST_DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/postgres";
const num = (name: string, def: number) => Number(process.env[name] ?? def);
const SESSIONS = num("BENCH_SESSIONS", 40);
const CAPACITY = num("BENCH_CAPACITY", 15);
const SPREAD = num("BENCH_SPREAD", 1500);
const HOT = num("BENCH_HOT", 400);
const CONCURRENCY = num("BENCH_CONCURRENCY", 50);

interface Outcome {
  ms: number;
  status: "confirmed" | "waitlisted" | "refused" | "error";
}

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  const db = await createTestDatabase();
  console.log(`Base de test : ${db.location}`);
  let app: Awaited<ReturnType<typeof buildServer>> | null = null;
  try {
    const { prisma } = db;
    await prisma.departement.create({ data: { code: "47", name: "Lot-et-Garonne" } });
    await prisma.commune.create({ data: { inseeCode: "47001", name: "Agen", postalCodes: ["47000"], population: 32000, departementCode: "47" } });
    const place = await prisma.place.create({ data: { name: "Médiathèque", type: "mediatheque", address: "1 place", postalCode: "47000", communeInsee: "47001" } });
    const workshop = await prisma.workshop.create({ data: { title: "Les écrans en famille", theme: "screens", audience: "parents", description: "Banc d'essai." } });
    const start = Date.now() + 10 * 86_400_000;
    const sessions: Array<{ id: string }> = [];
    for (let i = 0; i < SESSIONS; i++) {
      sessions.push(await prisma.workshopSession.create({ data: { workshopId: workshop.id, placeId: place.id, capacity: CAPACITY, durationMinutes: 90, startsAt: new Date(start + i * 3_600_000) } }));
    }
    const hot = await prisma.workshopSession.create({ data: { workshopId: workshop.id, placeId: place.id, capacity: 12, durationMinutes: 90, startsAt: new Date(start) } });

    // Behind a "proxy": each simulated parent has its own address, as on the internet.
    const config = loadConfig({ NODE_ENV: "production", LOG_LEVEL: "silent", TRUST_PROXY: "1", JOBS_ENABLED: "false", DATABASE_URL: "postgresql://bench@localhost/bench" });
    app = await buildServer({ config, db, mailTransport: null });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

    let ipCounter = 0;
    async function book(sessionId: string, seats: number): Promise<Outcome> {
      ipCounter += 1;
      const ip = `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
      const body = superjson.serialize({
        sessionId,
        firstName: "Parent",
        lastName: `N${ipCounter}`,
        email: `parent${ipCounter}@exemple.fr`,
        seats,
        consent: true,
        acceptWaitlist: ipCounter % 3 !== 0,
      });
      const t0 = performance.now();
      try {
        const res = await fetch(`${base}/api/trpc/booking.book`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: base, "x-forwarded-for": ip },
          body: JSON.stringify(body),
        });
        const json = (await res.json()) as { result?: { data: { json: { status: "confirmed" | "waitlisted" } } }; error?: unknown };
        const ms = performance.now() - t0;
        if (json.result) return { ms, status: json.result.data.json.status };
        return { ms, status: res.status === 409 ? "refused" : "error" };
      } catch {
        return { ms: performance.now() - t0, status: "error" };
      }
    }

    async function phase(name: string, jobs: Array<() => Promise<Outcome>>, concurrency: number) {
      const outcomes: Outcome[] = [];
      let next = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < jobs.length) {
            const job = jobs[next++]!;
            outcomes.push(await job());
          }
        }),
      );
      const seconds = (performance.now() - t0) / 1000;
      const lat = outcomes.map((o) => o.ms).sort((a, b) => a - b);
      const count = (s: Outcome["status"]) => outcomes.filter((o) => o.status === s).length;
      console.log(`\n${name} — ${jobs.length} demandes, ${concurrency} en parallèle`);
      console.log(`  débit        ${(outcomes.length / seconds).toFixed(1)} inscriptions/s (${seconds.toFixed(2)} s)`);
      console.log(`  latence      p50 ${percentile(lat, 50).toFixed(1)} ms, p95 ${percentile(lat, 95).toFixed(1)} ms, max ${lat[lat.length - 1]?.toFixed(1)} ms`);
      console.log(`  résultats    ${count("confirmed")} confirmées, ${count("waitlisted")} en liste d'attente, ${count("refused")} refusées (complet), ${count("error")} erreurs`);
    }

    const seatsFor = (i: number) => 1 + (i % 7 === 0 ? 2 : 0) + (i % 11 === 0 ? 1 : 0);
    await phase(
      `Réparties sur ${SESSIONS} séances de ${CAPACITY} places`,
      Array.from({ length: SPREAD }, (_, i) => () => book(sessions[i % sessions.length]!.id, seatsFor(i))),
      CONCURRENCY,
    );
    await phase(`Ruée sur une séance de ${hot.capacity} places`, Array.from({ length: HOT }, (_, i) => () => book(hot.id, seatsFor(i))), Math.max(CONCURRENCY, 100));

    const rows = await db.sql.query<{ id: string; capacity: number; held: number }>(
      `SELECT s.id, s.capacity, COALESCE(SUM(r.seats) FILTER (WHERE r.status IN ('confirmed','attended','no_show')), 0)::int AS held
         FROM "WorkshopSession" s LEFT JOIN "Registration" r ON r."sessionId" = s.id GROUP BY s.id, s.capacity`,
    );
    const capacity = rows.reduce((n, r) => n + r.capacity, 0);
    const sold = rows.reduce((n, r) => n + r.held, 0);
    const oversold = rows.filter((r) => r.held > r.capacity);
    const hotRow = rows.find((r) => r.id === hot.id)!;
    console.log(`\nPlaces vendues : ${sold} sur ${capacity} (séance disputée : ${hotRow.held} sur ${hotRow.capacity})`);
    console.log(oversold.length === 0 ? "Aucune séance surréservée." : `✖ ${oversold.length} séance(s) SURRÉSERVÉE(S) !`);
    if (oversold.length > 0) process.exitCode = 1;
  } finally {
    await app?.close();
    await db.close();
    console.log("Base de test supprimée.");
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
