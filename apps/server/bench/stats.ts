// Steering-dashboard benchmark: a throwaway PostgreSQL database with the demo territory (every
// commune of Lot-et-Garonne), 40 more counsellors and 1,000,000 activity records over 3 years
// (one INSERT … SELECT generate_series; the rollup triggers fold it in as one statement), then the
// year's dashboard through the tRPC router (session, role check, validation, SQL) beside two
// limits measured in the same run: the headline figures by one hand-written SQL query on the
// records, and the same figures from a monthly rollup built by hand. Median of 3 interleaved
// rounds (each round: p50 of BENCH_RUNS calls of each). Writes bench-results/stats.json.
//   pnpm bench:stats      (TEST_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres)
// Options: BENCH_RECORDS (1000000), BENCH_RUNS (15), BENCH_ROUNDS (3), BENCH_EXPORTS (1; 0 skips
// the CSV/XLSX exports of every record), BENCH_DB_NAME (name of the throwaway database).
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { Writable } from "node:stream";
import { appRouter, createCallerFactory, createContext, defaultApiConfig, hashPassword, RateLimiter, writeExport, type RequestAdapter } from "@medianum/api";
import { seedDemo } from "@medianum/db/seed";
import { createTestDatabase } from "@medianum/db/testing";
import { statsFilters } from "@medianum/domain";

process.env.TEST_DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/postgres";
const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const EXPORTS = process.env.BENCH_EXPORTS !== "0";
const DB_NAME = process.env.BENCH_DB_NAME ?? `medianum_bench_stats_${randomBytes(4).toString("hex")}`;
const YEAR = 2025;
const TARGET_MS = 100;
// Enough calls for each pooled connection to have planned each statement once (a new backend's
// first plans are slow while its catalogue caches fill), for the API and the hand queries alike.
const WARMUP = 5;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);
const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;

/** p50 of `runs` calls (after `warmup` unmeasured ones). */
async function p50(runs: number, warmup: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs + warmup; i++) {
    const t = performance.now();
    await fn();
    if (i >= warmup) times.push(performance.now() - t);
  }
  return median(times);
}

async function timed(label: string, fn: () => Promise<unknown>) {
  const t = performance.now();
  await fn();
  console.log(`  ${label} : ${ms(performance.now() - t)}`);
}

/** Collèges, e-parentalité and Pass numérique figures of the period ($1, $2), shared by both hand queries. */
const OTHER_FIGURES = `
      k AS (
        SELECT COUNT(DISTINCT r.uai) AS colleges, COALESCE(SUM(COALESCE(x."pupilsPresent", cc.pupils)), 0) AS pupils
        FROM "CollegeSession" s JOIN "CollegeRequest" r ON r.id = s."requestId"
        LEFT JOIN "CollegeSessionClass" x ON x."sessionId" = s.id LEFT JOIN "CollegeClass" cc ON cc.id = x."classId"
        WHERE s.status = 'done' AND (s."startsAt" AT TIME ZONE 'Europe/Paris')::date BETWEEN $1::date AND $2::date),
      w AS (
        SELECT COALESCE(SUM(g.seats), 0) AS parents FROM "Registration" g JOIN "WorkshopSession" ws ON ws.id = g."sessionId"
        WHERE g.status = 'attended' AND ws.status <> 'cancelled' AND (ws."startsAt" AT TIME ZONE 'Europe/Paris')::date BETWEEN $1::date AND $2::date),
      pn AS (
        SELECT COUNT(*) FILTER (WHERE pp."prescribedOn" BETWEEN $1::date AND $2::date) AS prescribed,
               COUNT(*) FILTER (WHERE pc.status = 'used' AND (pc."usedAt" AT TIME ZONE 'Europe/Paris')::date BETWEEN $1::date AND $2::date) AS used
        FROM "PassCheque" pc JOIN "PassPrescription" pp ON pp.id = pc."prescriptionId")`;

