import { z } from "zod";
import { durationSchema } from "../activity/record.js";
import type { MediationTheme } from "../activity/coop-lists.js";
import { optionalText, uuidSchema } from "../shared/schemas.js";
import { collegeTopics, MAX_PUPILS_PER_CLASS, type CollegeTopic } from "./request.js";

/**
 * What a counsellor files after a collège session. `id` is generated on the device and becomes
 * the collective activity record's id, so that a report sent twice (offline sync retried) is
 * stored once.
 */
export const collegeReportInput = z
  .object({
    id: uuidSchema,
    sessionId: uuidSchema,
    classes: z
      .array(
        z.object({
          classId: uuidSchema,
          pupilsPresent: z
            .number({ error: "Indiquez le nombre d'élèves présents." })
            .int({ error: "Un nombre entier d'élèves." })
            .min(0, { error: "Le nombre d'élèves ne peut pas être négatif." })
            .max(MAX_PUPILS_PER_CLASS, { error: `${MAX_PUPILS_PER_CLASS} élèves au maximum par classe.` }),
        }),
      )
      .min(1, { error: "Indiquez les élèves présents dans chaque classe." }),
    topicsCovered: z.array(collegeTopics.schema).min(1, { error: "Cochez au moins un sujet abordé." }),
    durationMinutes: durationSchema,
    remarks: optionalText("Remarques", 2000, { multiline: true }),
  })
  .refine((r) => r.classes.some((c) => c.pupilsPresent > 0), {
    error: "Indiquez au moins un élève présent. Si la séance n'a pas eu lieu, prévenez la coordination.",
    path: ["classes"],
  });
export type CollegeReportInput = z.input<typeof collegeReportInput>;
/** A report as validated (what the outbox holds and the server files). */
export type CollegeReport = z.output<typeof collegeReportInput>;

/** Coop mediation themes recorded for each collège topic (the national list has no "collège" theme). */
export const MEDIATION_THEMES_OF_COLLEGE_TOPIC: Record<CollegeTopic, readonly MediationTheme[]> = {
  cyberbullying: ["ReseauxSociaux", "SecuriteNumerique"],
  e_reputation: ["ReseauxSociaux", "CultureNumerique"],
  social_network_economics: ["ReseauxSociaux", "CultureNumerique"],
  other: ["CultureNumerique"],
};

export function mediationThemesOf(topics: readonly CollegeTopic[]): MediationTheme[] {
  return [...new Set(topics.flatMap((t) => MEDIATION_THEMES_OF_COLLEGE_TOPIC[t]))];
}

/** Title of the collective activity record: "Cyberharcèlement, E-réputation — Collège Jasmin". */
export function collegeActivityTitle(topics: readonly CollegeTopic[], establishmentName: string): string {
  const names = topics.map((t) => (t === "other" ? "Sensibilisation" : collegeTopics.label(t)));
  return `${names.join(", ")} — ${establishmentName}`.slice(0, 200);
}
