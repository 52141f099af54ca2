// Booking benchmark: starts the real server on a throwaway PostgreSQL database and drives
// concurrent bookings over HTTP from a worker thread (50 in parallel, spread over many sessions),
// in interleaved rounds with its two limits measured on the same PostgreSQL in the same run:
//   - `pgbench -N` (TPC-B without the hot branch rows) on a scratch database (`pgbench -i`);
//   - the booking's own statements (rate limit, the session's read, BEGIN, lock, decision with
//     registration + e-mail, COMMIT: the very SQL texts the API runs, with real e-mails of this run) replayed by pgbench
//     on the bench's database (simple protocol: pgbench would read `[[:space:]]` as a variable otherwise).
// Then a rush on one 12-seat session, and seats sold versus capacity.
// Prints medians and ratios; writes bench-results/booking.json (`summary` for `pnpm bench`).
//   pnpm bench:booking      (TEST_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres)
// Options: BENCH_QUICK=1 (1 round, shorter), BENCH_ROUNDS (3), BENCH_SECONDS (pgbench runs, 10),
// BENCH_SESSIONS (40), BENCH_CAPACITY (15), BENCH_SPREAD (1500 per round), BENCH_HOT (400), BENCH_CONCURRENCY (50),
// BENCH_WARM_UP (3000 bookings before the first round, not measured: V8 still optimises the server during the first 2000 or so).
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Worker } from "node:worker_threads";
import { BOOKING_SQL } from "@medianum/api";
import { createTestDatabase } from "@medianum/db/testing";
import { buildServer } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { cpuReading } from "./cpu.js";
import { machine, median, writeBenchResult, type SummaryRow } from "./summary.js";

process.env.TEST_DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/postgres";
const QUICK = process.env.BENCH_QUICK === "1";
const num = (name: string, def: number) => Number(process.env[name] ?? def);
const ROUNDS = Math.max(1, num("BENCH_ROUNDS", QUICK ? 1 : 3));
const SECONDS = num("BENCH_SECONDS", QUICK ? 5 : 10);
const SESSIONS = num("BENCH_SESSIONS", 40);
const CAPACITY = num("BENCH_CAPACITY", 15);
const SPREAD = num("BENCH_SPREAD", QUICK ? 800 : 1500);
const HOT = num("BENCH_HOT", QUICK ? 200 : 400);
const CONCURRENCY = num("BENCH_CONCURRENCY", 50);
const WARM_UP = num("BENCH_WARM_UP", QUICK ? 500 : 3000);
const REPLAY_SESSIONS = 40;

type Status = "confirmed" | "waitlisted" | "refused" | "error";
interface Outcome {
  ms: number;
  status: Status;
}
interface Phase {
  perSecond: number;
  p50: number;
  p95: number;
  max: number;
  counts: Record<Status, number>;
  requests: number;
}

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const run = promisify(execFile);

/** pgbench against `dbName` on the server of TEST_DATABASE_URL; its TPS and mean latency. */
async function pgbench(dbName: string, args: string[]): Promise<{ tps: number; latencyMs: number; stdout: string }> {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  const env = { ...process.env, PGPASSWORD: decodeURIComponent(url.password) };
  const conn = ["-h", url.hostname, "-p", url.port || "5432", "-U", decodeURIComponent(url.username) || "postgres"];
  const { stdout, stderr } = await run("pgbench", [...conn, ...args, dbName], { env, maxBuffer: 64 << 20 });
  if (args.includes("-i")) return { tps: 0, latencyMs: 0, stdout };
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout);
  const lat = /latency average = ([\d.]+) ms/.exec(stdout);
  const failed = /number of failed transactions: (\d+)/.exec(stdout);
  if (!tps || Number(tps[1]) === 0 || Number(failed?.[1] ?? 0) > 0) {
    throw new Error(`pgbench : échec\n${stdout}\n${stderr.split("\n").slice(0, 5).join("\n")}`);
  }
  return { tps: Number(tps[1]), latencyMs: Number(lat?.[1] ?? 0), stdout };
}

