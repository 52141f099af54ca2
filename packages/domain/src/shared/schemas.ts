import { z } from "zod";

// Reusable field schemas with messages a person can act on.

// zod's own messages (a wrong type, an unknown enum value…) in French too, on the server and in the apps.
z.config(z.locales.fr());
//
// Every text that comes from outside goes through `cleanText` (directly or through the helpers
// below): PostgreSQL cannot store a NUL byte, a lone UTF-16 surrogate cannot be written as UTF-8,
// and other control characters have no business in a name or a note (they break e-mail headers,
// CSV files and screens). They are refused with the field's name, never passed to the database.

/** C0 control characters and DEL; tab, line feed and carriage return are allowed in multi-line texts. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F]/;
// eslint-disable-next-line no-control-regex -- same
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface TextOptions {
  /** A text typed in a multi-line box: tabs and line breaks are allowed. */
  multiline?: boolean;
}

/** True when `s` holds no character refused by `cleanText` (for code that checks text outside zod). */
export function isCleanText(s: string, opts: TextOptions = {}): boolean {
  return !(opts.multiline ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(s) && !LONE_SURROGATE.test(s);
}

/**
 * A trimmed string without NUL, control characters or broken Unicode; `label` names the field in
 * the message. Trimmed first, so that a tab or a line break pasted around a name is not refused.
 */
export function cleanText(label: string, opts: TextOptions = {}) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `${label} : ce champ est obligatoire.` : `${label} : ce champ doit être un texte.`) })
    .trim()
    .refine((s) => isCleanText(s, opts), { error: `${label} : ce texte contient un caractère invisible ou invalide ; retapez-le sans copier-coller.`, abort: true });
}

export const uuidSchema = z.uuid({ error: "Identifiant invalide." });

export const emailSchema = z
  .string({ error: "Indiquez une adresse e-mail." })
  .trim()
  .refine((s) => isCleanText(s), { error: "Cette adresse e-mail contient un caractère invisible ou invalide ; retapez-la.", abort: true })
  .toLowerCase()
  .max(254, { error: "L'adresse e-mail est trop longue." })
  .pipe(z.email({ error: "Cette adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr)." }));

/** French phone numbers, mobile or landline, with or without +33 and separators. */
export const phoneSchema = cleanText("Téléphone")
  .max(40, { error: "Ce numéro de téléphone n'est pas valide (10 chiffres, par exemple 06 12 34 56 78)." })
  .transform((s) => s.replace(/[\s.-]/g, "").replace(/^\+33/, "0"))
  .pipe(z.string().regex(/^0[1-9]\d{8}$/, { error: "Ce numéro de téléphone n'est pas valide (10 chiffres, par exemple 06 12 34 56 78)." }));

export function requiredText(label: string, max = 200, opts: TextOptions = {}) {
  return cleanText(label, opts)
    .min(1, { error: `${label} : ce champ est obligatoire.` })
    .max(max, { error: `${label} : ${max} caractères au maximum.` });
}

export function optionalText(label: string, max = 2000, opts: TextOptions = {}) {
  return cleanText(label, opts)
    .max(max, { error: `${label} : ${max} caractères au maximum.` })
    .optional()
    .transform((s) => (s ? s : undefined));
}

/** A search box or a filter's free text: trimmed, short, empty means "no filter". */
export function searchText(label: string, max = 200) {
  return cleanText(label)
    .max(max, { error: `${label} : ${max} caractères au maximum.` })
    .transform((s) => (s ? s : undefined))
    .optional();
}

/** A random token from a link (session, invitation, booking, tracking): base64url, never anything else. */
export function linkTokenSchema(message = "Ce lien n'est pas valide : vérifiez qu'il a été copié en entier.") {
  return z.string({ error: message }).trim().regex(/^[A-Za-z0-9_-]{20,200}$/, { error: message });
}

export const inseeCodeSchema = z.string({ error: "Indiquez une commune." }).regex(/^(\d{5}|2[AB]\d{3})$/, { error: "Code INSEE de commune invalide." });

// Dates the product deals with: its own years of activity, planning a few years ahead, and the
// filters over them. Outside this range a date is a typing mistake or an attack, and PostgreSQL
// could not store some of them (year 0, year 275760).
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;
const FIRST_INSTANT = new Date(Date.UTC(FIRST_YEAR, 0, 1));
const LAST_INSTANT = new Date(Date.UTC(LAST_YEAR, 11, 31, 23, 59, 59, 999));
const OUT_OF_RANGE = `choisissez une date entre ${FIRST_YEAR} et ${LAST_YEAR}.`;

/** Calendar day as YYYY-MM-DD, the form's and the API's shared format for dates without time. */
export const isoDateSchema = z
  .iso.date({ error: "Date invalide (format attendu : AAAA-MM-JJ).", abort: true })
  .refine((s) => Number(s.slice(0, 4)) >= FIRST_YEAR && Number(s.slice(0, 4)) <= LAST_YEAR, { error: `Date hors limites : ${OUT_OF_RANGE}` });

/**
 * A calendar day typed in a form field named `label`: an empty field says it is required, a day
 * that does not exist says to pick one from the calendar (the date picker sends AAAA-MM-JJ).
 */
export function dayField(label: string) {
  const required = `${label} : indiquez une date, ce champ est obligatoire.`;
  return z
    .string({ error: required })
    .min(1, { error: required, abort: true })
    .pipe(
      z
        .iso.date({ error: `${label} : cette date n'existe pas ; choisissez-la dans le calendrier.`, abort: true })
        .refine((s) => Number(s.slice(0, 4)) >= FIRST_YEAR && Number(s.slice(0, 4)) <= LAST_YEAR, { error: `${label} : ${OUT_OF_RANGE}` }),
    );
}

/** A commune picked from a list: one message, naming the field and saying what to do, for empty or unknown. */
export function communeChoice(message: string) {
  return z.string({ error: message }).regex(/^(\d{5}|2[AB]\d{3})$/, { error: message });
}

/** An instant (date and time) sent as a Date, within the product's years; `label` names the field. */
export function instantSchema(label: string) {
  return z
    .date({ error: `${label} : date et heure invalides.` })
    .min(FIRST_INSTANT, { error: `${label} : ${OUT_OF_RANGE}` })
    .max(LAST_INSTANT, { error: `${label} : ${OUT_OF_RANGE}` });
}

/** Same, also accepting what a form sends (an ISO string or a number of milliseconds). */
export function coercedInstantSchema(label: string) {
  return z.coerce
    .date({ error: `${label} : date et heure invalides.` })
    .min(FIRST_INSTANT, { error: `${label} : ${OUT_OF_RANGE}` })
    .max(LAST_INSTANT, { error: `${label} : ${OUT_OF_RANGE}` });
}

/** A wall-clock time typed in a form, "HH:MM" (turned into an instant by the clock, with a day). */
export const hhmmSchema = z
  .string({ error: "Indiquez l'heure." })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "Heure invalide (format HH:MM, par exemple 09:30)." });
