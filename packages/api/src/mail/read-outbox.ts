import type { OutboxEmailModel, Prisma, PrismaClient } from "@medianum/db";
import { personalLinkKinds, type outboxFilter } from "@medianum/domain";
import type { z } from "zod";
import { notFound } from "../shared/errors.js";
import { maskedText, maskPlainLinks } from "./personal-link.js";

const PAGE_SIZE = 50;

/** A queued e-mail as a line of the viewer (the message view adds its text and calendar file). */
function listItemOf(m: OutboxEmailModel) {
  return {
    id: m.id,
    to: m.to,
    subject: m.subject,
    status: m.status,
    attempts: m.attempts,
    lastError: m.lastError,
    createdAt: m.createdAt,
    sentAt: m.sentAt,
    nextAttemptAt: m.nextAttemptAt,
    hasIcs: !!m.ics,
    personalLink: m.linkKind && personalLinkKinds.has(m.linkKind) ? m.linkKind : null,
    bodyErased: m.text === null,
  };
}

/** One page of the outbox viewer, newest first, by status and by words of the recipient or subject. */
export async function listOutbox(prisma: PrismaClient, filter: z.output<typeof outboxFilter>, smtpConfigured: boolean) {
  const where: Prisma.OutboxEmailWhereInput = {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.search ? { OR: [{ to: { contains: filter.search, mode: "insensitive" } }, { subject: { contains: filter.search, mode: "insensitive" } }] } : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.outboxEmail.findMany({ where, orderBy: [{ createdAt: "desc" }, { seq: "desc" }], skip: filter.page * PAGE_SIZE, take: PAGE_SIZE }),
    prisma.outboxEmail.count({ where }),
  ]);
  return { items: rows.map(listItemOf), total, pageSize: PAGE_SIZE, smtpConfigured };
}

/** One message as staff read it: its personal links masked, whatever was written in its text. */
export async function readOutboxMessage(prisma: PrismaClient, id: string) {
  const m = await prisma.outboxEmail.findUnique({ where: { id } });
  if (!m) throw notFound("Ce message");
  return {
    ...listItemOf(m),
    // maskPlainLinks: nothing written before links were made at delivery may show through either.
    text: m.text === null ? null : maskedText(maskPlainLinks(m.text)),
    ics: m.ics,
  };
}
