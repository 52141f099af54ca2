import { valueList, type ValueOf } from "../shared/value-list.js";

export const collegeRequestStatuses = valueList([
  { value: "received", label: "Reçue" },
  { value: "under_review", label: "En cours d'étude" },
  { value: "scheduled", label: "Programmée" },
  { value: "done", label: "Réalisée" },
  { value: "declined", label: "Déclinée" },
  { value: "cancelled", label: "Annulée" },
]);
export type CollegeRequestStatus = ValueOf<typeof collegeRequestStatuses>;

/** Who asks for a transition: département staff, the collège through its tracking link, or the counsellor filing the report. */
export type CollegeRequestActor = "staff" | "college" | "counsellor";

interface Transition {
  to: CollegeRequestStatus;
  by: readonly CollegeRequestActor[];
  /** A reason is required (shown to the collège for a decline). */
  needsReason?: boolean;
}

const TRANSITIONS: Record<CollegeRequestStatus, readonly Transition[]> = {
  received: [
    { to: "under_review", by: ["staff"] },
    { to: "declined", by: ["staff"], needsReason: true },
    { to: "cancelled", by: ["staff", "college"] },
  ],
  under_review: [
    { to: "scheduled", by: ["staff"] },
    { to: "declined", by: ["staff"], needsReason: true },
    { to: "cancelled", by: ["staff", "college"] },
  ],
  scheduled: [
    { to: "done", by: ["staff", "counsellor"] },
    // Back to review when every scheduled session had to be called off and must be re-planned.
    { to: "under_review", by: ["staff"] },
    { to: "cancelled", by: ["staff", "college"] },
  ],
  done: [],
  declined: [],
  cancelled: [],
};

export function allowedTransitions(from: CollegeRequestStatus, actor?: CollegeRequestActor): CollegeRequestStatus[] {
  return TRANSITIONS[from].filter((t) => !actor || t.by.includes(actor)).map((t) => t.to);
}

export function isTerminal(status: CollegeRequestStatus): boolean {
  return TRANSITIONS[status].length === 0;
}

export type TransitionCheck = { ok: true } | { ok: false; message: string };

export function checkTransition(
  from: CollegeRequestStatus,
  to: CollegeRequestStatus,
  actor: CollegeRequestActor,
  reason?: string | null,
): TransitionCheck {
  const t = TRANSITIONS[from].find((x) => x.to === to);
  const fromLabel = collegeRequestStatuses.label(from);
  const toLabel = collegeRequestStatuses.label(to);
  if (!t) return { ok: false, message: `Une demande « ${fromLabel} » ne peut pas passer à « ${toLabel} ».` };
  if (!t.by.includes(actor)) return { ok: false, message: `Vous ne pouvez pas faire passer cette demande à « ${toLabel} ».` };
  if (t.needsReason && !reason?.trim()) return { ok: false, message: "Indiquez un motif : il sera communiqué au collège." };
  return { ok: true };
}
