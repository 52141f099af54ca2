import type { Prisma, PrismaClient } from "@medianum/db";

type Db = PrismaClient | Prisma.TransactionClient;

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
  /** iCalendar file (text/calendar) attached to the message. */
  ics?: string | undefined;
  /** Makes the message idempotent: a second enqueue with the same key is ignored. */
  dedupeKey?: string | undefined;
}

/**
 * Queues an e-mail in the outbox table, inside the caller's transaction, so that a message is
 * sent if and only if the change it announces was saved. A delivery worker sends pending
 * messages through SMTP when SMTP_URL is set; otherwise they stay readable by staff.
 * Returns false when a message with the same dedupeKey already exists.
 */
export async function enqueueEmail(db: Db, email: OutgoingEmail, now: Date): Promise<boolean> {
  if (email.dedupeKey) {
    const res = await db.outboxEmail.createMany({
      data: [{ ...toRow(email), createdAt: now }],
      skipDuplicates: true,
    });
    return res.count === 1;
  }
  await db.outboxEmail.create({ data: { ...toRow(email), createdAt: now } });
  return true;
}

function toRow(e: OutgoingEmail) {
  return {
    to: e.to,
    subject: e.subject,
    text: e.text,
    html: e.html ?? null,
    ics: e.ics ?? null,
    dedupeKey: e.dedupeKey ?? null,
  };
}