/** A SQL text with its $n parameters replaced by pgbench expressions. */
function bind(sql: string, values: Record<number, string>): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const v = values[Number(n)];
    if (v === undefined) throw new Error(`paramètre $${n} sans valeur`);
    return `(${v})`;
  });
}
/** A text literal pgbench leaves alone (no `:` for its variables, no quotes). */
const textLiteral = (s: string | null) => (s === null ? "NULL" : `convert_from(decode('${Buffer.from(s, "utf8").toString("base64")}', 'base64'), 'UTF8')`);
/** pgbench reads `:word` as a variable even inside quotes: the rate-limit keys' colons are put in by SQL. */
const colons = (key: string) => `replace('${key}', '|', ':')`;
/** BENCH_PROFILE=1: a CPU profile of the server's thread during a round's bookings (Chrome DevTools format). */
async function startProfile() {
  const inspector = await import("node:inspector/promises");
  const session = new inspector.Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return async () => {
    const { profile } = await session.post("Profiler.stop");
    const file = join(tmpdir(), `booking-${Date.now()}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    return file;
  };
}
const replaySessionId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;

async function main() {
  const db = await createTestDatabase();
  const dbName = new URL(db.location).pathname.slice(1);
  const pgbenchDb = `${dbName}_pgbench`;
  const scratch = mkdtempSync(join(tmpdir(), "medianum-bench-"));
  console.log(`Base de test : ${db.location} ; pgbench -N sur ${pgbenchDb}`);
  let app: Awaited<ReturnType<typeof buildServer>> | null = null;
  try {
    await db.sql.exec(`CREATE DATABASE "${pgbenchDb}"`);
    await pgbench(pgbenchDb, ["-i", "-q"]);
    const { prisma } = db;
    await prisma.departement.create({ data: { code: "47", name: "Lot-et-Garonne" } });
    await prisma.commune.create({ data: { inseeCode: "47001", name: "Agen", postalCodes: ["47000"], population: 32000, departementCode: "47" } });
    const place = await prisma.place.create({
      data: { name: "Médiathèque", type: "mediatheque", address: "1 place", postalCode: "47000", communeInsee: "47001", accessInfo: "Entrée par la cour." },
    });
    const workshop = await prisma.workshop.create({
      data: { title: "Les écrans en famille", theme: "screens", audience: "parents", description: "Banc d'essai.", whatToBring: "Votre téléphone", contactEmail: "ateliers@exemple.fr" },
    });
    const start = Date.now() + 10 * 86_400_000;
    async function createSessions(n: number, capacity: number, id: (i: number) => string = () => randomUUID()) {
      const data = Array.from({ length: n }, (_, i) => ({
        id: id(i),
        workshopId: workshop.id,
        placeId: place.id,
        capacity,
        durationMinutes: 90,
        startsAt: new Date(start + i * 3_600_000),
      }));
      await prisma.workshopSession.createMany({ data });
      return data.map((d) => d.id);
    }
    // The replay's own sessions (pgbench books them without deciding anything): apart from the ones sold over HTTP.
    await createSessions(REPLAY_SESSIONS, 1_000_000, (i) => replaySessionId(i + 1));

    // Behind a "proxy": each simulated parent has its own address, as on the internet.
    const config = loadConfig({ NODE_ENV: "production", PUBLIC_URL: "http://127.0.0.1", LOG_LEVEL: "silent", TRUST_PROXY: "1", JOBS_ENABLED: "false", DATABASE_URL: "postgresql://bench@localhost/bench" });
    app = await buildServer({ config, db, mailTransport: null });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

    let ipCounter = 0;
    async function phase(name: string, jobs: Array<{ sessionId: string; seats: number }>, concurrency: number): Promise<Phase> {
      const worker = new Worker(new URL("./booking-load.mjs", import.meta.url), { workerData: { base, jobs, concurrency, firstIp: ipCounter } });
      ipCounter += jobs.length;
      const { seconds, outcomes, answerBytes } = await new Promise<{ seconds: number; outcomes: Outcome[]; answerBytes: number }>((resolve, reject) => {
        worker.once("message", resolve);
        worker.once("error", reject);
      });
      await worker.terminate();
      const lat = outcomes.map((o) => o.ms).sort((a, b) => a - b);
      const counts = { confirmed: 0, waitlisted: 0, refused: 0, error: 0 };
      for (const o of outcomes) counts[o.status] += 1;
      const p: Phase = { perSecond: outcomes.length / seconds, p50: percentile(lat, 50), p95: percentile(lat, 95), max: lat[lat.length - 1] ?? 0, counts, requests: outcomes.length };
      console.log(`  ${name} — ${jobs.length} demandes, ${concurrency} en parallèle`);
      console.log(`    débit        ${p.perSecond.toFixed(1)} inscriptions/s (${seconds.toFixed(2)} s)`);
      console.log(`    latence      p50 ${p.p50.toFixed(1)} ms, p95 ${p.p95.toFixed(1)} ms, max ${p.max.toFixed(1)} ms`);
      console.log(`    résultats    ${counts.confirmed} confirmées, ${counts.waitlisted} en liste d'attente, ${counts.refused} refusées (complet), ${counts.error} erreurs ; réponse moyenne ${answerBytes} octets de JSON`);
      return p;
    }

    // The replay script: the statements of one accepted booking, as the API sends them.
    async function writeReplayScript() {
      const mails = await db.sql.query<{ subject: string; text: string; html: string | null; ics: string | null; linkKind: string | null; linkPrefix: string | null; replyTo: string | null }>(
        `SELECT DISTINCT ON (ics IS NULL) subject, text, html, ics, "linkKind", "linkPrefix", "replyTo" FROM "OutboxEmail"
          WHERE subject LIKE 'Inscription confirmée%' OR subject LIKE 'Liste d''attente%' ORDER BY ics IS NULL`,
      );
      const confirmed = mails.find((m) => m.ics);
      if (!confirmed?.ics) throw new Error("aucun e-mail de confirmation à rejouer");
      // The e-mail the API composes before the lock: the likely decision's (the session's last
      // booking says whether seats are left), as it sends it.
      const asRow = (m: typeof confirmed) => ({ to: "replay@exemple.fr", subject: m.subject, text: m.text, html: m.html, ics: m.ics, dedupeKey: null, linkKind: m.linkKind, linkTargetId: randomUUID(), linkPrefix: m.linkPrefix, replyTo: m.replyTo });
      const emails = JSON.stringify({ confirmed: asRow(confirmed) });
      const session = `'00000000-0000-4000-8000-' || lpad((:sn)::text, 12, '0')`;
      const email = `'replay' || (:rip)::text || '@exemple.fr'`;
      const now = "now()";
      const script = [
        `\\set sn random(1, ${REPLAY_SESSIONS})`,
        `\\set rip random(1, 2000000000)`,
        // Read before the lock; its fingerprint goes into the booking's statement.
        `${bind(BOOKING_SQL.sessionDetails, { 1: session })} \\gset d_`,
        "BEGIN;",
        // The address's quota and the session's lock, in one statement.
        `${bind(BOOKING_SQL.takeQuotaAndLock, {
          1: session,
          2: `${colons("booking|ip|replay-")} || (:rip)::text`,
          3: `now() + interval '10 minutes'`,
          4: now,
          5: `${colons("booking|refused|ip|replay-")} || (:rip)::text`,
          6: "60",
          7: "20",
        })};`,
        `${bind(BOOKING_SQL.book, {
          1: session,
          2: "':d_fingerprint'",
          3: now,
          4: "FALSE",
          5: "1",
          6: "TRUE",
          7: email,
          8: "NULL",
          9: "gen_random_uuid()",
          10: "'Parent'",
          11: "'Rejoué'",
          12: "NULL",
          13: "encode(sha256(convert_to(random()::text, 'UTF8')), 'hex')",
          14: "'portal'",
          15: textLiteral(emails),
          16: `'${Object.keys(JSON.parse(emails) as object).join(",")}'`,
          17: "TRUE",
          18: `${colons("booking|ip|replay-")} || (:rip)::text`,
          19: `${colons("booking|refused|ip|replay-")} || (:rip)::text`,
          20: `now() + interval '10 minutes'`,
        })};`,
        "COMMIT;",
      ].join("\n");
      const file = join(scratch, "booking-replay.sql");
      writeFileSync(file, `${script}\n`);
      return file;
    }

    const seatsFor = (i: number) => 1 + (i % 7 === 0 ? 2 : 0) + (i % 11 === 0 ? 1 : 0);
    const bookedSessions: string[] = [];
    const rounds: Array<{ tpcb: number; replay: number; spread: Phase }> = [];
    const cpuRounds: Array<{ node: number; postgres: number | null }> = [];
    let replayFile: string | null = null;
    const pgbenchArgs = ["-c", String(CONCURRENCY), "-j", "2", "-T", String(SECONDS)];
    // Not measured: the server's code compiled by V8 and its pool's connections opened, with their
    // prepared statements, as pgbench opens its own before it counts.
    const warmIds = await createSessions(SESSIONS, CAPACITY);
    bookedSessions.push(...warmIds);
    await phase("Mise en route (non mesurée)", Array.from({ length: WARM_UP }, (_, i) => ({ sessionId: warmIds[i % warmIds.length]!, seats: seatsFor(i) })), CONCURRENCY);
    for (let round = 1; round <= ROUNDS; round++) {
      console.log(`\nTour ${round}/${ROUNDS}`);
      const tpcb = await pgbench(pgbenchDb, ["-N", "-n", ...pgbenchArgs]);
      console.log(`  pgbench -N   ${tpcb.tps.toFixed(0)} TPS (latence moyenne ${tpcb.latencyMs.toFixed(1)} ms)`);
      const ids = await createSessions(SESSIONS, CAPACITY);
      bookedSessions.push(...ids);
      const profiler = process.env.BENCH_PROFILE ? await startProfile() : null;
      const cpu = await cpuReading(db);
      const spread = await phase(
        `Réparties sur ${SESSIONS} séances de ${CAPACITY} places`,
        Array.from({ length: SPREAD }, (_, i) => ({ sessionId: ids[i % ids.length]!, seats: seatsFor(i) })),
        CONCURRENCY,
      );
      const used = await cpu();
      const cpuPerBooking = { node: used.nodeMs / spread.requests, postgres: used.postgresMs === null ? null : used.postgresMs / spread.requests };
      console.log(`    CPU          par demande : Node ${cpuPerBooking.node.toFixed(2)} ms, PostgreSQL ${cpuPerBooking.postgres?.toFixed(2) ?? "?"} ms`);
      cpuRounds.push(cpuPerBooking);
      if (profiler) console.log(`  profil du serveur : ${await profiler()}`);
      replayFile ??= await writeReplayScript();
      const replay = await pgbench(dbName, ["-n", "-M", "simple", "-r", "-f", replayFile, ...pgbenchArgs]);
      if (process.env.BENCH_VERBOSE) console.log(replay.stdout.split("\n").filter((l) => /^\s+[\d.]+\s+\d+\s/.test(l)).map((l) => l.slice(0, 110)).join("\n"));
      console.log(`  SQL d'une inscription rejoué par pgbench   ${replay.tps.toFixed(0)} inscriptions/s (latence moyenne ${replay.latencyMs.toFixed(1)} ms)`);
      rounds.push({ tpcb: tpcb.tps, replay: replay.tps, spread });
    }

    console.log("");
    const [hotId] = await createSessions(1, 12);
    bookedSessions.push(hotId!);
    const hot = await phase(`Ruée sur une séance de 12 places`, Array.from({ length: HOT }, (_, i) => ({ sessionId: hotId!, seats: seatsFor(i) })), Math.max(CONCURRENCY, 100));

    const rows = await db.sql.query<{ id: string; capacity: number; held: number }>(
      `SELECT s.id, s.capacity, COALESCE(SUM(r.seats) FILTER (WHERE r.status IN ('confirmed','attended','no_show')), 0)::int AS held
         FROM "WorkshopSession" s LEFT JOIN "Registration" r ON r."sessionId" = s.id
        WHERE s.id = ANY($1::uuid[]) GROUP BY s.id, s.capacity`,
      [bookedSessions],
    );
    const capacity = rows.reduce((n, r) => n + r.capacity, 0);
    const sold = rows.reduce((n, r) => n + r.held, 0);
    const oversold = rows.filter((r) => r.held > r.capacity);
    const hotRow = rows.find((r) => r.id === hotId)!;

    const perSecond = median(rounds.map((r) => r.spread.perSecond));
    const tpcb = median(rounds.map((r) => r.tpcb));
    const replay = median(rounds.map((r) => r.replay));
    const vsTpcb = median(rounds.map((r) => r.spread.perSecond / r.tpcb));
    const vsReplay = median(rounds.map((r) => r.spread.perSecond / r.replay));
    const p50 = median(rounds.map((r) => r.spread.p50));
    const p95 = median(rounds.map((r) => r.spread.p95));
    const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
    const m = machine();
    console.log(`\nMédiane de ${ROUNDS} tour(s) entrelacé(s) ; machine : ${m.cpus} cœurs ${m.cpuModel ?? ""}, ${m.memoryGiB} Go, Node ${m.node}`);
    console.log(`  inscriptions/s (${CONCURRENCY} en parallèle)  ${perSecond.toFixed(0)}/s   pgbench -N ${tpcb.toFixed(0)} TPS → ${pct(vsTpcb)} (objectif ≥ 10 %)`);
    console.log(`                                     SQL de l'inscription rejoué ${replay.toFixed(0)}/s → ${pct(vsReplay)} (objectif ≥ 50 %)`);
    console.log(`  latence                            p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms (objectif p95 < 300 ms)`);
    const cpuNode = median(cpuRounds.map((c) => c.node));
    const cpuPg = cpuRounds.every((c) => c.postgres !== null) ? median(cpuRounds.map((c) => c.postgres!)) : null;
    console.log(`  CPU par demande                    Node ${cpuNode.toFixed(2)} ms (serveur et clients), PostgreSQL ${cpuPg?.toFixed(2) ?? "?"} ms`);
    console.log(`  ruée sur 12 places                 ${hot.perSecond.toFixed(0)}/s, p95 ${hot.p95.toFixed(0)} ms`);
    console.log(`  places vendues                     ${sold} sur ${capacity} (séance disputée : ${hotRow.held} sur ${hotRow.capacity})`);
    console.log(oversold.length === 0 ? "  Aucune séance surréservée." : `  ✖ ${oversold.length} séance(s) SURRÉSERVÉE(S) !`);
    const errors = rounds.reduce((n, r) => n + r.spread.counts.error, hot.counts.error);
    if (errors > 0) console.log(`  ✖ ${errors} demande(s) en erreur`);
    if (oversold.length > 0 || errors > 0) process.exitCode = 1;

    const summary: SummaryRow[] = [
      {
        measure: `inscriptions/s, ${CONCURRENCY} en parallèle (bench:booking)`,
        value: Math.round(perSecond),
        unit: "/s",
        limit: { label: "pgbench -N", value: Math.round(tpcb), unit: "TPS" },
        ratio: Number(vsTpcb.toFixed(3)),
        target: "≥ 10 %",
      },
      {
        measure: `inscriptions/s, ${CONCURRENCY} en parallèle (bench:booking)`,
        value: Math.round(perSecond),
        unit: "/s",
        limit: { label: "SQL de l'inscription rejoué par pgbench", value: Math.round(replay), unit: "/s" },
        ratio: Number(vsReplay.toFixed(3)),
        target: "≥ 50 %",
      },
      {
        measure: `inscription, p95 à ${CONCURRENCY} en parallèle`,
        value: Math.round(p95),
        unit: "ms",
        limit: { label: "objectif", value: 300, unit: "ms" },
        ratio: Number((p95 / 300).toFixed(2)),
        target: "< 300 ms",
      },
      {
        measure: "places vendues (réparties + ruée)",
        value: sold,
        unit: "places",
        limit: { label: "capacité", value: capacity, unit: "places" },
        ratio: Number((sold / capacity).toFixed(3)),
        target: "= capacité",
      },
    ];
    const out = writeBenchResult("booking", {
      summary,
      conditions: { rounds: ROUNDS, pgbenchSeconds: SECONDS, concurrency: CONCURRENCY, sessions: SESSIONS, capacity: CAPACITY, spreadPerRound: SPREAD, hot: HOT, quick: QUICK },
      rounds: rounds.map((r) => ({ pgbenchTpcbTps: r.tpcb, replayTps: r.replay, ...r.spread })),
      hot: { ...hot, sold: hotRow.held, capacity: hotRow.capacity },
      seats: { sold, capacity, oversoldSessions: oversold.length },
      cpuPerRequestMs: { node: cpuNode, postgres: cpuPg, rounds: cpuRounds },
    });
    console.log(`\nRésultats écrits dans ${out}`);
  } finally {
    await app?.close();
    await db.sql.exec(`DROP DATABASE IF EXISTS "${pgbenchDb}" WITH (FORCE)`).catch(() => undefined);
    await db.close();
    rmSync(scratch, { recursive: true, force: true });
    console.log("Bases de test supprimées.");
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
