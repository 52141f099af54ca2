import {
  bookingInput,
  bookingResultView,
  publicSessionDetailView,
  publicSessionView,
  sessionFilters,
  uuidSchema,
} from "@medianum/domain";
import { z } from "zod";
import { notFound } from "../shared/errors.js";
import { RATE_LIMITS } from "../shared/rate-limit.js";
import { publicProcedure, rateLimited, router } from "../trpc.js";
import { bookSeats } from "./book.js";
import { bookableWhere, publicSessionInclude, seatsTakenBySession, toPublicSessionView } from "./queries.js";

export const bookingRouter = router({
  upcomingSessions: publicProcedure
    .input(sessionFilters.default({}))
    .output(z.array(publicSessionView))
    .query(async ({ ctx, input }) => {
      const now = ctx.now();
      const { prisma } = ctx.db;
      const from = input.from && input.from > now ? input.from : now;
      const sessions = await prisma.workshopSession.findMany({
        where: {
          AND: [
            bookableWhere(from),
            input.to ? { startsAt: { lte: input.to } } : {},
            input.theme ? { workshop: { theme: input.theme } } : {},
            input.communeInsee ? { place: { communeInsee: input.communeInsee } } : {},
            input.epciCode ? { place: { commune: { epciCode: input.epciCode } } } : {},
          ],
        },
        include: publicSessionInclude,
        orderBy: { startsAt: "asc" },
        take: 200,
      });
      const taken = await seatsTakenBySession(prisma, sessions.map((s) => s.id));
      return sessions.map((s) => toPublicSessionView(s, taken.get(s.id) ?? 0));
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
      };
    }),

  book: publicProcedure
    .use(rateLimited("booking", RATE_LIMITS.publicMutationPerIp))
    .input(bookingInput)
    .output(bookingResultView)
    .mutation(async ({ ctx, input }) => {
      const outcome = await bookSeats(ctx.db.prisma, { ...input, source: "portal" }, ctx.now());
      return {
        registrationId: outcome.registrationId,
        status: outcome.status,
        seats: outcome.seats,
        manageToken: outcome.manageToken,
        session: toPublicSessionView(outcome.session, outcome.seatsTaken),
      };
    }),
});
