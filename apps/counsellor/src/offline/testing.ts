import { DeviceDb } from "./db.js";

/** For component tests: the browser says it is offline and any request fails, as without network. */
export function goOffline(): void {
  Object.defineProperty(window.navigator, "onLine", { configurable: true, get: () => false });
  globalThis.fetch = () => Promise.reject(new TypeError("Failed to fetch (hors ligne)"));
}

/** An empty device store of its own (fake-indexeddb), open. */
export async function freshDeviceDb(): Promise<DeviceDb> {
  const db = new DeviceDb(`test-${crypto.randomUUID()}`);
  await db.open();
  return db;
}
