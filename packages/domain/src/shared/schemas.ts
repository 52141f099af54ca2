import { z } from "zod";

// Reusable field schemas with messages a person can act on.

export const uuidSchema = z.uuid({ error: "Identifiant invalide." });

export const emailSchema = z
  .string({ error: "Indiquez une adresse e-mail." })
  .trim()
  .toLowerCase()
  .max(254, { error: "L'adresse e-mail est trop longue." })
  .pipe(z.email({ error: "Cette adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr)." }));

/** French phone numbers, mobile or landline, with or without +33 and separators. */
export const phoneSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s.-]/g, "").replace(/^\+33/, "0"))
  .pipe(z.string().regex(/^0[1-9]\d{8}$/, { error: "Ce numéro de téléphone n'est pas valide (10 chiffres, par exemple 06 12 34 56 78)." }));

export function requiredText(label: string, max = 200) {
  return z
    .string({ error: `${label} : ce champ est obligatoire.` })
    .trim()
    .min(1, { error: `${label} : ce champ est obligatoire.` })
    .max(max, { error: `${label} : ${max} caractères au maximum.` });
}

export function optionalText(label: string, max = 2000) {
  return z
    .string()
    .trim()
    .max(max, { error: `${label} : ${max} caractères au maximum.` })
    .optional()
    .transform((s) => (s ? s : undefined));
}

export const inseeCodeSchema = z.string().regex(/^(\d{5}|2[AB]\d{3})$/, { error: "Code INSEE de commune invalide." });

/** Calendar day as YYYY-MM-DD, the form's and the API's shared format for dates without time. */
export const isoDateSchema = z.iso.date({ error: "Date invalide (format attendu : AAAA-MM-JJ)." });
