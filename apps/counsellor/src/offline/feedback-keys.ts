import type { DeviceDb } from "./db.js";

/**
 * The key of a workshop's feedback QR code, taken on the device without network: the one already
 * shown for this record, or the next unused key of the pool. Null when the pool is empty (the
 * device has not been online since its keys ran out).
 */
export async function feedbackKeyFor(db: DeviceDb, recordId: string, now = Date.now()): Promise<string | null> {
  return db.transaction("rw", db.feedbackKeys, async () => {
    const mine = await db.feedbackKeys.where("recordId").equals(recordId).first();
    if (mine && mine.expiresAt > now) return mine.key;
    const free = await db.feedbackKeys.filter((k) => k.recordId === null && k.expiresAt > now).first();
    if (!free) return null;
    await db.feedbackKeys.update(free.key, { recordId });
    return free.key;
  });
}
