import { z } from "zod";
import { valueList, type ValueOf } from "../shared/value-list.js";

export const placeTypes = valueList([
  { value: "mairie", label: "Mairie" },
  { value: "mediatheque", label: "Médiathèque" },
  { value: "france_services", label: "France services" },
  { value: "association", label: "Association" },
  { value: "centre_social", label: "Centre social" },
  { value: "ehpad", label: "EHPAD" },
  { value: "college", label: "Collège" },
  { value: "centre_medico_social", label: "Centre médico-social" },
  { value: "other", label: "Autre lieu" },
]);
export type PlaceType = ValueOf<typeof placeTypes>;

export const weekdays = valueList([
  { value: "mon", label: "Lundi" },
  { value: "tue", label: "Mardi" },
  { value: "wed", label: "Mercredi" },
  { value: "thu", label: "Jeudi" },
  { value: "fri", label: "Vendredi" },
  { value: "sat", label: "Samedi" },
  { value: "sun", label: "Dimanche" },
]);

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "Heure invalide (format HH:MM)." });

/** Opening hours as a list of slots per weekday, e.g. mon 09:00–12:00 and 14:00–17:00. */
export const openingHoursSchema = z
  .array(
    z
      .object({ day: weekdays.schema, opens: hhmm, closes: hhmm })
      .refine((s) => s.opens < s.closes, { error: "L'heure de fermeture doit suivre l'heure d'ouverture." }),
  )
  .max(28);
export type OpeningHours = z.infer<typeof openingHoursSchema>;

/** "Lundi 09:00–12:00, 14:00–17:00 ; Mardi …" */
export function formatOpeningHours(hours: OpeningHours): string {
  return weekdays.values
    .map((day) => {
      const slots = hours.filter((h) => h.day === day).sort((a, b) => a.opens.localeCompare(b.opens));
      if (slots.length === 0) return null;
      return `${weekdays.label(day)} ${slots.map((s) => `${s.opens}–${s.closes}`).join(", ")}`;
    })
    .filter(Boolean)
    .join(" ; ");
}

/** Kinds of partner structures of the network ("who does what where"). */
export const partnerKinds = valueList([
  { value: "france_services", label: "France services" },
  { value: "social_services", label: "Services sociaux (CCAS, CMS…)" },
  { value: "aidants_connect", label: "Aidants Connect" },
  { value: "library", label: "Médiathèque, bibliothèque" },
  { value: "association", label: "Association" },
  { value: "employment", label: "Emploi, insertion (France Travail, mission locale…)" },
  { value: "education", label: "Établissement scolaire" },
  { value: "public_administration", label: "Administration, collectivité" },
  { value: "other", label: "Autre structure" },
]);
export type PartnerKind = ValueOf<typeof partnerKinds>;

/** Services a place or partner offers, used by the orientation directory. */
export const placeServices = valueList([
  { value: "accompaniment", label: "Accompagnement individuel au numérique" },
  { value: "workshops", label: "Ateliers collectifs" },
  { value: "admin_help", label: "Aide aux démarches administratives" },
  { value: "free_access", label: "Accès libre à un ordinateur et à internet" },
  { value: "equipment", label: "Prêt ou don de matériel" },
  { value: "aidants_connect", label: "Aidants Connect" },
  { value: "pass_numerique", label: "Accepte le Pass numérique" },
  { value: "social_support", label: "Accompagnement social" },
]);
export type PlaceService = ValueOf<typeof placeServices>;
