import {
  catalogueCommunes,
  collegeCancelInput,
  collegeFiguresInput,
  collegeFiguresView,
  collegeInboxFilters,
  collegeMessageInput,
  collegeReportInput,
  collegeReportResult,
  collegeRequestDetail,
  collegeRequestInput,
  collegeRequestListItem,
  collegeSubmitResult,
  collegeTrackingView,
  counsellorChoice,
  counsellorCollegeSessionView,
  cancelSessionInput,
  declineInput,
  scheduleResult,
  scheduleSessionsInput,
  staffCancelInput,
  staffMessageInput,
  trackingInput,
  uuidSchema,
} from "@medianum/domain";
import { z } from "zod";
import { audit } from "../shared/audit.js";
import { RATE_LIMITS } from "../shared/rate-limit.js";
import { counsellorProcedure, publicProcedure, rateLimited, router, staffProcedure } from "../trpc.js";
import { listCommunes } from "../territory/list-communes.js";
import { collegeFigures } from "./figures.js";
import { assignableCounsellors, requestTerritories } from "./list-choices.js";
import { counsellorSession, inbox, requestDetail } from "./queries.js";
import { fileCollegeReport } from "./report.js";
import { cancelCollegeSession, scheduleSessions } from "./schedule.js";
import { submitCollegeRequest } from "./submit.js";
import { cancelByCollege, messageFromCollege, trackingView } from "./tracking.js";
import { cancelRequest, declineRequest, messageToCollege, startReview } from "./triage.js";

const ok = z.object({ ok: z.literal(true) });
/** Reading a tracking page is cheap but must not let anyone try tokens in bulk. */
const TRACKING_READS = { limit: 120, windowMs: 10 * 60_000 };

export const collegeRouter = router({
  // ─── Portal (no account) ─────────────────────────────────────────────────

  /** Communes of the département, for the request form's list. */
  communes: publicProcedure
    // Same counter as the portal's list: one budget per IP for the whole commune list.
    .use(rateLimited("communes", RATE_LIMITS.publicListsPerIp))
    .output(catalogueCommunes)
    .query(({ ctx }) => listCommunes(ctx.db.prisma)),

  submit: publicProcedure
    .use(rateLimited("college.submit", RATE_LIMITS.publicMutationPerIp))
    .input(collegeRequestInput)
    .output(collegeSubmitResult)
    .mutation(({ ctx, input }) => submitCollegeRequest(ctx.db.prisma, input, ctx.config.publicUrl, ctx.now())),

  tracking: publicProcedure
    .use(rateLimited("college.tracking", TRACKING_READS))
    .input(trackingInput)
    .output(collegeTrackingView)
    .query(({ ctx, input }) => trackingView(ctx.db.prisma, input.token)),

  trackingCancel: publicProcedure
    .use(rateLimited("college.tracking.write", RATE_LIMITS.publicMutationPerIp))
    .input(collegeCancelInput)
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await cancelByCollege(ctx.db.prisma, input.token, input.reason, ctx.config, ctx.now());
      return { ok: true as const };
    }),

  trackingMessage: publicProcedure
    .use(rateLimited("college.tracking.write", RATE_LIMITS.publicMutationPerIp))
    .input(collegeMessageInput)
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await messageFromCollege(ctx.db.prisma, input.token, input.body, ctx.now());
      return { ok: true as const };
    }),

  // ─── Back-office ─────────────────────────────────────────────────────────

  /** Triage inbox: open work first, oldest first within a status. */
  requests: staffProcedure
    .input(collegeInboxFilters.default({}))
    .output(z.array(collegeRequestListItem))
    .query(({ ctx, input }) => inbox(ctx.db.prisma, input)),

  request: staffProcedure
    .input(z.object({ id: uuidSchema }))
    .output(collegeRequestDetail)
    .query(({ ctx, input }) => requestDetail(ctx.db.prisma, input.id)),

  /** EPCIs and communes having collège requests, for the inbox filters. */
  territories: staffProcedure
    .output(
      z.object({
        epcis: z.array(z.object({ code: z.string(), name: z.string() })),
        communes: z.array(z.object({ inseeCode: z.string(), name: z.string() })),
      }),
    )
    .query(({ ctx }) => requestTerritories(ctx.db.prisma)),

  /** Counsellors who can be assigned (active accounts). */
  counsellors: staffProcedure.output(z.array(counsellorChoice)).query(({ ctx }) => assignableCounsellors(ctx.db.prisma)),

  startReview: staffProcedure
    .input(z.object({ requestId: uuidSchema }))
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await startReview(ctx, input.requestId);
      return { ok: true as const };
    }),

  decline: staffProcedure
    .input(declineInput)
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await declineRequest(ctx, input.requestId, input.reason);
      return { ok: true as const };
    }),

  cancel: staffProcedure
    .input(staffCancelInput)
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await cancelRequest(ctx, input.requestId, input.reason);
      return { ok: true as const };
    }),

  /** Plans sessions; returns the counsellors' conflicts without saving unless confirmed. */
  schedule: staffProcedure
    .input(scheduleSessionsInput)
    .output(scheduleResult)
    .mutation(async ({ ctx, input }) => {
      const res = await scheduleSessions(ctx.db.prisma, ctx.user.id, input, ctx.config, ctx.now());
      if (res.outcome === "scheduled") {
        await audit(ctx, ctx.db.prisma, "college.schedule", { type: "CollegeRequest", id: input.requestId }, {
          sessionIds: res.sessionIds,
          conflictsConfirmed: res.conflicts.length,
          outsidePeriodsConfirmed: res.outsidePeriods.length,
        });
      }
      return res;
    }),

  cancelSession: staffProcedure
    .input(cancelSessionInput)
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await cancelCollegeSession(ctx.db.prisma, ctx.user.id, input.sessionId, input.reason, ctx.config, ctx.now());
      await audit(ctx, ctx.db.prisma, "college.cancelSession", { type: "CollegeSession", id: input.sessionId });
      return { ok: true as const };
    }),

  /** A message to the collège: shown on its tracking page and sent by e-mail. */
  sendMessage: staffProcedure
    .input(staffMessageInput)
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await messageToCollege(ctx, input.requestId, input.body);
      return { ok: true as const };
    }),

  /** Sessions delivered: collèges reached, sessions, pupils, by topic and by month. */
  figures: staffProcedure
    .input(collegeFiguresInput.default({}))
    .output(collegeFiguresView)
    .query(({ ctx, input }) => collegeFigures(ctx.db.prisma, input, ctx.now())),

  // ─── Counsellor ──────────────────────────────────────────────────────────

  /** One of my collège sessions, with what I need on the day and for the report. */
  mySession: counsellorProcedure
    .input(z.object({ id: uuidSchema }))
    .output(counsellorCollegeSessionView)
    .query(({ ctx, input }) => counsellorSession(ctx.db.prisma, ctx.counsellorId, input.id)),

  report: counsellorProcedure
    .input(collegeReportInput)
    .output(collegeReportResult)
    .mutation(({ ctx, input }) => fileCollegeReport(ctx.db.prisma, ctx.counsellorId, input, ctx.now(), ctx.config.publicUrl)),
});
