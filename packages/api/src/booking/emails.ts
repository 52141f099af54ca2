import type { Prisma, PrismaClient } from "@medianum/db";
import { changeDeadline, countOf, formatDateTime, formatDuration, pluralWord, seatsFreedText } from "@medianum/domain";
import type { ApiConfig } from "../shared/config.js";
import { buildIcs, organizerOf, type IcsMethod } from "../mail/ics.js";
import { renderEmail } from "../mail/layout.js";
import { enqueueEmail, type OutgoingEmail } from "../mail/outbox.js";
import { PERSONAL_LINK } from "../mail/personal-link.js";
import { manageLinkPrefix } from "./links.js";

type Db = PrismaClient | Prisma.TransactionClient;

/** What every booking e-mail says about the session. */
export interface MailSession {
  id: string;
  startsAt: Date;
  durationMinutes: number;
  accessInfo: string | null;
  workshop: { title: string; whatToBring: string | null; contactEmail: string | null; contactPhone: string | null };
  place: { name: string; address: string; postalCode: string; accessInfo?: string | null; commune: { name: string } };
}

export const mailSessionInclude = {
  workshop: { select: { title: true, whatToBring: true, contactEmail: true, contactPhone: true } },
  place: { select: { name: true, address: true, postalCode: true, accessInfo: true, commune: { select: { name: true } } } },
} satisfies Prisma.WorkshopSessionInclude;

export interface MailRegistration {
  id: string;
  firstName: string;
  lastName?: string | null;
  email: string | null;
  seats: number;
  icsSequence: number;
  /** Status before this event: a waitlisted registration has no calendar entry to update or remove. */
  status?: string;
}

export type BookingEmailKind =
  | "confirmed"
  | "waitlisted"
  | "promoted"
  | "cancelled_by_parent"
  | "cancelled_by_staff"
  | "session_cancelled"
  | "seats_reduced"
  | "moved"
  | "session_changed"
  | "reminder";

type MailConfig = Pick<ApiConfig, "publicUrl" | "cancellationDeadlineHours" | "mailFrom">;

function placeLine(s: MailSession) {
  return `${s.place.name}, ${s.place.address}, ${s.place.postalCode} ${s.place.commune.name}`;
}

const seatsText = (n: number) => countOf(n, "place");

/** The iCalendar UID of a registration: one calendar entry per registration, updated in place. */
export const registrationUid = (registrationId: string) => `inscription-${registrationId}@medianum`;

/**
 * Queues the e-mail for one booking event, in the caller's transaction. Parents without an
 * e-mail address (phone only) get nothing here: staff call them. Returns the iCalendar sequence
 * used, so the caller stores it on the registration.
 */
export async function queueBookingEmail(
  db: Db,
  config: MailConfig,
  kind: BookingEmailKind,
  r: MailRegistration,
  s: MailSession,
  now: Date,
  extra: BookingEmailExtra = {},
): Promise<number> {
  const composed = composeBookingEmail(config, kind, r, s, extra);
  if (!composed) return r.icsSequence;
  await enqueueEmail(db, composed.email, now);
  return composed.sequence;
}

interface BookingEmailExtra {
  /** Add the registration's manage link (confirmation, waitlist). */
  withManageLink?: boolean | undefined;
  reason?: string | undefined;
  dedupeKey?: string | undefined;
}

/**
 * The e-mail for one booking event and the iCalendar sequence it uses, without writing anything
 * (the booking writes it in the same statement as the registration); null for a parent without
 * an e-mail address.
 */
