import { outboxCountsView, outboxFilter, outboxListView, outboxMessageView, uuidSchema } from "@medianum/domain";
import { z } from "zod";
import { router, staffProcedure } from "../trpc.js";
import { countOutbox } from "./count-outbox.js";
import { listOutbox, readOutboxMessage } from "./read-outbox.js";
import { retryMessage } from "./retry-message.js";

/**
 * The outbox viewer: every e-mail the product queued, readable by staff (the only copy without
 * SMTP). Personal links are never in it: their token is created when the message is sent.
 */
export const outboxRouter = router({
  list: staffProcedure
    .input(outboxFilter.default({ page: 0 }))
    .output(outboxListView)
    .query(({ ctx, input }) => listOutbox(ctx.db.prisma, input, ctx.config.smtpConfigured)),

  /** For the staff dashboard: e-mails waiting and given up. */
  counts: staffProcedure.output(outboxCountsView).query(({ ctx }) => countOutbox(ctx.db.prisma, ctx.config.smtpConfigured)),

  message: staffProcedure
    .input(z.object({ id: uuidSchema }))
    .output(outboxMessageView)
    .query(({ ctx, input }) => readOutboxMessage(ctx.db.prisma, input.id)),

  /** Puts a failed message back in the queue (e.g. after fixing the SMTP settings). */
  retry: staffProcedure
    .input(z.object({ id: uuidSchema }))
    .output(z.object({ ok: z.boolean() }))
    .mutation(({ ctx, input }) => retryMessage(ctx.db.prisma, ctx, input.id)),
});
