import {
  attendanceInput,
  attendanceResultView,
  attendanceSheetView,
  bookingInput,
  bookingResultView,
  catalogueCommunes,
  catalogueFilterOptions,
  manageCancelInput,
  manageLookupInput,
  manageReduceInput,
  manageRegistrationView,
  publicSessionDetailView,
  publicSessionView,
  sessionFilters,
  staffSessionView,
  uuidSchema,
} from "@medianum/domain";
import { z } from "zod";
import { RATE_LIMITS } from "../shared/rate-limit.js";
import { counsellorProcedure, publicProcedure, rateLimited, rateLimitedToAcceptedInTransaction, router } from "../trpc.js";
import { attendanceSheet, recordAttendance } from "./attendance.js";
import { bookFromPortal } from "./book.js";
import { listFilterOptions } from "./list-filter-options.js";
import { cancelByToken, reduceByToken, viewByToken } from "./manage.js";
import { mySessions } from "./my-sessions.js";
import { readPublicSession } from "./read-public-session.js";
import { listCommunes } from "../territory/list-communes.js";
import { upcomingSessions } from "./upcoming-sessions.js";

export const bookingRouter = router({
  upcomingSessions: publicProcedure
    .input(sessionFilters.default({}))
    .output(z.array(publicSessionView))
    .query(({ ctx, input }) => upcomingSessions(ctx.db.prisma, input, ctx.now())),

  /** Every commune of the département, for the catalogue's « Où ? » search (loaded once when the filters open). */
  communes: publicProcedure
    .use(rateLimited("communes", RATE_LIMITS.publicListsPerIp))
    .output(catalogueCommunes)
    .query(({ ctx }) => listCommunes(ctx.db.prisma)),

  /** Communes and EPCIs where public sessions are coming up (the catalogue's filter lists). */
  filterOptions: publicProcedure.output(catalogueFilterOptions).query(({ ctx }) => listFilterOptions(ctx.db.prisma, ctx.now())),

  session: publicProcedure
    .input(z.object({ id: uuidSchema }))
    .output(publicSessionDetailView)
    .query(({ ctx, input }) => readPublicSession(ctx.db.prisma, ctx.config, input.id, ctx.now())),

  book: publicProcedure
    .use(rateLimitedToAcceptedInTransaction("booking", RATE_LIMITS.bookingsPerIp, RATE_LIMITS.refusedBookingsPerIp))
    .input(bookingInput)
    .output(bookingResultView)
    .mutation(({ ctx, input }) => bookFromPortal(ctx.db.raw, ctx.config, input, ctx.now(), ctx.quota)),

  /** The manage link: one registration, found by the hash of the link's token. */
  manage: publicProcedure
    .use(rateLimited("manage-view", RATE_LIMITS.manageLinkPerIp))
    .input(manageLookupInput)
    .output(manageRegistrationView)
    .query(({ ctx, input }) => viewByToken(ctx.db.prisma, ctx.config, input.token, ctx.now())),

  cancel: publicProcedure
    .use(rateLimited("manage", RATE_LIMITS.publicMutationPerIp))
    .input(manageCancelInput)
    .output(z.object({ promoted: z.number().int() }))
    .mutation(({ ctx, input }) => cancelByToken(ctx.db.prisma, ctx.config, input.token, ctx.now())),

  reduceSeats: publicProcedure
    .use(rateLimited("manage", RATE_LIMITS.publicMutationPerIp))
    .input(manageReduceInput)
    .output(z.object({ promoted: z.number().int() }))
    .mutation(({ ctx, input }) => reduceByToken(ctx.db.prisma, ctx.config, input.token, input.seats, ctx.now())),

  /** Counsellor: my workshop sessions of the last two weeks and the next eight, for check-in. */
  mySessions: counsellorProcedure
    .output(z.array(staffSessionView))
    .query(({ ctx }) => mySessions(ctx.db.prisma, ctx.counsellorId, ctx.now())),

  attendanceSheet: counsellorProcedure
    .input(z.object({ sessionId: uuidSchema }))
    .output(attendanceSheetView)
    .query(({ ctx, input }) => attendanceSheet(ctx.db.prisma, ctx.counsellorId, input.sessionId)),

  recordAttendance: counsellorProcedure
    .input(attendanceInput)
    .output(attendanceResultView)
    .mutation(({ ctx, input }) => recordAttendance(ctx.db.prisma, ctx.counsellorId, input, ctx.now())),
});
