import type { Prisma, PrismaClient } from "@medianum/db";
import { maskPlainLinks, PERSONAL_LINK, type PersonalLinkRef } from "./personal-link.js";

type Db = PrismaClient | Prisma.TransactionClient;

export interface OutgoingEmail {
  to: string;
  /** Where answers go (a workshop's contact); without it, MAIL_REPLY_TO. */
  replyTo?: string | undefined;
  subject: string;
  /** With a personal link: PERSONAL_LINK where it goes. */
  text: string;
  html?: string | undefined;
  /** iCalendar file (text/calendar) attached to the message. */
  ics?: string | undefined;
  /** Makes the message idempotent: a second enqueue with the same key is ignored. */
  dedupeKey?: string | undefined;
  /** The personal link the message carries, created when it is sent (see personal-link.ts). */
  personalLink?: PersonalLinkRef | undefined;
}

/**
 * Queues an e-mail in the outbox table, inside the caller's transaction, so that a message is
 * sent if and only if the change it announces was saved. A delivery worker sends pending
 * messages through SMTP when SMTP_URL is set; otherwise they stay readable by staff, without
 * their personal link. Returns false when a message with the same dedupeKey already exists.
 */
export async function enqueueEmail(db: Db, email: OutgoingEmail, now: Date): Promise<boolean> {
  if (email.dedupeKey) {
    const res = await db.outboxEmail.createMany({
      data: [{ ...outboxRow(email), createdAt: now }],
      skipDuplicates: true,
    });
    return res.count === 1;
  }
  await db.outboxEmail.create({ data: { ...outboxRow(email), createdAt: now } });
  return true;
}

/**
 * The outbox row of a message, for the callers that write it with their own SQL (the booking's
 * single INSERT): the same masking and checks as enqueueEmail.
 */
export function outboxRow(e: OutgoingEmail) {
  if (e.personalLink && !e.text.includes(PERSONAL_LINK)) {
    throw new Error(`enqueueEmail: a message with a personal link must hold ${PERSONAL_LINK} where it goes`);
  }
  return {
    to: e.to,
    replyTo: e.replyTo ?? null,
    subject: e.subject,
    // A link written out in full would be readable by staff and in any dump: masked, never stored.
    text: maskPlainLinks(e.text),
    html: e.html === undefined ? null : maskPlainLinks(e.html),
    ics: e.ics ?? null,
    dedupeKey: e.dedupeKey ?? null,
    linkKind: e.personalLink?.kind ?? null,
    linkTargetId: e.personalLink?.targetId ?? null,
    linkPrefix: e.personalLink?.prefix ?? null,
  };
}
