/**
 * Sync benchmark: queues 1,000 individual records in the counsellor app's real outbox (Dexie on an
 * in-memory IndexedDB) and syncs them through HTTP to the real server on PostgreSQL, as a phone
 * coming back online would; then replays the same traffic (answers lost: nothing may be created
 * twice). Beside it, in the same run and on the same server, the limit: the same rows (the records
 * and their sync receipts) inserted by hand through `pg` in one transaction with multi-row INSERTs.
 * Rounds are interleaved (sync, then hand insert); medians are printed with their ratio and written
 * to bench-results/sync.json. Asserts nothing about time; fails only if a record is missing or
 * created twice.
 *
 *   pnpm bench:sync                      # TEST_DATABASE_URL, or postgresql://postgres@127.0.0.1:5432/postgres
 *   BENCH_RECORDS=5000 BENCH_BATCH=100 BENCH_ROUNDS=5 pnpm bench:sync
 *
 * BENCH_BATCH defaults to what the device sends. A throwaway database is created on that server
 * and dropped at the end.
 */
import "../../counsellor/src/offline/in-memory-indexeddb.js";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { hashPassword } from "@medianum/api";
import { createTestDatabase } from "@medianum/db/testing";
import type { SyncItemResult, SyncOperation } from "@medianum/domain";
import pg from "pg";
import superjson from "superjson";
import { DeviceDb } from "../../counsellor/src/offline/db.js";
import { DEVICE_BATCH_SIZE, enqueue, flush } from "../../counsellor/src/offline/outbox.js";
import { buildServer } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { median, writeBenchResult } from "./summary.js";

const RECORDS = Number(process.env.BENCH_RECORDS ?? 1000);
const BATCH = Number(process.env.BENCH_BATCH ?? DEVICE_BATCH_SIZE);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const TARGET_MS = 1000;
const TARGET_RATIO = 10;
process.env.TEST_DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/postgres";

/** The payload the counsellor app queues for one quick accompaniment. */
function payloadFor(i: number, placeId: string) {
  return { id: randomUUID(), date: "2026-11-24", durationMinutes: 15 + (i % 8) * 15, locationType: "LieuActivite", placeId, themes: ["Email"], administrativeThemes: [], equipment: [], gender: "NonCommunique", ageBracket: "NonCommunique", socialStatus: "NonCommunique" };
}

const RECORD_COLUMNS = ["id", "counsellorId", "type", "date", "durationMinutes", "locationType", "placeId", "themes", "administrativeThemes", "equipment", "gender", "ageBracket", "socialStatus", "participantsCount", "version", "createdAt", "updatedAt"];

/**
 * The limit: what a sync of `n` records leaves in the database (n records, n receipts), written
 * by hand: one connection already open, BEGIN, one multi-row INSERT per table, COMMIT.
 * Returns the time of the whole transaction and of the records' INSERT alone.
 */
async function handInsert(client: pg.Client, n: number, counsellorId: string, placeId: string) {
  const records = Array.from({ length: n }, (_, i) => payloadFor(i, placeId));
  const now = new Date();
  const recordValues: unknown[] = [];
  const recordRows = records.map((r, i) => {
    recordValues.push(r.id, counsellorId, "Individuel", r.date, r.durationMinutes, r.locationType, r.placeId, r.themes, r.administrativeThemes, r.equipment, r.gender, r.ageBracket, r.socialStatus, 1, 1, now, now);
    return `(${RECORD_COLUMNS.map((_, c) => `$${i * RECORD_COLUMNS.length + c + 1}`).join(", ")})`;
  });
  const receiptValues: unknown[] = [];
  const receiptRows = records.map((r, i) => {
    receiptValues.push(randomUUID(), counsellorId, "activity.individual.create", JSON.stringify({ id: r.id, version: 1 }), now);
    return `($${i * 5 + 1}, $${i * 5 + 2}, $${i * 5 + 3}, $${i * 5 + 4}, $${i * 5 + 5})`;
  });
  const t0 = performance.now();
  await client.query("BEGIN");
  const tr = performance.now();
  await client.query(`INSERT INTO "ActivityRecord" (${RECORD_COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES ${recordRows.join(", ")}`, recordValues);
  const recordsMs = performance.now() - tr;
  await client.query(`INSERT INTO "SyncReceipt" (id, "counsellorId", kind, result, "createdAt") VALUES ${receiptRows.join(", ")}`, receiptValues);
  await client.query("COMMIT");
  return { totalMs: performance.now() - t0, recordsMs };
}

