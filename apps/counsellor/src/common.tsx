import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { useLocation } from "wouter";
import { parisToday } from "@medianum/domain";
import { useDocumentTitle } from "@medianum/ui";

export const APP_TITLE = "Médianum — Espace conseiller";

export function Title({ title }: { title: string }) {
  useDocumentTitle(title, APP_TITLE);
  return null;
}

/** Kept here so pages import page helpers from one place. */
export { QueryState } from "@medianum/ui";

/** One-shot message shown on the next page (e.g. "Accompagnement enregistré" after saving). */
export interface Flash {
  message: string | null;
  set: (message: string | null) => void;
}
export const FlashContext = createContext<Flash>({ message: null, set: () => {} });
export function useFlash() {
  return useContext(FlashContext);
}

/**
 * Holds the flash above the routes (a refresh of the session must not lose it) and ends it when
 * the person moves on: it lives on the first page shown after it was set, and no further.
 */
export function FlashProvider({ children }: { children: ReactNode }) {
  const [location] = useLocation();
  const [flash, setFlash] = useState<{ message: string; shownOn: string | null } | null>(null);
  useEffect(() => {
    setFlash((f) => (!f ? f : f.shownOn === null ? { ...f, shownOn: location } : f.shownOn === location ? f : null));
  }, [location]);
  const value = useMemo<Flash>(
    () => ({ message: flash?.message ?? null, set: (message) => setFlash(message ? { message, shownOn: null } : null) }),
    [flash],
  );
  return <FlashContext.Provider value={value}>{children}</FlashContext.Provider>;
}

/** Today's calendar day in the département's time zone, as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  return parisToday(now);
}
