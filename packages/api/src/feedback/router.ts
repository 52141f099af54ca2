import {
  collegeFeedbackInput,
  collegeFeedbackPendingView,
  feedbackCommentsInput,
  feedbackCommentsView,
  feedbackFiguresInput,
  feedbackFiguresView,
  feedbackHideInput,
  feedbackKeysInput,
  feedbackKeysView,
  feedbackLinkInput,
  feedbackLinkView,
  feedbackSubmitInput,
  trackingInput,
} from "@medianum/domain";
import { z } from "zod";
import { requestIdOfToken } from "../college/links.js";
import { UserFacingError } from "../shared/errors.js";
import { RATE_LIMITS } from "../shared/rate-limit.js";
import { counsellorProcedure, publicProcedure, rateLimited, router, staffProcedure } from "../trpc.js";
import { collegeFeedbackPending, feedbackLinkView as linkView, refuseFeedback, submitCollegeFeedback, submitFeedback } from "./answer.js";
import { listComments, setCommentHidden } from "./comments.js";
import { feedbackFigures } from "./figures.js";
import { issueQrKeys } from "./keys.js";

const ok = z.object({ ok: z.literal(true) });
const TRACKING_NOT_FOUND = "Ce lien de suivi ne correspond à aucune demande. Vérifiez qu'il a été copié en entier depuis l'e-mail reçu.";

export const feedbackRouter = router({
  // ─── Portal (no account) ─────────────────────────────────────────────────

  link: publicProcedure
    .use(rateLimited("feedback.link", RATE_LIMITS.manageLinkPerIp))
    .input(feedbackLinkInput)
    .output(feedbackLinkView)
    .query(({ ctx, input }) => linkView(ctx.db.prisma, input.token, ctx.now())),

  submit: publicProcedure
    .use(rateLimited("feedback.submit", RATE_LIMITS.feedbackAnswersPerIp))
    .input(feedbackSubmitInput)
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await submitFeedback(ctx.db.prisma, input.token, input.answers, ctx.now(), input.workshop);
      return { ok: true as const };
    }),

  refuse: publicProcedure
    .use(rateLimited("feedback.refuse", RATE_LIMITS.publicMutationPerIp))
    .input(feedbackLinkInput)
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await refuseFeedback(ctx.db.prisma, input.token, ctx.now());
      return { ok: true as const };
    }),

  collegePending: publicProcedure
    .use(rateLimited("feedback.college", RATE_LIMITS.manageLinkPerIp))
    .input(trackingInput)
    .output(collegeFeedbackPendingView)
    .query(async ({ ctx, input }) => {
      const requestId = await requestIdOfToken(ctx.db.prisma, input.token);
      if (!requestId) throw new UserFacingError("NOT_FOUND", TRACKING_NOT_FOUND);
      return collegeFeedbackPending(ctx.db.prisma, requestId, ctx.now());
    }),

  collegeSubmit: publicProcedure
    .use(rateLimited("feedback.submit", RATE_LIMITS.feedbackAnswersPerIp))
    .input(collegeFeedbackInput)
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      const requestId = await requestIdOfToken(ctx.db.prisma, input.token);
      if (!requestId) throw new UserFacingError("NOT_FOUND", TRACKING_NOT_FOUND);
      await submitCollegeFeedback(ctx.db.prisma, requestId, input.sessionId, input.answers, ctx.now());
      return { ok: true as const };
    }),

  // ─── Counsellor app ──────────────────────────────────────────────────────

  /** Keys for QR codes shown offline at the end of a collective workshop. */
  issueKeys: counsellorProcedure
    .input(feedbackKeysInput)
    .output(feedbackKeysView)
    .mutation(({ ctx, input }) => issueQrKeys(ctx.db.prisma, ctx.counsellorId, input.count, ctx.now())),

  // ─── Back-office ─────────────────────────────────────────────────────────

  figures: staffProcedure
    .input(feedbackFiguresInput)
    .output(feedbackFiguresView)
    .query(({ ctx, input }) => feedbackFigures(ctx.db.prisma, input, input.groupBy)),

  comments: staffProcedure
    .input(feedbackCommentsInput)
    .output(feedbackCommentsView)
    .query(({ ctx, input }) => listComments(ctx.db.prisma, input)),

  setCommentHidden: staffProcedure
    .input(feedbackHideInput)
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await setCommentHidden(ctx, input.id, input.hidden);
      return { ok: true as const };
    }),
});
