import type { PrismaClient } from "@medianum/db";
import { addParisDays, formatDateTime, parisDayRange, parisToday } from "@medianum/domain";
import { enqueueEmail } from "../mail/outbox.js";
import { PERSONAL_LINK } from "../mail/personal-link.js";
import type { ApiConfig } from "../shared/config.js";
import { hashToken } from "../shared/tokens.js";
import { feedbackLinkPrefix, PARENT_LINK_DAYS } from "./links.js";

/** Sessions of the last few days are caught up if the job could not run the day after. */
const CATCH_UP_DAYS = 3;

/** The opt-out key of an address: its hash in lower case, so the address itself is not kept. */
export const optOutHash = (email: string) => hashToken(email.trim().toLowerCase());

/**
 * The day after an e-parentalité session, invites each parent marked present (with an e-mail,
 * not anonymised, not opted out) to answer the questionnaire. Once per registration: the
 * invitation's unique registrationId and the outbox's dedupeKey make a second run, a restart or a
 * second instance queue nothing new. The link is created when the e-mail leaves.
 */
export async function sendFeedbackInvitations(prisma: PrismaClient, config: Pick<ApiConfig, "publicUrl">, now: Date) {
  const today = parisToday(now);
  const { start } = parisDayRange(addParisDays(today, -CATCH_UP_DAYS));
  const { start: todayStart } = parisDayRange(today);
  const sessions = await prisma.workshopSession.findMany({
    where: { status: { not: "cancelled" }, startsAt: { gte: start, lt: todayStart } },
    select: {
      id: true,
      startsAt: true,
      workshop: { select: { title: true } },
      registrations: {
        where: { status: "attended", email: { not: null }, anonymisedAt: null, feedbackInvitation: null },
        select: { id: true, firstName: true, email: true },
      },
    },
  });
  let queued = 0;
  let optedOut = 0;
  for (const s of sessions) {
    if (s.registrations.length === 0) continue;
    const refused = new Set(
      (await prisma.feedbackOptOut.findMany({ where: { emailHash: { in: s.registrations.map((r) => optOutHash(r.email!)) } }, select: { emailHash: true } })).map((o) => o.emailHash),
    );
    for (const r of s.registrations) {
      if (refused.has(optOutHash(r.email!))) {
        optedOut += 1;
        continue;
      }
      await prisma.$transaction(async (tx) => {
        const created = await tx.feedbackInvitation.createManyAndReturn({
          data: [{ kind: "workshop_session", registrationId: r.id, workshopSessionId: s.id, expiresAt: new Date(now.getTime() + PARENT_LINK_DAYS * 86_400_000), createdAt: now }],
          skipDuplicates: true,
          select: { id: true },
        });
        const invitation = created[0];
        if (!invitation) return;
        await enqueueEmail(
          tx,
          {
            to: r.email!,
            subject: `Votre avis sur l'atelier « ${s.workshop.title} »`,
            text: [
              `Bonjour ${r.firstName},`,
              "",
              `Merci d'être venu(e) à l'atelier « ${s.workshop.title} » du ${formatDateTime(s.startsAt)}.`,
              "Quatre questions, deux minutes : votre réponse nous aide à améliorer les ateliers. Elle est anonyme : personne ne pourra savoir qu'elle vient de vous.",
              "",
              "Donner mon avis (lien personnel, valable 30 jours, une seule réponse) :",
              PERSONAL_LINK,
              "",
              "Vous ne souhaitez plus recevoir ces questionnaires ? La même page permet de les refuser.",
              "",
              "Les conseillers numériques du Département",
            ].join("\n"),
            dedupeKey: `feedback:${r.id}`,
            personalLink: { kind: "feedback", targetId: invitation.id, prefix: feedbackLinkPrefix(config.publicUrl) },
          },
          now,
        );
        queued += 1;
      });
    }
  }
  return { sessions: sessions.length, queued, optedOut };
}