export function composeBookingEmail(
  config: MailConfig,
  kind: BookingEmailKind,
  r: MailRegistration,
  s: MailSession,
  extra: BookingEmailExtra = {},
): { email: OutgoingEmail & { to: string }; sequence: number } | null {
  if (!r.email) return null;
  const when = formatDateTime(s.startsAt);
  const title = s.workshop.title;
  const deadline = formatDateTime(changeDeadline(s.startsAt, config.cancellationDeadlineHours));
  const withManageLink = (extra.withManageLink ?? false) && (kind === "confirmed" || kind === "waitlisted");
  const link = withManageLink ? { label: "Voir, modifier ou annuler mon inscription", url: PERSONAL_LINK } : undefined;
  const details: Array<[string, string]> = [
    ["Atelier", title],
    ["Date", `${when} (${formatDuration(s.durationMinutes)})`],
    ["Lieu", placeLine(s)],
    ["Places", seatsText(r.seats)],
  ];
  const access = s.accessInfo ?? s.place.accessInfo ?? null;
  if (access) details.push(["Accès", access]);
  if (s.workshop.whatToBring) details.push(["À apporter", s.workshop.whatToBring]);
  const contact = [s.workshop.contactEmail, s.workshop.contactPhone].filter(Boolean).join(" — ");
  if (contact) details.push(["Contact", contact]);
  const footer = ["Vous recevez ce message parce que vous vous êtes inscrit(e) à un atelier gratuit du Département."];

  let subject: string;
  let paragraphs: string[];
  let ics: IcsMethod | null = null;
  let sequence = r.icsSequence;
  switch (kind) {
    case "confirmed":
      subject = `Inscription confirmée : ${title}`;
      paragraphs = [
        `Votre inscription est confirmée (${seatsText(r.seats)}). Le rendez-vous est joint à ce message : ouvrez-le pour l'ajouter à votre agenda.`,
        `Si vous ne pouvez plus venir, annulez avant le ${deadline} avec le lien ci-dessous : ${seatsFreedText(r.seats, "servira à une autre famille", "serviront à d'autres familles")}.`,
      ];
      ics = "REQUEST";
      break;
    case "waitlisted":
      subject = `Liste d'attente : ${title}`;
      paragraphs = [
        `La séance est complète : vous êtes sur la liste d'attente (${seatsText(r.seats)}).`,
        "Si des places se libèrent, votre inscription est confirmée automatiquement dans l'ordre d'arrivée, et nous vous prévenons par e-mail.",
      ];
      break;
    case "promoted":
      subject = `${pluralWord(r.seats, "Une place s'est libérée", "Des places se sont libérées")} : ${title}`;
      paragraphs = [
        `Bonne nouvelle : des places se sont libérées et votre inscription est maintenant confirmée (${seatsText(r.seats)}).`,
        `Si vous ne pouvez plus venir, annulez avant le ${deadline} avec le lien de votre premier message.`,
      ];
      ics = "REQUEST";
      sequence += 1;
      break;
    case "seats_reduced":
      subject = `Inscription modifiée : ${title}`;
      paragraphs = [`Votre inscription est modifiée : vous avez maintenant ${seatsText(r.seats)}.`];
      ics = "REQUEST";
      sequence += 1;
      break;
    case "moved":
    case "session_changed":
      subject = kind === "moved" ? `Changement de séance : ${title}` : `Séance modifiée : ${title}`;
      paragraphs = [
        kind === "moved"
          ? "L'équipe du Département a déplacé votre inscription vers la séance ci-dessous."
          : "La date, l'heure ou le lieu de votre séance ont changé. Voici les nouvelles informations.",
        "Le rendez-vous joint remplace le précédent dans votre agenda.",
      ];
      ics = "REQUEST";
      sequence += 1;
      break;
    case "cancelled_by_parent":
    case "cancelled_by_staff":
    case "session_cancelled":
      subject = kind === "session_cancelled" ? `Séance annulée : ${title}` : `Inscription annulée : ${title}`;
      paragraphs = [
        kind === "cancelled_by_parent"
          ? "Votre inscription est annulée, comme vous l'avez demandé. Merci d'avoir prévenu."
          : kind === "cancelled_by_staff"
            ? "L'équipe du Département a annulé votre inscription."
            : "Nous sommes désolés : cette séance est annulée.",
        ...(extra.reason ? [`Motif : ${extra.reason}`] : []),
        "Le rendez-vous est retiré de votre agenda avec le fichier joint. D'autres dates sont proposées sur le portail des ateliers.",
      ];
      ics = "CANCEL";
      sequence += 1;
      break;
    case "reminder":
      subject = `Rappel : ${title}, ${when}`;
      paragraphs = [`Nous vous attendons pour l'atelier « ${title} ».`, `Un empêchement ? Annulez avant le ${deadline} avec le lien reçu lors de votre inscription : ${pluralWord(r.seats, "une autre famille pourra venir", "d'autres familles pourront venir")}.`];
      ics = "REQUEST";
      break;
  }
  const body = renderEmail({
    greeting: `Bonjour ${r.firstName},`,
    paragraphs,
    details,
    action: kind === "confirmed" || kind === "waitlisted" ? link : { label: "Voir tous les ateliers", url: `${config.publicUrl}/` },
    footer,
  });
  // A waitlisted parent never received an invitation: nothing to update or remove in a calendar.
  if (r.status === "waitlisted" && kind !== "promoted") {
    ics = null;
    sequence = r.icsSequence;
  }
  const icsText = ics
    ? buildIcs({
        uid: registrationUid(r.id),
        sequence,
        method: ics,
        title,
        description: `Atelier e-parentalité gratuit — ${seatsText(r.seats)}.`,
        start: s.startsAt,
        durationMinutes: s.durationMinutes,
        location: placeLine(s),
        url: `${config.publicUrl}/seances/${s.id}`,
        organizer: organizerOf(config.mailFrom),
        // The parent booked it themselves: already accepted, no answer expected.
        attendee: { name: [r.firstName, r.lastName].filter(Boolean).join(" "), email: r.email, partstat: "ACCEPTED", rsvp: false },
      })
    : undefined;
  return {
    email: {
      to: r.email,
      // A parent who answers reaches the workshop's contact, not a mailbox nobody reads.
      replyTo: s.workshop.contactEmail ?? undefined,
      subject,
      ...body,
      ics: icsText,
      dedupeKey: extra.dedupeKey,
      personalLink: link ? { kind: "manage_registration", targetId: r.id, prefix: manageLinkPrefix(config) } : undefined,
    },
    sequence,
  };
}
