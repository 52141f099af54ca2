import { valueList, type ValueOf } from "../shared/value-list.js";

/** Durations offered by the Coop's forms, in minutes; any other value is "custom". */
export const DURATION_PRESETS = [15, 30, 45, 60, 90, 120] as const;
export const DURATION_MAX_MINUTES = 12 * 60;

export const durationBuckets = valueList([
  { value: "lt30", label: "Moins de 30 min" },
  { value: "30to60", label: "30 min à 1 h" },
  { value: "60to120", label: "1 h à 2 h" },
  { value: "gt120", label: "Plus de 2 h" },
]);
export type DurationBucket = ValueOf<typeof durationBuckets>;

/**
 * Bucket of a duration for reporting. Bounds are inclusive on the lower side:
 * <30, [30, 60), [60, 120], >120 — 120 min belongs to "1 h à 2 h", as the Coop's tables count it.
 */
export function durationBucket(minutes: number): DurationBucket {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`Durée invalide : ${minutes}`);
  if (minutes < 30) return "lt30";
  if (minutes < 60) return "30to60";
  if (minutes <= 120) return "60to120";
  return "gt120";
}
