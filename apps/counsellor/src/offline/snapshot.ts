import type { AgendaItem, SyncSnapshot as SyncSnapshotLike } from "@medianum/domain";
import type { DeviceDb } from "./db.js";
import { setMeta } from "./db.js";
import { fromServer } from "./outbox.js";

/**
 * Writes what the server sent over the device's copy, in one transaction, without touching what
 * is still waiting to be sent: records and prescriptions typed here keep their local version.
 */
export async function storeSnapshot(db: DeviceDb, snap: SyncSnapshotLike): Promise<void> {
  await db.transaction("rw", [db.meta, db.outbox, db.records, db.agenda, db.places, db.directory, db.cheques, db.prescriptions, db.collegeSessions], async () => {
    const waiting = await db.outbox.toArray();
    const waitingEntities = new Set(waiting.map((o) => o.entityId));

    const localRecords = await db.records.toArray();
    const keep = new Set(localRecords.filter((r) => r.syncState !== "synced" || waitingEntities.has(r.id)).map((r) => r.id));
    const serverIds = new Set(snap.records.map((r) => r.id));
    await db.records.bulkDelete(localRecords.filter((r) => !keep.has(r.id) && !serverIds.has(r.id)).map((r) => r.id));
    await db.records.bulkPut(snap.records.filter((r) => !keep.has(r.id)).map(fromServer));

    await db.agenda.clear();
    await db.agenda.bulkPut(snap.agenda.map((a: AgendaItem) => ({ ...a, key: `${a.kind}-${a.id}` })));
    await db.places.clear();
    await db.places.bulkPut(snap.places);
    await db.directory.clear();
    await db.directory.bulkPut(snap.directory);

    const localPrescriptions = await db.prescriptions.toArray();
    const pendingPrescriptions = localPrescriptions.filter((p) => p.syncState !== "synced" || waitingEntities.has(p.id));
    const pendingCheques = new Set(pendingPrescriptions.flatMap((p) => p.chequeNumbers));
    await db.prescriptions.clear();
    await db.prescriptions.bulkPut([
      ...snap.prescriptions.filter((p) => !pendingPrescriptions.some((l) => l.id === p.id)).map((p) => ({ ...p, syncState: "synced" as const })),
      ...pendingPrescriptions,
    ]);
    const localCheques = new Map((await db.cheques.toArray()).map((c) => [c.number, c]));
    await db.cheques.clear();
    await db.cheques.bulkPut(snap.cheques.map((c) => (pendingCheques.has(c.number) ? (localCheques.get(c.number) ?? c) : c)));

    await db.collegeSessions.clear();
    await db.collegeSessions.bulkPut(snap.collegeSessions);

    await setMeta(db, "usualPlaceId", snap.defaults.usualPlaceId);
    await setMeta(db, "snapshotAt", snap.generatedAt.getTime());
  });
}
