import type { OutboxEmailModel, Prisma } from "@medianum/db";
import { outboxCountsView, outboxFilter, outboxListView, outboxMessageView, personalLinkKinds, uuidSchema } from "@medianum/domain";
import { z } from "zod";
import { audit } from "../shared/audit.js";
import { notFound } from "../shared/errors.js";
import { countOutbox } from "./count-outbox.js";
import { maskedText, maskPlainLinks } from "./personal-link.js";
import { router, staffProcedure } from "../trpc.js";

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

/**
 * The outbox viewer: every e-mail the product queued, readable by staff (the only copy without
 * SMTP). Personal links are never in it: their token is created when the message is sent.
 */
export const outboxRouter = router({
  list: staffProcedure
    .input(outboxFilter.default({ page: 0 }))
    .output(outboxListView)
    .query(async ({ ctx, input }) => {
      const where: Prisma.OutboxEmailWhereInput = {
        ...(input.status ? { status: input.status } : {}),
        ...(input.search ? { OR: [{ to: { contains: input.search, mode: "insensitive" } }, { subject: { contains: input.search, mode: "insensitive" } }] } : {}),
      };
      const [rows, total] = await Promise.all([
        ctx.db.prisma.outboxEmail.findMany({ where, orderBy: [{ createdAt: "desc" }, { seq: "desc" }], skip: input.page * PAGE_SIZE, take: PAGE_SIZE }),
        ctx.db.prisma.outboxEmail.count({ where }),
      ]);
      return {
        items: rows.map(listItemOf),
        total,
        pageSize: PAGE_SIZE,
        smtpConfigured: ctx.config.smtpConfigured,
      };
    }),

  /** For the staff dashboard: e-mails waiting and given up. */
  counts: staffProcedure.output(outboxCountsView).query(({ ctx }) => countOutbox(ctx.db.prisma, ctx.config.smtpConfigured)),

  message: staffProcedure
    .input(z.object({ id: uuidSchema }))
    .output(outboxMessageView)
    .query(async ({ ctx, input }) => {
      const m = await ctx.db.prisma.outboxEmail.findUnique({ where: { id: input.id } });
      if (!m) throw notFound("Ce message");
      return {
        ...listItemOf(m),
        // maskPlainLinks: nothing written before links were made at delivery may show through either.
        text: m.text === null ? null : maskedText(maskPlainLinks(m.text)),
        ics: m.ics,
      };
    }),

  /** Puts a failed message back in the queue (e.g. after fixing the SMTP settings). */
  retry: staffProcedure
    .input(z.object({ id: uuidSchema }))
    .output(z.object({ ok: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const res = await ctx.db.prisma.outboxEmail.updateMany({
        where: { id: input.id, status: "failed" },
        data: { status: "pending", nextAttemptAt: null, attempts: 0, lockedUntil: null },
      });
      if (res.count === 1) await audit(ctx, ctx.db.prisma, "mail.retry", { type: "OutboxEmail", id: input.id });
      return { ok: res.count === 1 };
    }),
});
