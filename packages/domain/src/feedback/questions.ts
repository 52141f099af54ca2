import { z } from "zod";
import { linkTokenSchema, optionalText, uuidSchema } from "../shared/schemas.js";
import { valueList, type ValueOf } from "../shared/value-list.js";

/**
 * What a feedback answer is about. Parents of an e-parentalité session answer from an e-mail, the
 * collège contact from its tracking page, participants of a collective workshop from a QR code.
 */
export const feedbackKinds = valueList([
  { value: "workshop_session", label: "Atelier e-parentalité" },
  { value: "college_session", label: "Séance en collège" },
  { value: "collective_workshop", label: "Atelier collectif" },
]);
export type FeedbackKind = ValueOf<typeof feedbackKinds>;

/** Usefulness on a 4-point scale, without a middle point: 1 is the lowest. */
export const usefulnessLevels = valueList([
  { value: "1", label: "Pas du tout utile" },
  { value: "2", label: "Peu utile" },
  { value: "3", label: "Utile" },
  { value: "4", label: "Très utile" },
]);

export const recommendAnswers = valueList([
  { value: "yes", label: "Oui" },
  { value: "maybe", label: "Peut-être" },
  { value: "no", label: "Non" },
]);
export type RecommendAnswer = ValueOf<typeof recommendAnswers>;

/** The questionnaire, defined once: the portal, the tracking page and the exports use these labels. */
export const feedbackQuestions = {
  usefulness: { label: "Ce temps vous a-t-il été utile ?", hint: "Une réponse de 1 (pas du tout) à 4 (très utile)." },
  change: { label: "Qu'allez-vous faire différemment après ce temps ?", hint: "Facultatif." },
  recommend: { label: "Le recommanderiez-vous à un proche ou à un autre établissement ?" },
  comment: { label: "Un commentaire libre ?", hint: "Facultatif. Ne donnez ni nom ni coordonnées : votre réponse est anonyme." },
} as const;

export const FEEDBACK_CHANGE_MAX = 1000;
export const FEEDBACK_COMMENT_MAX = 2000;

/** The answers themselves (no context: the server takes that from the invitation). */
export const feedbackAnswers = z.object({
  usefulness: z.coerce
    .number({ error: "Utilité : choisissez une réponse de 1 à 4." })
    .int({ error: "Utilité : choisissez une réponse de 1 à 4." })
    .min(1, { error: "Utilité : choisissez une réponse de 1 à 4." })
    .max(4, { error: "Utilité : choisissez une réponse de 1 à 4." }),
  change: optionalText("Ce que vous allez faire différemment", FEEDBACK_CHANGE_MAX, { multiline: true }),
  recommend: recommendAnswers.choice("Recommandation : choisissez oui, peut-être ou non."),
  comment: optionalText("Commentaire", FEEDBACK_COMMENT_MAX, { multiline: true }),
});
export type FeedbackAnswers = z.output<typeof feedbackAnswers>;
export type FeedbackAnswersInput = z.input<typeof feedbackAnswers>;

/** A public answer through a link (e-mail to a parent, QR code of a workshop). */
export const feedbackLinkInput = z.object({ token: linkTokenSchema() });
export const feedbackSubmitInput = feedbackLinkInput.extend({
  answers: feedbackAnswers,
  /** QR code of a collective workshop: the record it was shown for (created on the device). */
  workshop: uuidSchema.optional(),
});

/** The collège's answer about one of its reported sessions, from its tracking page. */
export const collegeFeedbackInput = z.object({ token: linkTokenSchema(), sessionId: uuidSchema, answers: feedbackAnswers });
export const collegeFeedbackPendingView = z.array(z.object({ sessionId: z.uuid(), startsAt: z.date(), answered: z.boolean() }));

/** QR keys a counsellor's device asks for, to show QR codes offline. */
export const feedbackKeysInput = z.object({ count: z.number({ error: "Nombre de clés invalide." }).int().min(1).max(20) });
export const feedbackKeysView = z.array(z.object({ key: z.string(), expiresAt: z.date() }));

/** The address a QR code opens: the portal's questionnaire for this key and workshop. */
export function feedbackQrUrl(origin: string, key: string, activityRecordId: string): string {
  return `${origin.replace(/\/$/, "")}/avis/${key}?atelier=${activityRecordId}`;
}

/** What the public page shows before the form: what the questionnaire is about, never who was invited. */
export const feedbackLinkView = z.discriminatedUnion("status", [
  z.object({ status: z.literal("open"), kind: feedbackKinds.schema, title: z.string(), day: z.string().nullable() }),
  z.object({ status: z.literal("answered") }),
  z.object({ status: z.literal("closed") }),
]);
export type FeedbackLinkView = z.infer<typeof feedbackLinkView>;
