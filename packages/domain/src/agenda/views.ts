import { z } from "zod";
import { instantSchema } from "../shared/schemas.js";

export const agendaItemKinds = ["workshop", "college"] as const;

export const agendaItem = z.object({
  kind: z.enum(agendaItemKinds),
  id: z.uuid(),
  title: z.string(),
  startsAt: z.date(),
  durationMinutes: z.number().int(),
  place: z.object({ name: z.string(), address: z.string(), communeName: z.string() }).nullable(),
  /** One line a counsellor reads at a glance: "9 inscrits sur 12", "4e B, 5e A — 52 élèves". */
  detail: z.string(),
});
export type AgendaItem = z.infer<typeof agendaItem>;

export const agendaRange = z.object({ from: instantSchema("Du").optional(), to: instantSchema("Au").optional() });
export type AgendaRange = z.infer<typeof agendaRange>;
