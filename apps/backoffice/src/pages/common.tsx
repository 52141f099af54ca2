import { useDocumentTitle, type BadgeTone } from "@medianum/ui";
import { parisNoon, type CollegeRequestStatus, type RegistrationStatus } from "@medianum/domain";

export const APP_TITLE = "Médianum — Pilotage";

export function Title({ title }: { title: string }) {
  useDocumentTitle(title, APP_TITLE);
  return null;
}

/** Kept here so pages import page helpers from one place. */
export { QueryState } from "@medianum/ui";

export function registrationTone(s: RegistrationStatus): BadgeTone {
  if (s === "confirmed" || s === "attended") return "success";
  if (s === "waitlisted") return "warning";
  if (s === "cancelled" || s === "no_show") return "danger";
  return "neutral";
}

export function requestTone(s: CollegeRequestStatus): BadgeTone {
  switch (s) {
    case "received":
      return "info";
    case "under_review":
      return "warning";
    case "scheduled":
    case "done":
      return "success";
    default:
      return "neutral";
  }
}

/** "2026-03-02" → "lundi 2 mars 2026" (calendar day, no time-zone shift). */
export function formatIsoDay(day: string, format: (d: Date) => string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? format(parisNoon(day)) : day;
}
