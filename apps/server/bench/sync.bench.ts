/**
 * Sync benchmark: queues 1,000 individual records in the counsellor app's real outbox (Dexie on an
 * in-memory IndexedDB) and syncs them through HTTP to the real server on PostgreSQL, as a phone
 * coming back online would. Prints the figures; asserts nothing about time.
 *
 *   pnpm bench:sync                      # TEST_DATABASE_URL, or postgresql://postgres@127.0.0.1:5432/postgres
 *   BENCH_RECORDS=5000 BENCH_BATCH=100 pnpm bench:sync
 *
 * A throwaway database is created on that server and dropped at the end.
 */
import "../../counsellor/src/offline/in-memory-indexeddb.js";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { hashPassword } from "@medianum/api";
import { createTestDatabase } from "@medianum/db/testing";
import type { SyncItemResult, SyncOperation } from "@medianum/domain";
import superjson from "superjson";
import { DeviceDb } from "../../counsellor/src/offline/db.js";
import { enqueue, flush } from "../../counsellor/src/offline/outbox.js";
import { buildServer } from "../src/app.js";
import { loadConfig } from "../src/config.js";

const RECORDS = Number(process.env.BENCH_RECORDS ?? 1000);
const BATCH = Number(process.env.BENCH_BATCH ?? 50);
process.env.TEST_DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/postgres";

async function main() {
  const db = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "warn", PORT: "0", JOBS_ENABLED: "false" });
  const app = await buildServer({ config, db });
  // Interrupted (Ctrl+C): the throwaway database is dropped all the same.
  const stop = () => void app.close().finally(() => db.close().finally(() => process.exit(130)));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    const { prisma } = db;
    await prisma.departement.create({ data: { code: "47", name: "Lot-et-Garonne" } });
    await prisma.commune.create({ data: { inseeCode: "47001", name: "Agen", postalCodes: ["47000"], population: 32000, departementCode: "47" } });
    const place = await prisma.place.create({ data: { name: "Médiathèque Lacépède", type: "mediatheque", address: "2 rue Lacépède", postalCode: "47000", communeInsee: "47001" } });
    const user = await prisma.user.create({ data: { email: "bench@medianum.test", displayName: "Banc d'essai", role: "counsellor", passwordHash: await hashPassword("bench-password") } });
    const counsellor = await prisma.counsellor.create({ data: { userId: user.id } });

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
    const sentOps: SyncOperation[] = [];
    const send = async (operations: SyncOperation[]): Promise<SyncItemResult[]> => {
      requests += 1;
      if (process.env.BENCH_DEBUG) console.error(`lot ${requests} : ${operations.length}`);
      sentOps.push(...operations);
      const res = await fetch(`${base}/api/trpc/sync.push`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: base, cookie },
        body: JSON.stringify(superjson.serialize({ operations })),
      });
      const body = (await res.json()) as { result?: { data: Parameters<typeof superjson.deserialize>[0] } };
      if (!res.ok || !body.result) throw new Error(`sync.push : HTTP ${res.status}`);
      return superjson.deserialize<{ results: SyncItemResult[] }>(body.result.data).results;
    };

    const device = new DeviceDb(`bench-${randomUUID()}`);
    const t0 = performance.now();
    for (let i = 0; i < RECORDS; i++) {
      const id = randomUUID();
      const payload = { id, date: "2026-11-24", durationMinutes: 15 + (i % 8) * 15, locationType: "LieuActivite", placeId: place.id, themes: ["Email"], administrativeThemes: [], equipment: [], gender: "NonCommunique", ageBracket: "NonCommunique", socialStatus: "NonCommunique" };
      await enqueue(device, { kind: "activity.individual.create", payload, entityId: id, summary: `Accompagnement ${i + 1}` });
    }
    const tQueued = performance.now();
    const report = await flush(device, send, { batchSize: BATCH });
    const tSynced = performance.now();
    const syncRequests = requests;
    // The same traffic replayed (a phone that never got the answers): nothing new may be created.
    const tReplay = performance.now();
    let duplicates = 0;
    const traffic = sentOps.splice(0);
    for (let i = 0; i < traffic.length; i += BATCH) duplicates += (await send(traffic.slice(i, i + BATCH))).filter((r) => r.status === "duplicate").length;
    const replayMs = performance.now() - tReplay;

    const stored = await prisma.activityRecord.count({ where: { counsellorId: counsellor.id } });
    const left = await device.outbox.count();
    const syncMs = tSynced - tQueued;
    console.log(`Base : PostgreSQL (${new URL(process.env.TEST_DATABASE_URL!).host}), base jetable`);
    console.log(`Saisies mises en file : ${RECORDS} en ${(tQueued - t0).toFixed(0)} ms (IndexedDB en mémoire)`);
    console.log(`Synchronisation : ${report.applied} appliquées, ${report.duplicates} doublons, ${report.rejected} refusées, en ${syncRequests} requêtes de ${BATCH} au plus`);
    console.log(`Durée de synchronisation : ${(syncMs / 1000).toFixed(2)} s — ${(RECORDS / (syncMs / 1000)).toFixed(0)} saisies/s — ${(syncMs / syncRequests).toFixed(0)} ms par lot`);
    console.log(`Rejeu du même trafic : ${duplicates} doublons reconnus en ${(replayMs / 1000).toFixed(2)} s`);
    console.log(`En base : ${stored} enregistrements ; restant dans la file : ${left}`);
    if (stored !== RECORDS || left !== 0 || duplicates !== RECORDS) process.exitCode = 1;
    device.close();
  } finally {
    await app.close();
    await db.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