async function main() {
  const db = await createTestDatabase({ name: DB_NAME });
  console.log(`Base jetable : ${db.location}`);
  try {
    const { prisma } = db;
    console.log("Remplissage…");
    await timed("territoire et données de démonstration", () => seedDemo(prisma, { hashPassword, now: new Date(`${YEAR}-11-25T10:00:00Z`) }));
    await timed("40 conseillers de plus", async () => {
      await db.sql.exec(`
        INSERT INTO "User" (id, email, "passwordHash", "displayName", role, "createdAt", "updatedAt")
        SELECT gen_random_uuid(), 'banc' || i || '@medianum.test', 'inutilisable', 'Conseiller banc ' || i, 'counsellor', now(), now()
        FROM generate_series(1, 40) i;
        INSERT INTO "Counsellor" (id, "userId", "territoryEpciCodes", "createdAt")
        SELECT gen_random_uuid(), id, '{}', now() FROM "User" WHERE email LIKE 'banc%@medianum.test';`);
    });
    await timed(`${RECORDS.toLocaleString("fr-FR")} accompagnements et ateliers sur 3 ans`, async () => {
      await db.sql.exec(`
        INSERT INTO "ActivityRecord" (id, "counsellorId", type, date, "durationMinutes", "locationType", "placeId", "communeInsee",
          themes, "administrativeThemes", equipment, autonomy, gender, "ageBracket", "socialStatus", "participantsCount",
          "workshopTitle", "updatedAt")
        SELECT gen_random_uuid(),
               c.ids[1 + (i % array_length(c.ids, 1))],
               CASE WHEN i % 12 = 0 THEN 'Collectif' ELSE 'Individuel' END,
               DATE '${YEAR - 1}-01-01' + ((i::bigint * 7919) % 1096)::int,
               (ARRAY[15, 30, 45, 60, 90, 120])[1 + (i % 6)],
               CASE WHEN i % 5 = 0 THEN 'Domicile' ELSE 'LieuActivite' END,
               CASE WHEN i % 5 = 0 THEN NULL ELSE p.ids[1 + (i % array_length(p.ids, 1))] END,
               CASE WHEN i % 5 = 0 THEN co.codes[1 + (i % array_length(co.codes, 1))] END,
               ARRAY[(ARRAY['Email', 'NavigationSurInternet', 'PrendreEnMainDuMateriel', 'SecuriteNumerique', 'AideAuxDemarchesAdministratives', 'Sante', 'ReseauxSociaux', 'Bureautique'])[1 + (i % 8)]],
               '{}', '{Telephone}',
               CASE WHEN i % 12 = 0 THEN NULL ELSE (ARRAY['EntierementAccompagne', 'PartiellementAutonome', 'Autonome'])[1 + (i % 3)] END,
               CASE WHEN i % 12 = 0 THEN NULL ELSE (ARRAY['Feminin', 'Masculin', 'NonCommunique'])[1 + (i % 3)] END,
               CASE WHEN i % 12 = 0 THEN NULL ELSE 'SoixanteDixPlus' END,
               CASE WHEN i % 12 = 0 THEN NULL ELSE 'Retraite' END,
               CASE WHEN i % 12 = 0 THEN 3 + (i % 10) ELSE 1 END,
               CASE WHEN i % 12 = 0 THEN 'Atelier banc d''essai' END,
               now()
        FROM generate_series(1, ${RECORDS}) i,
             (SELECT array_agg(id) AS ids FROM "Counsellor") c,
             (SELECT array_agg(id) AS ids FROM "Place") p,
             (SELECT array_agg("inseeCode") AS codes FROM "Commune") co;
        ANALYZE;`);
    });
    const [counts] = await db.sql.query<{ total: string; communes: string }>(
      `SELECT COUNT(*) AS total, COUNT(DISTINCT COALESCE(p."communeInsee", a."communeInsee")) AS communes FROM "ActivityRecord" a LEFT JOIN "Place" p ON p.id = a."placeId"`,
    );
    const [all] = await db.sql.query<{ n: string }>(`SELECT COUNT(*) AS n FROM "Commune"`);
    console.log(`  ${Number(counts?.total).toLocaleString("fr-FR")} enregistrements, dans ${counts?.communes} communes sur ${all?.n}.`);

    // Through the API, as the back-office calls it: session cookie, role check, validation, SQL.
    const services = { db, config: { ...defaultApiConfig, environment: "production" as const }, rateLimiter: new RateLimiter(db.prisma), now: () => new Date() };
    const cookies = new Map<string, string>();
    const adapter: RequestAdapter = {
      ip: "127.0.0.1",
      getCookie: (n) => cookies.get(n),
      setCookie: (n, v) => void cookies.set(n, v),
      clearCookie: (n) => void cookies.delete(n),
    };
    const caller = async () => createCallerFactory(appRouter)(await createContext(services, adapter));
    await (await caller()).auth.login({ email: "coordination@medianum.test", password: "medianum-demo" });
    const input = { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` };

    const dashboard = async () => (await caller()).stats.dashboard(input);

    const HAND_SQL = `
      WITH a AS (
        SELECT COUNT(*) FILTER (WHERE type = 'Individuel') AS individual, COUNT(*) FILTER (WHERE type = 'Collectif') AS collective,
               COALESCE(SUM("participantsCount") FILTER (WHERE type = 'Collectif'), 0) AS participants, SUM("durationMinutes") AS minutes,
               COUNT(*) FILTER (WHERE type = 'Individuel' AND "beneficiaryId" IS NULL) + COUNT(DISTINCT "beneficiaryId") FILTER (WHERE type = 'Individuel') AS people_individual
        FROM "ActivityRecord" WHERE date BETWEEN $1::date AND $2::date),
      ${OTHER_FIGURES}
      SELECT a.*, a.people_individual + a.participants AS people, k.*, w.*, pn.* FROM a, k, w, pn`;

    // The floor of a rollup: one row per month and type (and per month and followed person), built
    // by hand here, read for the same headline figures. The API's rollups are finer (counsellor,
    // place, theme) because scopes and breakdowns need them.
    await timed("rollup mensuel fait à la main (limite)", () =>
      db.sql.exec(`
        CREATE TABLE bench_hand_month AS
          SELECT date_trunc('month', date)::date AS month, type, COUNT(*) AS records, SUM("participantsCount") AS participants,
                 SUM("durationMinutes") AS minutes, COUNT(*) FILTER (WHERE "beneficiaryId" IS NULL) AS anonymous
          FROM "ActivityRecord" GROUP BY 1, 2;
        CREATE TABLE bench_hand_person AS
          SELECT DISTINCT date_trunc('month', date)::date AS month, "beneficiaryId" FROM "ActivityRecord"
          WHERE type = 'Individuel' AND "beneficiaryId" IS NOT NULL;
        CREATE INDEX ON bench_hand_month (month); CREATE INDEX ON bench_hand_person (month);
        ANALYZE bench_hand_month; ANALYZE bench_hand_person;`),
    );
    const HAND_ROLLUP = `
      WITH a AS (
        SELECT SUM(records) FILTER (WHERE type = 'Individuel') AS individual, COALESCE(SUM(records) FILTER (WHERE type = 'Collectif'), 0) AS collective,
               COALESCE(SUM(participants) FILTER (WHERE type = 'Collectif'), 0) AS participants, SUM(minutes) AS minutes,
               COALESCE(SUM(anonymous) FILTER (WHERE type = 'Individuel'), 0)
                 + (SELECT COUNT(DISTINCT "beneficiaryId") FROM bench_hand_person WHERE month BETWEEN $1::date AND $2::date) AS people_individual
        FROM bench_hand_month WHERE month BETWEEN $1::date AND $2::date),
      ${OTHER_FIGURES}
      SELECT a.*, a.people_individual + a.participants AS people, k.*, w.*, pn.* FROM a, k, w, pn`;

    // Same figures three ways, or the comparison means nothing.
    const v = await dashboard();
    const api = Object.fromEntries(v.figures.map((f) => [f.metric, f.value]));
    const byHand = async (sql: string) => {
      const [r] = await db.sql.query<Record<string, string | number>>(sql, [input.from, input.to]);
      return {
        peopleHelped: Number(r!.people), individualAccompaniments: Number(r!.individual), collectiveWorkshops: Number(r!.collective),
        workshopParticipants: Number(r!.participants), hours: Math.floor(Number(r!.minutes) / 60), collegesReached: Number(r!.colleges),
        collegePupils: Number(r!.pupils), parentsReached: Number(r!.parents), passPrescribed: Number(r!.prescribed), passUsed: Number(r!.used),
      };
    };
    const [fromRecords, fromHandRollup] = [await byHand(HAND_SQL), await byHand(HAND_ROLLUP)];
    console.log(`  tableau de bord ${YEAR} : ${Object.entries(api).map(([k, x]) => `${k}=${x}`).join(", ")}`);
    for (const [label, other] of [["SQL à la main", fromRecords], ["rollup à la main", fromHandRollup]] as const) {
      const diff = Object.entries(other).filter(([k, x]) => api[k] !== x);
      if (diff.length) throw new Error(`Chiffres différents de l'API (${label}) : ${diff.map(([k, x]) => `${k} ${String(api[k])} ≠ ${x}`).join(", ")}`);
    }
    console.log("  mêmes 10 chiffres par l'API, le SQL à la main et le rollup à la main.");

    const rounds: Array<{ api: number; handSql: number; handRollup: number }> = [];
    for (let r = 0; r < ROUNDS; r++) {
      const round = {
        api: await p50(RUNS, r === 0 ? WARMUP : 0, dashboard),
        handSql: await p50(RUNS, r === 0 ? WARMUP : 0, () => db.sql.query(HAND_SQL, [input.from, input.to])),
        handRollup: await p50(RUNS, r === 0 ? WARMUP : 0, () => db.sql.query(HAND_ROLLUP, [input.from, input.to])),
      };
      rounds.push(round);
      console.log(`  tour ${r + 1} : API ${ms(round.api)}, SQL à la main ${ms(round.handSql)}, rollup à la main ${ms(round.handRollup)}`);
    }
    const result = {
      api: median(rounds.map((x) => x.api)),
      handSql: median(rounds.map((x) => x.handSql)),
      handRollup: median(rounds.map((x) => x.handRollup)),
    };
    const [stats] = await db.sql.query<{ month: number; place: number; theme: number; person: number }>(
      `SELECT (SELECT COUNT(*) FROM "ActivityMonthStat" WHERE month BETWEEN $1::date AND $2::date)::int AS month,
              (SELECT COUNT(*) FROM "ActivityPlaceMonthStat" WHERE month BETWEEN $1::date AND $2::date)::int AS place,
              (SELECT COUNT(*) FROM "ActivityThemeMonthStat" WHERE month BETWEEN $1::date AND $2::date)::int AS theme,
              (SELECT COUNT(*) FROM "ActivityPersonMonth" WHERE month BETWEEN $1::date AND $2::date)::int AS person`,
      [input.from, input.to],
    );
    console.log(`\nTableau de bord de l'année ${YEAR}, ${RECORDS.toLocaleString("fr-FR")} enregistrements sur 3 ans (médiane de ${ROUNDS} tours entrelacés, p50 de ${RUNS} appels chacun) :`);
    console.log(`  Machine : ${cpus().length} cœurs ${cpus()[0]?.model ?? ""}, ${Math.round(totalmem() / 2 ** 30)} Go, Node ${process.version}`);
    console.log(`  via l'API (10 chiffres, année précédente, 4 répartitions)   : p50 ${ms(result.api)} (cible < ${TARGET_MS} ms)`);
    console.log(`  SQL à la main sur les enregistrements (10 chiffres)       : p50 ${ms(result.handSql)}  → API ${(result.api / result.handSql).toFixed(2)}×`);
    console.log(`  rollup mensuel fait à la main (10 chiffres)               : p50 ${ms(result.handRollup)}  → API ${(result.api / result.handRollup).toFixed(2)}×`);
    console.log(`  lignes des rollups pour l'année : ${stats!.month} (mois × conseiller × type), ${stats!.place} (lieux), ${stats!.theme} (thèmes), ${stats!.person} (personnes suivies)`);

    const round1 = (n: number) => Math.round(n * 10) / 10;
    const measure = `tableau de bord de l'année via l'API, ${RECORDS.toLocaleString("fr-FR")} enregistrements (p50)`;
    const out = fileURLToPath(new URL("../../../bench-results/stats.json", import.meta.url));
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(
      out,
      `${JSON.stringify(
        {
          benchmark: "stats",
          date: new Date().toISOString(),
          machine: { cpus: cpus().length, model: cpus()[0]?.model ?? null, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
          records: RECORDS,
          runsPerRound: RUNS,
          rounds,
          rollupRowsRead: stats,
          summary: [
            {
              measure,
              value: round1(result.api),
              unit: "ms",
              limit: { label: "mêmes 10 chiffres, une requête SQL écrite à la main sur les enregistrements", value: round1(result.handSql), unit: "ms" },
              ratio: Number((result.api / result.handSql).toFixed(2)),
              target: `< ${TARGET_MS} ms p50`,
            },
            {
              measure,
              value: round1(result.api),
              unit: "ms",
              limit: { label: "mêmes 10 chiffres, rollup mensuel fait à la main", value: round1(result.handRollup), unit: "ms" },
              ratio: Number((result.api / result.handRollup).toFixed(2)),
              target: `< ${TARGET_MS} ms p50`,
            },
          ],
        },
        null,
        2,
      )}\n`,
    );
    console.log(`  écrit : ${out}`);

    if (!EXPORTS) return;
    // Exports of every record (3 years): the file streams out while memory stays flat.
    console.log(`\nExport de tous les enregistrements (${RECORDS.toLocaleString("fr-FR")}) :`);
    for (const format of ["csv", "xlsx"] as const) {
      let bytes = 0;
      const sink = new Writable({
        write(chunk: Buffer, _enc, cb) {
          bytes += chunk.length;
          cb();
        },
      });
      let peak = process.memoryUsage().rss;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
      const t = performance.now();
      const rows = await writeExport(prisma, "activities", format, statsFilters.parse({ from: `${YEAR - 1}-01-01`, to: `${YEAR + 1}-12-31` }), sink);
      clearInterval(sampler);
      console.log(
        `  ${format.toUpperCase()} : ${rows.toLocaleString("fr-FR")} lignes, ${(bytes / 1e6).toFixed(0)} Mo en ${(
          (performance.now() - t) / 1000
        ).toFixed(1)} s, mémoire du processus au plus ${(peak / 1e6).toFixed(0)} Mo`,
      );
    }
  } finally {
    await db.close();
    console.log("Base jetable supprimée.");
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
