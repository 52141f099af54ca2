import { createContext, useContext } from "react";
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

/** Today's calendar day in the département's time zone, as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