async function main() {
  const db = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "warn", PORT: "0", JOBS_ENABLED: "false" });
  const app = await buildServer({ config, db });
  // The hand insert's own connection, to the same throwaway database.
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = new URL(db.location).pathname;
  const hand = new pg.Client({ connectionString: url.toString() });
  // Interrupted (Ctrl+C): the throwaway database is dropped all the same.
  const stop = () => void hand.end().finally(() => app.close().finally(() => db.close().finally(() => process.exit(130))));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    await hand.connect();
    const { prisma } = db;
    await prisma.departement.create({ data: { code: "47", name: "Lot-et-Garonne" } });
    await prisma.commune.create({ data: { inseeCode: "47001", name: "Agen", postalCodes: ["47000"], population: 32000, departementCode: "47" } });
    const place = await prisma.place.create({ data: { name: "Médiathèque Lacépède", type: "mediatheque", address: "2 rue Lacépède", postalCode: "47000", communeInsee: "47001" } });
    const user = await prisma.user.create({ data: { email: "bench@medianum.test", displayName: "Banc d'essai", role: "counsellor", passwordHash: await hashPassword("bench-password") } });
    const counsellor = await prisma.counsellor.create({ data: { userId: user.id } });
    // The hand-inserted rows belong to another counsellor, so the sync's own rows can be counted.
    const handUser = await prisma.user.create({ data: { email: "hand@medianum.test", displayName: "Saisie à la main", role: "counsellor", passwordHash: "x" } });
    const handCounsellor = await prisma.counsellor.create({ data: { userId: handUser.id } });

    await app.listen({ port: 0, host: "127.0.0.1" });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const login = await fetch(`${base}/api/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: JSON.stringify(superjson.serialize({ email: "bench@medianum.test", password: "bench-password" })),
    });
    const cookie = login.headers.get("set-cookie")?.split(";")[0];
    if (!login.ok || !cookie) throw new Error(`connexion impossible : ${login.status}`);

    let requests = 0;
    let inFlightMs = 0;
    const sentOps: SyncOperation[] = [];
    const send = async (operations: SyncOperation[]): Promise<SyncItemResult[]> => {
      const t = performance.now();
      requests += 1;
      sentOps.push(...operations);
      const res = await fetch(`${base}/api/trpc/sync.push`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: base, cookie },
        body: JSON.stringify(superjson.serialize({ operations })),
      });
      const body = (await res.json()) as { result?: { data: Parameters<typeof superjson.deserialize>[0] } };
      if (!res.ok || !body.result) throw new Error(`sync.push : HTTP ${res.status}`);
      const results = superjson.deserialize<{ results: SyncItemResult[] }>(body.result.data).results;
      inFlightMs += performance.now() - t;
      return results;
    };

    // Warm-up (JIT, connection pool, Prisma's first queries): one small sync and one hand insert, not counted.
    {
      const device = new DeviceDb(`bench-warmup-${randomUUID()}`);
      for (let i = 0; i < 2 * BATCH; i++) {
        const payload = payloadFor(i, place.id);
        await enqueue(device, { kind: "activity.individual.create", payload, entityId: payload.id, summary: `Échauffement ${i + 1}` });
      }
      await flush(device, send, { batchSize: BATCH });
      device.close();
      await handInsert(hand, 2 * BATCH, handCounsellor.id, place.id);
      sentOps.length = 0;
    }

    const rounds: Array<{ queueMs: number; syncMs: number; inFlightMs: number; requests: number; replayMs: number; handMs: number; handRecordsMs: number; applied: number; duplicates: number }> = [];
    let failed = false;
    for (let round = 0; round < ROUNDS; round++) {
      const before = await prisma.activityRecord.count({ where: { counsellorId: counsellor.id } });
      const device = new DeviceDb(`bench-${randomUUID()}`);
      const t0 = performance.now();
      for (let i = 0; i < RECORDS; i++) {
        const payload = payloadFor(i, place.id);
        await enqueue(device, { kind: "activity.individual.create", payload, entityId: payload.id, summary: `Accompagnement ${i + 1}` });
      }
      const tQueued = performance.now();
      requests = 0;
      inFlightMs = 0;
      const report = await flush(device, send, { batchSize: BATCH });
      const syncMs = performance.now() - tQueued;
      const syncRequests = requests;
      const syncInFlight = inFlightMs;

      const { totalMs: handMs, recordsMs: handRecordsMs } = await handInsert(hand, RECORDS, handCounsellor.id, place.id);

      // The same traffic replayed (a phone that never got the answers): nothing new may be created.
      const traffic = sentOps.splice(0);
      const tReplay = performance.now();
      let duplicates = 0;
      for (let i = 0; i < traffic.length; i += BATCH) duplicates += (await send(traffic.slice(i, i + BATCH))).filter((r) => r.status === "duplicate").length;
      const replayMs = performance.now() - tReplay;
      sentOps.length = 0;

      const stored = (await prisma.activityRecord.count({ where: { counsellorId: counsellor.id } })) - before;
      const left = await device.outbox.count();
      device.close();
      if (stored !== RECORDS || left !== 0 || report.applied !== RECORDS || duplicates !== RECORDS) failed = true;
      rounds.push({ queueMs: tQueued - t0, syncMs, inFlightMs: syncInFlight, requests: syncRequests, replayMs, handMs, handRecordsMs, applied: report.applied, duplicates });
      console.log(
        `Tour ${round + 1} : synchronisation ${syncMs.toFixed(0)} ms (${report.applied} appliquées en ${syncRequests} requêtes, dont ${syncInFlight.toFixed(0)} ms d'aller-retour HTTP) ; à la main ${handMs.toFixed(1)} ms ; rejeu ${replayMs.toFixed(0)} ms (${duplicates} doublons) ; en base +${stored}, file ${left}`,
      );
    }

    const m = {
      syncMs: median(rounds.map((r) => r.syncMs)),
      inFlightMs: median(rounds.map((r) => r.inFlightMs)),
      handMs: median(rounds.map((r) => r.handMs)),
      handRecordsMs: median(rounds.map((r) => r.handRecordsMs)),
      replayMs: median(rounds.map((r) => r.replayMs)),
      queueMs: median(rounds.map((r) => r.queueMs)),
    };
    const ratio = m.syncMs / m.handMs;
    const replayRatio = m.replayMs / m.handMs;
    const ms = (v: number) => `${v.toFixed(v < 100 ? 1 : 0)} ms`;
    console.log(`\nBase : PostgreSQL (${url.host}), base jetable ; ${RECORDS} saisies, lots de ${BATCH} ; médiane de ${ROUNDS} tours alternés`);
    console.log(`Mise en file sur l'appareil (hors mesure) : ${ms(m.queueMs)}`);
    console.log(`${"mesure".padEnd(62)} ${"valeur".padStart(9)}  ${"limite".padStart(9)}  ratio`);
    console.log(`${`${RECORDS} saisies synchronisées de bout en bout`.padEnd(62)} ${ms(m.syncMs).padStart(9)}  ${ms(m.handMs).padStart(9)}  ${ratio.toFixed(1)}×  (objectif < ${TARGET_MS} ms et ≤ ${TARGET_RATIO}×)`);
    console.log(`${"  dont allers-retours HTTP (API et base), le reste sur l'appareil".padEnd(62)} ${ms(m.inFlightMs).padStart(9)}`);
    console.log(`${`Rejeu des ${RECORDS} (doublons reconnus, rien de créé)`.padEnd(62)} ${ms(m.replayMs).padStart(9)}  ${ms(m.handMs).padStart(9)}  ${replayRatio.toFixed(1)}×`);
    console.log(`Limite : les mêmes lignes (${RECORDS} enregistrements et leurs ${RECORDS} reçus) insérées à la main via pg, une transaction, INSERT multi-lignes ; les enregistrements seuls : ${ms(m.handRecordsMs)}`);

    const handLabel = `mêmes lignes à la main via pg (${RECORDS} enregistrements + ${RECORDS} reçus, une transaction, INSERT multi-lignes)`;
    const out = writeBenchResult("sync", {
      conditions: { database: `PostgreSQL ${url.host}`, records: RECORDS, batchSize: BATCH, rounds: ROUNDS, device: "counsellor outbox on fake-indexeddb (in memory)" },
      summary: [
        {
          measure: `${RECORDS} saisies hors ligne synchronisées de bout en bout (file de l'appareil → HTTP → API → PostgreSQL)`,
          value: Math.round(m.syncMs),
          unit: "ms",
          limit: { label: handLabel, value: Number(m.handMs.toFixed(1)), unit: "ms" },
          ratio: Number(ratio.toFixed(2)),
          target: `< ${TARGET_MS} ms et ≤ ${TARGET_RATIO}×`,
        },
        {
          measure: `rejeu des ${RECORDS} mêmes opérations (réponses perdues : tout doublon, rien de créé)`,
          value: Math.round(m.replayMs),
          unit: "ms",
          limit: { label: handLabel, value: Number(m.handMs.toFixed(1)), unit: "ms" },
          ratio: Number(replayRatio.toFixed(2)),
          target: "informatif",
        },
      ],
      medians: { ...Object.fromEntries(Object.entries(m).map(([k, v]) => [k, Number(v.toFixed(1))])) },
      rounds: rounds.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v.toFixed(1))]))),
    });
    console.log(`Résultats écrits dans ${out}`);
    if (failed) {
      console.error("ÉCHEC : des saisies manquent ou ont été créées deux fois.");
      process.exitCode = 1;
    }
  } finally {
    await hand.end().catch(() => {});
    await app.close();
    await db.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
