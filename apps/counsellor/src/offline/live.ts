import { useEffect, useState, useSyncExternalStore } from "react";
import { liveQuery } from "dexie";
import type { SyncEngine } from "./engine.js";

/**
 * Result of an IndexedDB query, kept up to date when the data changes (in this tab or another).
 * `undefined` while the first result loads.
 */
export function useLive<T>(query: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<{ v: T } | undefined>(undefined);
  useEffect(() => {
    const sub = liveQuery(query).subscribe({ next: (v) => setValue({ v }), error: () => setValue(undefined) });
    return () => sub.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists what the query depends on
  }, deps);
  return value?.v;
}

export function useEngineState(engine: SyncEngine) {
  return useSyncExternalStore(engine.subscribe, engine.getState);
}
