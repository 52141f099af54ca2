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
import { notFound } from "../shared/errors.js";
import { RATE_LIMITS } from "../shared/rate-limit.js";
import { counsellorProcedure, publicProcedure, rateLimited, rateLimitedToAcceptedInTransaction, router } from "../trpc.js";
import { attendanceSheet, recordAttendance } from "./attendance.js";
import { bookSeats } from "./book.js";
import { cancelByToken, reduceByToken, viewByToken } from "./manage.js";
import { mySessions } from "./my-sessions.js";
import { bookableWhere, publicSessionInclude, seatsTakenBySession, toPublicSessionView } from "./queries.js";
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
  filterOptions: publicProcedure.output(catalogueFilterOptions).query(async ({ ctx }) => {
    const places = await ctx.db.prisma.place.findMany({
      where: { workshopSessions: { some: bookableWhere(ctx.now()) } },
      select: { commune: { select: { inseeCode: true, name: true, epciCode: true, epci: { select: { code: true, name: true } } } } },
    });
    const communes = new Map<string, { inseeCode: string; name: string; epciCode: string | null }>();
    const epcis = new Map<string, { code: string; name: string }>();
    for (const { commune } of places) {
      communes.set(commune.inseeCode, { inseeCode: commune.inseeCode, name: commune.name, epciCode: commune.epciCode });
      if (commune.epci) epcis.set(commune.epci.code, commune.epci);
    }
    const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, "fr");
    return { communes: [...communes.values()].sort(byName), epcis: [...epcis.values()].sort(byName) };
  }),

  session: publicProcedure
    .input(z.object({ id: uuidSchema }))
    .output(publicSessionDetailView)
    .query(async ({ ctx, input }) => {
      const { prisma } = ctx.db;
      const s = await prisma.workshopSession.findFirst({
        where: { id: input.id, ...bookableWhere(ctx.now()) },
        include: publicSessionInclude,
      });
      if (!s) throw notFound("Cette séance");
      const taken = await seatsTakenBySession(prisma, [s.id]);
      return {
        ...toPublicSessionView(s, taken.get(s.id) ?? 0),
        audience: s.workshop.audience as z.infer<typeof publicSessionDetailView>["audience"],
        whatToBring: s.workshop.whatToBring,
        accessInfo: s.accessInfo ?? s.place.accessInfo,
        contactEmail: s.workshop.contactEmail,
        contactPhone: s.workshop.contactPhone,
        retentionMonths: ctx.config.registrationRetentionMonths,
        cancellationDeadlineHours: ctx.config.cancellationDeadlineHours,
      };
    }),

  book: publicProcedure
    .use(rateLimitedToAcceptedInTransaction("booking", RATE_LIMITS.bookingsPerIp, RATE_LIMITS.refusedBookingsPerIp))
    .input(bookingInput)
    .output(bookingResultView)
    .mutation(async ({ ctx, input }) => {
      const outcome = await bookSeats(ctx.db.raw, ctx.config, { ...input, source: "portal" }, ctx.now(), ctx.quota);
      return {
        registrationId: outcome.registrationId,
        status: outcome.status,
        seats: outcome.seats,
        manageToken: outcome.manageToken,
        session: toPublicSessionView(outcome.session, outcome.seatsTaken),
      };
    }),

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
