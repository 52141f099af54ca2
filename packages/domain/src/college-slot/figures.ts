import { z } from "zod";
import { isoDateSchema } from "../shared/schemas.js";

/** Fill rate of published slots: classes booked out of classes offered. */
export const slotFillRow = {
  slots: z.number().int(),
  capacityClasses: z.number().int(),
  bookedClasses: z.number().int(),
};

export const slotFiguresInput = z.object({ from: isoDateSchema.optional(), to: isoDateSchema.optional() });

export const slotFiguresView = z.object({
  from: z.string(),
  to: z.string(),
  totals: z.object(slotFillRow),
  /** "2027-01" in the département's time zone. */
  byMonth: z.array(z.object({ month: z.string(), ...slotFillRow })),
  /** By the area a slot serves ("Tout le département", an intercommunalité, communes). */
  byTerritory: z.array(z.object({ territory: z.string(), ...slotFillRow })),
  /** Collèges that neither booked nor requested in the period, to go towards them. */
  notReached: z.array(z.object({ uai: z.string(), establishmentName: z.string(), communeName: z.string(), lastContactAt: z.date().nullable() })),
  /** Where the list of collèges comes from (no official list is kept: the collèges already known). */
  collegesSource: z.literal("known"),
});
export type SlotFiguresView = z.infer<typeof slotFiguresView>;

/** Booked share in percent, rounded; null when nothing was offered. */
export function fillRate(row: { capacityClasses: number; bookedClasses: number }): number | null {
  if (row.capacityClasses === 0) return null;
  return Math.round((100 * row.bookedClasses) / row.capacityClasses);
}
