import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from "react";
import { getMeta, type DeviceDb } from "./db.js";
import { useLive } from "./live.js";

const FIRST_SYNC_WAIT_MS = 8000;

/**
 * Right after the first login the device has no places or defaults yet: forms wait a little for
 * the first download rather than open without the usual place — never offline, never for long.
 */
export function useFirstSyncReady(db: DeviceDb): { ready: boolean; downloaded: boolean } {
  const snapshotAt = useLive(() => getMeta<number>(db, "snapshotAt"), [db]);
  const [waitedEnough, setWaitedEnough] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => setWaitedEnough(true), FIRST_SYNC_WAIT_MS);
    return () => clearTimeout(t);
  }, []);
  const downloaded = snapshotAt !== undefined;
  return { ready: downloaded || waitedEnough || !navigator.onLine, downloaded };
}

/**
 * A form that opened before the first download (the wait above ran out on a slow network) takes
 * the defaults that download brings — usual place, last duration — into the fields the person has
 * not touched yet. Once real defaults have arrived it stops following them: after that, nothing
 * changes under the person's fingers. `markTouched` is called by every change the person makes.
 */
export function useLateDefaults<V extends object>(
  fresh: Partial<V>,
  setValues: Dispatch<SetStateAction<V>>,
  follow: boolean,
): (key: keyof V) => void {
  const touched = useRef(new Set<keyof V>());
  const [following, setFollowing] = useState(follow);
  const key = JSON.stringify(fresh);
  useEffect(() => {
    if (!following) return;
    const arrived = Object.entries(fresh).filter(([, v]) => v !== undefined && v !== null && v !== "");
    if (arrived.length === 0) return;
    setValues((values) => {
      let next = values;
      for (const [k, v] of arrived) {
        if (touched.current.has(k as keyof V) || (values as Record<string, unknown>)[k] === v) continue;
        next = { ...next, [k]: v };
      }
      return next;
    });
    setFollowing(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for `fresh`'s content
  }, [key, following]);
  return (k) => touched.current.add(k);
}
