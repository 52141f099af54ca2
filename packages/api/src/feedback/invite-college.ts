import type { Prisma } from "@medianum/db";
import { formatDateTime } from "@medianum/domain";

/** Days the collège can answer about a session after its report. */
export const COLLEGE_FEEDBACK_DAYS = 90;

/**
 * Opens the questionnaire of a reported collège session (answered once, on the tracking page)
 * and returns the paragraph inviting the contact to answer, for the e-mail sent with the report.
 */
export async function openCollegeFeedback(tx: Prisma.TransactionClient, session: { id: string; startsAt: Date }, now: Date): Promise<string> {
  await tx.feedbackInvitation.createMany({
    data: [{ kind: "college_session", collegeSessionId: session.id, maxAnswers: 1, expiresAt: new Date(now.getTime() + COLLEGE_FEEDBACK_DAYS * 86_400_000), createdAt: now }],
    skipDuplicates: true,
  });
  return `Votre avis sur la séance du ${formatDateTime(session.startsAt)} nous aide à améliorer nos interventions : quatre questions vous attendent sur votre page de suivi.`;
}
