import { valueList } from "../shared/value-list.js";

/** What keeps a counsellor busy at a planned time, as the warning says it (« Alex : Atelier « … » »). */
export const busyKinds = valueList([
  { value: "workshop", label: "Atelier" },
  { value: "college", label: "Séance en collège" },
  /** A published collège slot nobody booked yet (a booked one shows as its sessions). */
  { value: "slot", label: "Créneau" },
]);
