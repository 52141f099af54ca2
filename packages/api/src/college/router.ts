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
import { UserFacingError } from "../shared/errors.js";
import { RATE_LIMITS } from "../shared/rate-limit.js";
import { counsellorProcedure, publicProcedure, rateLimited, router, staffProcedure } from "../trpc.js";
import { listCommunes } from "../territory/list-communes.js";
import { collegeFigures } from "./figures.js";
import { cancelPlannedSessions } from "./invitations.js";
import { notifyCollege, statusSubject } from "./notify.js";
import { counsellorSession, inbox, requestDetail } from "./queries.js";
import { fileCollegeReport } from "./report.js";
import { cancelCollegeSession, scheduleSessions } from "./schedule.js";
import { submitCollegeRequest } from "./submit.js";
import { cancelByCollege, messageFromCollege, trackingView } from "./tracking.js";
import { applyTransition, lockRequest } from "./transition.js";

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
    .query(async ({ ctx }) => {
      const { prisma } = ctx.db;
      const communes = await prisma.commune.findMany({
        where: { collegeRequests: { some: {} } },
        select: { inseeCode: true, name: true, epci: { select: { code: true, name: true } } },
        orderBy: { name: "asc" },
      });
      const epcis = new Map<string, string>();
      for (const c of communes) if (c.epci) epcis.set(c.epci.code, c.epci.name);
      return {
        epcis: [...epcis].map(([code, name]) => ({ code, name })).sort((a, b) => a.name.localeCompare(b.name, "fr")),
        communes: communes.map((c) => ({ inseeCode: c.inseeCode, name: c.name })),
      };
    }),

  /** Counsellors who can be assigned (active accounts). */
  counsellors: staffProcedure.output(z.array(counsellorChoice)).query(async ({ ctx }) => {
    const rows = await ctx.db.prisma.counsellor.findMany({
      where: { user: { disabledAt: null } },
      select: { id: true, user: { select: { displayName: true } } },
      orderBy: { user: { displayName: "asc" } },
    });
    return rows.map((c) => ({ id: c.id, displayName: c.user.displayName }));
  }),

  startReview: staffProcedure
    .input(z.object({ requestId: uuidSchema }))
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      const now = ctx.now();
      await ctx.db.prisma.$transaction(async (tx) => {
        const r = await lockRequest(tx, input.requestId);
        // A scheduled request goes back to review only by cancelling its sessions (cancelSession).
        if (r.status === "scheduled") throw new UserFacingError("CONFLICT", "Cette demande est programmée : annulez ses séances pour la replanifier.");
        await applyTransition(tx, r, "under_review", { actor: "staff", userId: ctx.user.id }, now);
        await notifyCollege(
          tx,
          {
            requestId: r.id,
            to: r.email,
            establishmentName: r.establishmentName,
            subject: statusSubject("under_review"),
            paragraphs: ["L'équipe de coordination étudie votre demande et cherche une date avec un conseiller numérique.", "Statut de votre demande : En cours d'étude."],
          },
          ctx.config.publicUrl,
          now,
        );
        await audit(ctx, tx, "college.review", { type: "CollegeRequest", id: r.id });
      });
      return { ok: true as const };
    }),

  decline: staffProcedure
    .input(declineInput)
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      const now = ctx.now();
      await ctx.db.prisma.$transaction(async (tx) => {
        const r = await lockRequest(tx, input.requestId);
        await applyTransition(tx, r, "declined", { actor: "staff", userId: ctx.user.id, reason: input.reason }, now);
        await notifyCollege(
          tx,
          {
            requestId: r.id,
            to: r.email,
            establishmentName: r.establishmentName,
            subject: statusSubject("declined"),
            paragraphs: ["Nous ne pouvons malheureusement pas donner suite à votre demande.", `Motif : ${input.reason}`, "Statut de votre demande : Déclinée."],
          },
          ctx.config.publicUrl,
          now,
        );
        await audit(ctx, tx, "college.decline", { type: "CollegeRequest", id: r.id });
      });
      return { ok: true as const };
    }),

  cancel: staffProcedure
    .input(staffCancelInput)
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      const now = ctx.now();
      await ctx.db.prisma.$transaction(async (tx) => {
        const r = await lockRequest(tx, input.requestId);
        await applyTransition(tx, r, "cancelled", { actor: "staff", userId: ctx.user.id, reason: input.reason }, now);
        await cancelPlannedSessions(tx, ctx.config, r.id, now);
        await notifyCollege(
          tx,
          {
            requestId: r.id,
            to: r.email,
            establishmentName: r.establishmentName,
            subject: statusSubject("cancelled"),
            paragraphs: ["Votre demande de séance de sensibilisation est annulée par l'équipe de coordination.", `Motif : ${input.reason}`, "Statut de votre demande : Annulée."],
          },
          ctx.config.publicUrl,
          now,
        );
        await audit(ctx, tx, "college.cancel", { type: "CollegeRequest", id: r.id });
      });
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
      const now = ctx.now();
      await ctx.db.prisma.$transaction(async (tx) => {
        const r = await lockRequest(tx, input.requestId);
        await tx.collegeRequestMessage.create({ data: { requestId: r.id, author: "staff", body: input.body, createdAt: now } });
        await tx.collegeRequest.update({ where: { id: r.id }, data: { updatedAt: now } });
        await notifyCollege(
          tx,
          { requestId: r.id, to: r.email, establishmentName: r.establishmentName, subject: "Nouveau message sur votre demande", paragraphs: ["L'équipe de coordination vous écrit :", input.body] },
          ctx.config.publicUrl,
          now,
        );
        await audit(ctx, tx, "college.message", { type: "CollegeRequest", id: r.id });
      });
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
