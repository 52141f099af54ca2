// Steering-dashboard benchmark: a throwaway PostgreSQL database with the demo territory (every
// commune of Lot-et-Garonne), 40 more counsellors and 1,000,000 activity records over 3 years
// (INSERT … SELECT generate_series), then p50/p95 of loading a year's dashboard through the tRPC
// router, beside the same headline figures computed by one hand-written SQL query.
//   pnpm bench:stats      (TEST_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres)
// Options: BENCH_RECORDS (1000000), BENCH_RUNS (15).
import { performance } from "node:perf_hooks";
import { Writable } from "node:stream";
import { appRouter, createCallerFactory, createContext, defaultApiConfig, hashPassword, RateLimiter, writeExport, type RequestAdapter } from "@medianum/api";
import { seedDemo } from "@medianum/db/seed";
import { createTestDatabase } from "@medianum/db/testing";
import { statsFilters } from "@medianum/domain";

process.env.TEST_DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/postgres";
const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const YEAR = 2025;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (n: number) => `${n.toFixed(0)} ms`;

async function timed(label: string, fn: () => Promise<unknown>) {
  const t = performance.now();
  await fn();
  console.log(`  ${label} : ${ms(performance.now() - t)}`);
}

async function main() {
  const db = await createTestDatabase();
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

    const api: number[] = [];
    for (let i = 0; i < RUNS + 2; i++) {
      const t = performance.now();
      const v = await (await caller()).stats.dashboard(input);
      if (i >= 2) api.push(performance.now() - t);
      if (i === 0) console.log(`  tableau de bord ${YEAR} : ${v.figures.map((f) => `${f.metric}=${f.value}`).join(", ")}`);
    }

    const HAND_SQL = `
      WITH a AS (
        SELECT COUNT(*) FILTER (WHERE type = 'Individuel') AS individual, COUNT(*) FILTER (WHERE type = 'Collectif') AS collective,
               COALESCE(SUM("participantsCount") FILTER (WHERE type = 'Collectif'), 0) AS participants, SUM("durationMinutes") AS minutes,
               COUNT(*) FILTER (WHERE type = 'Individuel' AND "beneficiaryId" IS NULL) + COUNT(DISTINCT "beneficiaryId") AS people_individual
        FROM "ActivityRecord" WHERE date BETWEEN $1::date AND $2::date),
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
        FROM "PassCheque" pc JOIN "PassPrescription" pp ON pp.id = pc."prescriptionId")
      SELECT a.*, a.people_individual + a.participants AS people, k.*, w.*, pn.* FROM a, k, w, pn`;
    const sql: number[] = [];
    let handRow: Record<string, unknown> = {};
    for (let i = 0; i < RUNS + 2; i++) {
      const t = performance.now();
      [handRow] = (await db.sql.query<Record<string, unknown>>(HAND_SQL, [input.from, input.to])) as [Record<string, unknown>];
      if (i >= 2) sql.push(performance.now() - t);
    }
    console.log(`  requête écrite à la main : ${Object.entries(handRow).map(([k, v]) => `${k}=${String(v)}`).join(", ")}`);

    api.sort((x, y) => x - y);
    sql.sort((x, y) => x - y);
    console.log(`\nTableau de bord d'une année (${RUNS} mesures après 2 d'échauffement) :`);
    console.log(`  via l'API (10 chiffres, année précédente, 4 répartitions) : p50 ${ms(percentile(api, 50))}, p95 ${ms(percentile(api, 95))}`);
    console.log(`  une requête SQL écrite à la main (les 10 chiffres seuls)   : p50 ${ms(percentile(sql, 50))}, p95 ${ms(percentile(sql, 95))}`);

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
