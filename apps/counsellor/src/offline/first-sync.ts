import { useEffect, useState } from "react";
import { getMeta, type DeviceDb } from "./db.js";
import { useLive } from "./live.js";

const FIRST_SYNC_WAIT_MS = 8000;

/**
 * Right after the first login the device has no places or defaults yet: forms wait a little for
 * the first download rather than open without the usual place — never offline, never for long.
 */
export function useFirstSyncReady(db: DeviceDb): boolean {
  const snapshotAt = useLive(() => getMeta<number>(db, "snapshotAt"), [db]);
  const [waitedEnough, setWaitedEnough] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => setWaitedEnough(true), FIRST_SYNC_WAIT_MS);
    return () => clearTimeout(t);
  }, []);
  return snapshotAt !== undefined || waitedEnough || !navigator.onLine;
}
