import { z } from "zod";
import { cleanText, emailSchema, inseeCodeSchema, optionalText, phoneSchema, requiredText, uuidSchema } from "../shared/schemas.js";
import { openingHoursSchema, partnerKinds, placeServices, placeTypes } from "./place-types.js";

const optionalEmail = z.union([emailSchema, z.literal("")]).nullish().transform((v) => (v ? v : null));
const optionalPhone = z.union([phoneSchema, z.literal("")]).nullish().transform((v) => (v ? v : null));
const optionalUrl = z
  .union([z.url({ protocol: /^https?$/, error: "Adresse de site invalide (elle commence par https://)." }), z.literal("")])
  .nullish()
  .transform((v) => (v ? v : null));
const postalCode = cleanText("Code postal").regex(/^\d{5}$/, { error: "Code postal invalide (5 chiffres)." });
/** SIRET (14 digits) or RNA (W + 9 digits): the national standard's "pivot" identifier. */
export const siretOrRnaSchema = cleanText("SIRET ou RNA")
  .transform((s) => s.replace(/\s/g, "").toUpperCase())
  .pipe(z.string().regex(/^(\d{14}|W\d{9})$/, { error: "SIRET (14 chiffres) ou RNA (W suivi de 9 chiffres) invalide." }));

export const placeInput = z.object({
  name: requiredText("Nom du lieu", 150),
  type: placeTypes.schema,
  address: requiredText("Adresse", 200),
  postalCode,
  communeInsee: inseeCodeSchema,
  phone: optionalPhone,
  email: optionalEmail,
  website: optionalUrl,
  openingHours: openingHoursSchema.default([]),
  services: z.array(placeServices.schema).max(placeServices.values.length).default([]),
  accessInfo: optionalText("Accès", 1000, { multiline: true }),
  latitude: z.number().min(-90).max(90).nullish(),
  longitude: z.number().min(-180).max(180).nullish(),
  partnerId: uuidSchema.nullish(),
  /** SIRET or RNA of the structure running the place: the "pivot" of the national standard. */
  siret: z.union([siretOrRnaSchema, z.literal("")]).nullish().transform((v) => (v ? v : null)),
});
export type PlaceInput = z.input<typeof placeInput>;
export const placeUpdateInput = placeInput.extend({ id: uuidSchema });

export const partnerInput = z.object({
  name: requiredText("Nom de la structure", 150),
  kind: partnerKinds.schema,
  description: optionalText("Description", 2000, { multiline: true }),
  services: z.array(placeServices.schema).max(placeServices.values.length).default([]),
  address: optionalText("Adresse", 200),
  communeInsee: inseeCodeSchema.nullish(),
  phone: optionalPhone,
  email: optionalEmail,
  website: optionalUrl,
});
export type PartnerInput = z.input<typeof partnerInput>;
export const partnerUpdateInput = partnerInput.extend({ id: uuidSchema });

export const placeView = z.object({
  id: z.uuid(),
  name: z.string(),
  type: placeTypes.schema,
  address: z.string(),
  postalCode: z.string(),
  communeInsee: z.string(),
  communeName: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  openingHours: openingHoursSchema,
  services: z.array(placeServices.schema),
  accessInfo: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  partnerId: z.uuid().nullable(),
  partnerName: z.string().nullable(),
  siret: z.string().nullable(),
  activities: z.number().int(),
});
export type PlaceView = z.infer<typeof placeView>;

export const partnerView = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: partnerKinds.schema,
  description: z.string().nullable(),
  services: z.array(placeServices.schema),
  address: z.string().nullable(),
  communeInsee: z.string().nullable(),
  communeName: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  places: z.number().int(),
});
export type PartnerView = z.infer<typeof partnerView>;

const DAY_OSM: Record<string, string> = { mon: "Mo", tue: "Tu", wed: "We", thu: "Th", fri: "Fr", sat: "Sa", sun: "Su" };
/** Opening hours in the OpenStreetMap syntax the national standard uses: "Mo 09:00-12:00,14:00-17:00; Tu …". */
export function toOsmOpeningHours(hours: z.output<typeof openingHoursSchema>): string | undefined {
  const parts = Object.keys(DAY_OSM)
    .map((day) => {
      const slots = hours.filter((h) => h.day === day).sort((a, b) => a.opens.localeCompare(b.opens));
      return slots.length ? `${DAY_OSM[day]} ${slots.map((s) => `${s.opens}-${s.closes}`).join(",")}` : null;
    })
    .filter((s): s is string => s !== null);
  return parts.length ? parts.join("; ") : undefined;
}
