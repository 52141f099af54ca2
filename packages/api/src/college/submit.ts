import type { PrismaClient } from "@medianum/db";
import { classLevels, collegeRequestInput, collegeTopics, countOf, formatDay, totalPupils } from "@medianum/domain";
import type { z } from "zod";
import { UserFacingError } from "../shared/errors.js";
import { hashToken, newToken } from "../shared/tokens.js";
import { trackingLinkPrefix } from "./links.js";
import { collegeDetailsData } from "./request-data.js";
import { enqueueEmail } from "../mail/outbox.js";
import { PERSONAL_LINK } from "../mail/personal-link.js";

type Input = z.output<typeof collegeRequestInput>;

const dayLabel = formatDay;

/**
 * Records a collège's request ("received"), its classes and first history line, and queues the
 * acknowledgement with the private tracking link, all in one transaction. The token is returned
 * once (for the on-screen acknowledgement) and stored only hashed; the e-mail gets a link of its
 * own when it is sent.
 */
export async function submitCollegeRequest(prisma: PrismaClient, input: Input, publicUrl: string, now: Date) {
  const commune = await prisma.commune.findUnique({ where: { inseeCode: input.communeInsee }, select: { name: true } });
  if (!commune) {
    throw new UserFacingError("BAD_REQUEST", "Choisissez la commune de l'établissement dans la liste.", { field: "communeInsee" });
  }
  const token = newToken();
  const request = await prisma.$transaction(async (tx) => {
    const created = await tx.collegeRequest.create({
      data: {
        ...collegeDetailsData(input, now),
        periods: input.periods,
        status: "received",
        trackingTokenHash: hashToken(token),
        events: { create: { fromStatus: null, toStatus: "received", actorType: "college", createdAt: now } },
      },
    });
    const text = [
      "Bonjour,",
      "",
      `Nous avons bien reçu la demande de séance de sensibilisation du ${input.establishmentName} (${commune.name}).`,
      "Statut de votre demande : Reçue. L'équipe de coordination l'étudie et vous écrit dès qu'une date est proposée.",
      "",
      `Sujets : ${input.topics.map((t) => (t === "other" ? `${collegeTopics.label(t)} (${input.otherTopic})` : collegeTopics.label(t))).join(", ")}`,
      `Classes : ${input.classes.map((c) => `${c.name ?? classLevels.label(c.level)} (${countOf(c.pupils, "élève")})`).join(", ")} — ${countOf(totalPupils(input.classes), "élève")}`,
      `Périodes souhaitées : ${input.periods.map((p) => (p.from === p.to ? `le ${dayLabel(p.from)}` : `du ${dayLabel(p.from)} au ${dayLabel(p.to)}`)).join(" ; ")}`,
      "",
      "Suivez votre demande, écrivez-nous ou annulez-la depuis cette page personnelle (ne la transférez pas) :",
      PERSONAL_LINK,
      "",
      "L'équipe des conseillers numériques du Département",
    ].join("\n");
    await enqueueEmail(
      tx,
      {
        to: input.email,
        subject: `Demande de séance reçue — ${input.establishmentName}`,
        text,
        personalLink: { kind: "college_tracking", targetId: created.id, prefix: trackingLinkPrefix(publicUrl) },
      },
      now,
    );
    return created;
  });
  return { requestId: request.id, trackingToken: token, email: input.email };
}
