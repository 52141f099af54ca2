import type { Prisma } from "@medianum/db";
import { collegeRequestStatuses, formatDateTime, formatDuration, type CollegeRequestStatus } from "@medianum/domain";
import { enqueueEmail } from "../mail/outbox.js";
import { PERSONAL_LINK } from "../mail/personal-link.js";
import { trackingLinkPrefix } from "./links.js";

// Every e-mail to a collège is queued in the outbox inside the transaction of the change it
// announces, and carries a working link to the tracking page, created when the message is sent.

export interface SessionLine {
  startsAt: Date;
  durationMinutes: number;
  room: string | null;
  classes: string[];
}

interface Notice {
  requestId: string;
  to: string;
  establishmentName: string;
  subject: string;
  /** Paragraphs of the message, before the link. */
  paragraphs: string[];
  sessions?: SessionLine[];
}

const SIGNATURE = "L'équipe des conseillers numériques du Département";

export function sessionLines(sessions: readonly SessionLine[]): string[] {
  return sessions.map(
    (s) => `- ${formatDateTime(s.startsAt)} (${formatDuration(s.durationMinutes)})${s.room ? `, ${s.room}` : ""} : ${s.classes.join(", ")}`,
  );
}

export async function notifyCollege(tx: Prisma.TransactionClient, n: Notice, publicUrl: string, now: Date): Promise<void> {
  const text = [
    "Bonjour,",
    "",
    ...n.paragraphs.flatMap((p) => [p, ""]),
    ...(n.sessions?.length ? [...sessionLines(n.sessions), ""] : []),
    "Suivez votre demande, écrivez-nous ou annulez-la depuis cette page personnelle (ne la transférez pas) :",
    PERSONAL_LINK,
    "",
    SIGNATURE,
  ].join("\n");
  await enqueueEmail(
    tx,
    {
      to: n.to,
      subject: `${n.subject} — ${n.establishmentName}`,
      text,
      personalLink: { kind: "college_tracking", targetId: n.requestId, prefix: trackingLinkPrefix(publicUrl) },
    },
    now,
  );
}

export function statusSubject(status: CollegeRequestStatus): string {
  switch (status) {
    case "received":
      return "Demande de séance reçue";
    case "under_review":
      return "Votre demande est en cours d'étude";
    case "scheduled":
      return "Séance de sensibilisation programmée";
    case "done":
      return "Séance de sensibilisation réalisée";
    case "declined":
      return "Votre demande n'a pas pu être retenue";
    case "cancelled":
      return "Demande de séance annulée";
  }
}

export function statusSentence(status: CollegeRequestStatus): string {
  return `Statut de votre demande : ${collegeRequestStatuses.label(status)}.`;
}
