import { z } from "zod";
import { placeTypes } from "../places/place-types.js";
import { activityTypes, locationTypes, mediationThemes } from "./coop-lists.js";

export const placeOption = z.object({ id: z.uuid(), name: z.string(), type: placeTypes.schema, communeName: z.string() });
export type PlaceOption = z.infer<typeof placeOption>;

export const recordDefaults = z.object({
  usualPlaceId: z.uuid().nullable(),
  lastDurationMinutes: z.number().int().nullable(),
  recentThemes: z.array(mediationThemes.schema),
});
export type RecordDefaults = z.infer<typeof recordDefaults>;

export const activityListItem = z.object({
  id: z.uuid(),
  type: activityTypes.schema,
  date: z.date(),
  durationMinutes: z.number().int(),
  themes: z.array(mediationThemes.schema),
  placeName: z.string().nullable(),
  locationType: locationTypes.schema,
  participantsCount: z.number().int(),
});

/** `created` is false when the same record (same id) was already stored: a retry, or the same send arriving twice at once. */
export const savedRecordView = z.object({ id: z.uuid(), version: z.number().int(), created: z.boolean() });
