import { z } from "zod";
import { valueList, type ValueOf } from "../shared/value-list.js";
import { communeChoice, dayField, emailSchema, optionalText, phoneSchema, requiredText } from "../shared/schemas.js";
import { uaiSchema } from "./uai.js";

export const classLevels = valueList([
  { value: "6e", label: "6e" },
  { value: "5e", label: "5e" },
  { value: "4e", label: "4e" },
  { value: "3e", label: "3e" },
]);
export type ClassLevel = ValueOf<typeof classLevels>;

export const collegeTopics = valueList([
  { value: "cyberbullying", label: "Cyberharcèlement" },
  { value: "e_reputation", label: "E-réputation" },
  { value: "social_network_economics", label: "Fonctionnement économique des réseaux sociaux" },
  { value: "other", label: "Autre sujet" },
]);
export type CollegeTopic = ValueOf<typeof collegeTopics>;

export const requesterRoles = valueList([
  { value: "principal", label: "Principal(e) ou principal(e) adjoint(e)" },
  { value: "cpe", label: "CPE" },
  { value: "teacher", label: "Professeur(e)" },
  { value: "other", label: "Autre fonction" },
]);
export type RequesterRole = ValueOf<typeof requesterRoles>;

export const MAX_PUPILS_PER_CLASS = 40;

/**
 * Contact details of a collège request are kept this long after its last change, then erased
 * (the figures keep only the collège, classes and pupils counts).
 */
export const COLLEGE_REQUEST_RETENTION_MONTHS = 24;

// Every message names its field as the form labels it and says what to do: the error summary
// lists them away from the fields (the form adds "Classe 2 —" or "Période 1 —" before those of a row).
export const classGroupSchema = z.object({
  level: classLevels.choice("Niveau : choisissez le niveau de la classe dans la liste (6e, 5e, 4e ou 3e)."),
  /** e.g. "4e B"; optional. */
  name: optionalText("Nom de la classe", 40),
  pupils: z
    .number({ error: "Nombre d'élèves : indiquez combien d'élèves compte la classe." })
    .int({ error: "Nombre d'élèves : tapez un nombre entier." })
    .min(1, { error: "Nombre d'élèves : indiquez au moins 1 élève." })
    .max(MAX_PUPILS_PER_CLASS, { error: `Nombre d'élèves : ${MAX_PUPILS_PER_CLASS} au maximum par classe ; au-delà, ajoutez une autre classe.` }),
});

export const periodSchema = z
  .object({ from: dayField("Du"), to: dayField("Au") })
  .refine((p) => p.from <= p.to, { error: "Au : choisissez une date de fin égale ou postérieure au début de la période.", path: ["to"] });

/** The request form's fields (without its cross-field rule), shared with the booking of a published slot. */
export const collegeRequestFields = z.object({
    uai: uaiSchema,
    establishmentName: requiredText("Nom du collège", 200),
    /** Street address, so that the counsellor finds the collège. */
    address: requiredText("Adresse", 300),
    communeInsee: communeChoice("Commune : choisissez la commune du collège dans la liste."),
    requesterName: requiredText("Votre nom", 200),
    requesterRole: requesterRoles.choice("Votre fonction : cochez celle qui vous correspond."),
    email: emailSchema,
    phone: z.union([z.literal(""), phoneSchema]).optional(),
    classes: z.array(classGroupSchema).min(1, { error: "Classes : ajoutez au moins une classe." }).max(30, { error: "Classes : 30 au maximum par demande ; faites une autre demande pour les suivantes." }),
    topics: z.array(collegeTopics.choice("Sujets souhaités : cochez des sujets de la liste.")).min(1, { error: "Sujets souhaités : cochez au moins un sujet." }),
    otherTopic: optionalText("Précisez l'autre sujet", 500),
    periods: z.array(periodSchema).min(1, { error: "Périodes : indiquez au moins une période qui vous convient." }).max(10, { error: "Périodes : 10 au maximum." }),
    constraints: optionalText("Contraintes", 2000, { multiline: true }),
    consent: z.literal(true, { error: "Accord : cochez la case pour que le Département puisse traiter la demande." }),
    website: z.string().max(0, { error: "Formulaire invalide." }).optional(),
});

/** "Autre sujet" checked needs its words. */
export const otherTopicNamed = (r: { topics: readonly string[]; otherTopic?: string | undefined }) => !r.topics.includes("other") || !!r.otherTopic;
export const OTHER_TOPIC_MISSING = "Précisez l'autre sujet : écrivez le sujet souhaité, ou décochez « Autre sujet ».";

export const collegeRequestInput = collegeRequestFields.refine(otherTopicNamed, { error: OTHER_TOPIC_MISSING, path: ["otherTopic"] });
export type CollegeRequestInput = z.input<typeof collegeRequestInput>;

export function totalPupils(classes: readonly { pupils: number }[]): number {
  return classes.reduce((sum, c) => sum + c.pupils, 0);
}
