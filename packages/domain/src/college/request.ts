import { z } from "zod";
import { valueList, type ValueOf } from "../shared/value-list.js";
import { emailSchema, inseeCodeSchema, isoDateSchema, optionalText, phoneSchema, requiredText } from "../shared/schemas.js";
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

export const classGroupSchema = z.object({
  level: classLevels.schema,
  /** e.g. "4e B"; optional. */
  name: optionalText("Nom de la classe", 40),
  pupils: z
    .number({ error: "Indiquez le nombre d'élèves." })
    .int()
    .min(1, { error: "Au moins un élève." })
    .max(MAX_PUPILS_PER_CLASS, { error: `${MAX_PUPILS_PER_CLASS} élèves au maximum par classe.` }),
});

export const periodSchema = z
  .object({ from: isoDateSchema, to: isoDateSchema })
  .refine((p) => p.from <= p.to, { error: "La fin de la période doit suivre son début.", path: ["to"] });

export const collegeRequestInput = z
  .object({
    uai: uaiSchema,
    establishmentName: requiredText("Nom de l'établissement", 200),
    /** Street address, so that the counsellor finds the collège. */
    address: requiredText("Adresse de l'établissement", 300),
    communeInsee: inseeCodeSchema,
    requesterName: requiredText("Votre nom", 200),
    requesterRole: requesterRoles.schema,
    email: emailSchema,
    phone: z.union([z.literal(""), phoneSchema]).optional(),
    classes: z.array(classGroupSchema).min(1, { error: "Ajoutez au moins une classe." }).max(30),
    topics: z.array(collegeTopics.schema).min(1, { error: "Choisissez au moins un sujet." }),
    otherTopic: optionalText("Autre sujet", 500),
    periods: z.array(periodSchema).min(1, { error: "Indiquez au moins une période souhaitée." }).max(10),
    constraints: optionalText("Contraintes", 2000, { multiline: true }),
    consent: z.literal(true, { error: "Merci d'accepter l'utilisation de ces données pour traiter la demande." }),
    website: z.string().max(0, { error: "Formulaire invalide." }).optional(),
  })
  .refine((r) => !r.topics.includes("other") || !!r.otherTopic, {
    error: "Précisez l'autre sujet souhaité.",
    path: ["otherTopic"],
  });
export type CollegeRequestInput = z.input<typeof collegeRequestInput>;

export function totalPupils(classes: readonly { pupils: number }[]): number {
  return classes.reduce((sum, c) => sum + c.pupils, 0);
}
