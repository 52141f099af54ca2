import { Prisma, type PrismaClient } from "@medianum/db";
import { PERSONAL_LINK_MASK, personalLinkKinds } from "@medianum/domain";
import { icsMethod } from "./ics.js";
import { mintPersonalLink } from "./link-minters.js";
import { maskPlainLinks, withLink } from "./personal-link.js";
import type { MailTransport } from "./transport.js";

export interface DeliveryOptions {
  from: string;
  /** Where answers go when the message names no one of its own (MAIL_REPLY_TO). */
  replyTo?: string | undefined;
  now: Date;
  batchSize?: number;
  /** How long a claimed message is reserved for this worker (a crashed worker's claims expire). */
  leaseMs?: number;
  /** After this many failed attempts a message is marked failed and left for staff. */
  maxAttempts?: number;
  /** Told of each failed attempt (the server's log): the operator sees an outage as it happens. */
  log?: DeliveryLog | undefined;
}

export interface DeliveryLog {
  warn(obj: Record<string, unknown>, msg: string): void;
  error(obj: Record<string, unknown>, msg: string): void;
}

/** "n***@exemple.fr": enough to tell messages apart in a log, not enough to identify someone. */
export function maskRecipient(address: string): string {
  const at = address.lastIndexOf("@");
  if (at < 1) return "***";
  return `${address[0]}***${address.slice(at)}`;
}

/**
 * The calendar file as the one text/calendar part of the message, with its METHOD in the content
 * type (RFC 6047). Not nodemailer's icalEvent: that one adds a second copy as an application/ics
 * attachment, which some mail programs show as a file beside the invitation.
 */
export function calendarPart(ics: string) {
  return { contentType: `text/calendar; charset=utf-8; method=${icsMethod(ics)}`, content: ics };
}

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
  /** Not sent: the personal link no longer had a purpose (replaced, used, expired, data erased). */
  obsolete: number;
}

/** Shown to staff on a message that was not sent because its link no longer counts. */
export const OBSOLETE_LINK_ERROR =
  "Non envoyé : son lien personnel ne sert plus (remplacé par un plus récent, déjà utilisé, expiré, compte désactivé ou données effacées).";

/** Wait before the next attempt: 1 min, 4 min, 16 min, 1 h 04, then at most 4 h. */
export function backoffMs(attempts: number): number {
  return Math.min(4 * 3_600_000, 60_000 * 4 ** Math.max(0, attempts - 1));
}

/**
 * Sends pending outbox messages. Several server instances may run this at once: each claims a
 * batch with FOR UPDATE SKIP LOCKED and a short lease (lockedUntil), so that no message is sent
 * twice while a claim is live, and a claim left by a crashed instance expires by itself.
 *
 * A message's personal link gets its token here, just before it goes to the SMTP server, and
 * exists only in the e-mail. Once delivered, a message keeps only its envelope (recipient,
 * subject, status, dates): text, HTML and calendar file are erased.
 */
export async function deliverOutbox(prisma: PrismaClient, transport: MailTransport, opts: DeliveryOptions): Promise<DeliveryReport> {
  const { now, from } = opts;
  const batchSize = opts.batchSize ?? 20;
  const leaseMs = opts.leaseMs ?? 5 * 60_000;
  const maxAttempts = opts.maxAttempts ?? 8;
  const leaseUntil = new Date(now.getTime() + leaseMs);

  const claimed = await prisma.$queryRaw<{ id: string; createdAt: Date; seq: bigint }[]>(Prisma.sql`
    UPDATE "OutboxEmail" SET "lockedUntil" = ${leaseUntil}
    WHERE id IN (
      SELECT id FROM "OutboxEmail"
      WHERE status = 'pending'
        AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= ${now})
        AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
      ORDER BY "createdAt", seq
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, "createdAt", seq`);
  // In the order they were queued (RETURNING has none): "request received" goes before "cancelled".
  claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0));

  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0, obsolete: 0 };
  for (const { id } of claimed) {
    const m = await prisma.outboxEmail.findUnique({ where: { id } });
    if (!m || m.status !== "pending") continue;
    let secret: { url: string; token: string } | null = null;
    try {
      let body = { text: m.text ?? "", html: m.html };
      if (m.linkKind) {
        const kind = personalLinkKinds.schema.parse(m.linkKind);
        const url = m.linkTargetId && m.linkPrefix ? await mintPersonalLink(prisma, { kind, targetId: m.linkTargetId, prefix: m.linkPrefix }, now) : null;
        if (url === null || !m.linkPrefix) {
          await prisma.outboxEmail.update({
            where: { id },
            data: { status: "failed", attempts: { increment: 1 }, lastError: OBSOLETE_LINK_ERROR, lockedUntil: null, nextAttemptAt: null },
          });
          report.obsolete += 1;
          continue;
        }
        secret = { url, token: url.slice(m.linkPrefix.length) };
        body = withLink(body, url);
      }
      await transport.sendMail({
        from,
        to: m.to,
        subject: m.subject,
        text: body.text,
        ...(body.html ? { html: body.html } : {}),
        ...(opts.replyTo || m.replyTo ? { replyTo: m.replyTo ?? opts.replyTo } : {}),
        ...(m.ics ? { alternatives: [calendarPart(m.ics)] } : {}),
        headers: { "Auto-Submitted": "auto-generated" },
      });
      await prisma.outboxEmail.update({
        where: { id },
        data: { status: "sent", sentAt: now, attempts: { increment: 1 }, lockedUntil: null, nextAttemptAt: null, lastError: null, text: null, html: null, ics: null },
      });
      report.sent += 1;
    } catch (err) {
      const attempts = m.attempts + 1;
      // A refusing server may quote the message (e.g. a URL filter): the link never reaches lastError.
      let message = err instanceof Error ? err.message : String(err);
      if (secret) message = message.replaceAll(secret.url, PERSONAL_LINK_MASK).replaceAll(secret.token, PERSONAL_LINK_MASK);
      message = maskPlainLinks(message);
      const giveUp = attempts >= maxAttempts;
      const nextAttemptAt = giveUp ? null : new Date(now.getTime() + backoffMs(attempts));
      const lastError = message.slice(0, 500);
      await prisma.outboxEmail.update({
        where: { id },
        data: { status: giveUp ? "failed" : "pending", attempts, lastError, lockedUntil: null, nextAttemptAt },
      });
      const logged = { outboxEmailId: id, to: maskRecipient(m.to), attempt: attempts, maxAttempts, error: lastError, nextAttemptAt: nextAttemptAt?.toISOString() ?? null };
      if (giveUp) opts.log?.error(logged, `e-mail non envoyé après ${attempts} essais : abandonné, à renvoyer depuis le back-office (Messages)`);
      else opts.log?.warn(logged, `e-mail non envoyé (essai ${attempts} sur ${maxAttempts}), nouvel essai à ${nextAttemptAt!.toISOString()}`);
      if (giveUp) report.failed += 1;
      else report.retried += 1;
    }
  }
  return report;
}
