import type { ReactNode } from "react";
import type { BottomNavLink } from "@medianum/ui";

// Pictograms of the phone bar: simple strokes, decorative (the word under each one is the name).
const stroke = { fill: "none", stroke: "currentColor", strokeWidth: 2, strokeLinecap: "round", strokeLinejoin: "round" } as const;
const icon = (children: ReactNode) => (
  <svg viewBox="0 0 24 24" width="24" height="24" focusable="false" {...stroke}>
    {children}
  </svg>
);

/**
 * The counsellor's pages. The first four are what a counsellor does every day (the agenda, an
 * accompaniment, a workshop, what is waiting to be sent): on a phone they sit in the bottom bar,
 * the others in its "Plus" sheet. On a wide screen all of them are in the header's menu.
 */
export const DAILY: BottomNavLink[] = [
  { href: "/", label: "Mon agenda", short: "Agenda", icon: icon(<><rect x="3" y="5" width="18" height="16" rx="2" /><path d="M3 10h18M8 3v4M16 3v4" /></>) },
  {
    href: "/accompagnements/nouveau",
    label: "Nouvel accompagnement",
    short: "Accompagnement",
    icon: icon(<><circle cx="10" cy="8" r="4" /><path d="M3 21c0-4 3-6 7-6M18 14v6M15 17h6" /></>),
  },
  { href: "/ateliers/nouveau", label: "Atelier collectif", short: "Atelier", icon: icon(<><circle cx="8" cy="8" r="3" /><circle cx="16" cy="8" r="3" /><path d="M2 20c0-3 3-5 6-5s6 2 6 5M12 20c0-3 2-5 4-5 3 0 6 2 6 5" /></>) },
  { href: "/envois", label: "Envois", icon: icon(<path d="M4 12l16-8-6 16-3-7-7-1z" />) },
];

export const OTHERS: BottomNavLink[] = [
  { href: "/accompagnements", label: "Mes accompagnements" },
  { href: "/colleges", label: "Séances en collège", section: true },
  { href: "/pass-numerique", label: "Pass numérique" },
  { href: "/annuaire", label: "Annuaire" },
  { href: "/mes-chiffres", label: "Mes chiffres" },
];
