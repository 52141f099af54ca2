import type { Prisma } from "@medianum/db";
import { sessionRegistrationsView, staffSessionView, uuidSchema, type StaffSessionView } from "@medianum/domain";
import { z } from "zod";
import { notFound } from "../shared/errors.js";
import { router, staffProcedure } from "../trpc.js";

const staffSessionInclude = {
  workshop: { select: { title: true } },
  place: { include: { commune: { select: { name: true } } } },
  counsellors: { include: { counsellor: { include: { user: { select: { displayName: true } } } } } },
} satisfies Prisma.WorkshopSessionInclude;

type StaffSession = Prisma.WorkshopSessionGetPayload<{ include: typeof staffSessionInclude }>;

function toStaffSessionView(s: StaffSession, counts: { seatsTaken: number; waitlisted: number }): StaffSessionView {
  return {
    id: s.id,
    workshopId: s.workshopId,
    title: s.workshop.title,
    startsAt: s.startsAt,
    durationMinutes: s.durationMinutes,
    capacity: s.capacity,
    seatsTaken: counts.seatsTaken,
    waitlisted: counts.waitlisted,
    status: s.status as StaffSessionView["status"],
    place: { id: s.place.id, name: s.place.name, communeName: s.place.commune.name },
    counsellors: s.counsellors.map((c) => ({ id: c.counsellorId, displayName: c.counsellor.user.displayName })),
  };
}

async function countsBySession(prisma: Prisma.TransactionClient, ids: string[]) {
  const rows = await prisma.registration.groupBy({
    by: ["sessionId", "status"],
    where: { sessionId: { in: ids } },
    _sum: { seats: true },
  });
  const out = new Map<string, { seatsTaken: number; waitlisted: number }>();
  for (const id of ids) out.set(id, { seatsTaken: 0, waitlisted: 0 });
  for (const r of rows) {
    const c = out.get(r.sessionId)!;
    const seats = r._sum.seats ?? 0;
    if (r.status === "waitlisted") c.waitlisted += seats;
    else if (r.status !== "cancelled") c.seatsTaken += seats;
  }
  return out;
}

export const workshopRouter = router({
  sessions: staffProcedure
    .input(z.object({ from: z.date().optional(), to: z.date().optional() }).default({}))
    .output(z.array(staffSessionView))
    .query(async ({ ctx, input }) => {
      const { prisma } = ctx.db;
      // By default: from a week ago, so staff still see sessions that just happened.
      const from = input.from ?? new Date(ctx.now().getTime() - 7 * 86_400_000);
      const sessions = await prisma.workshopSession.findMany({
        where: { startsAt: { gte: from, ...(input.to ? { lte: input.to } : {}) } },
        include: staffSessionInclude,
        orderBy: { startsAt: "asc" },
        take: 500,
      });
      const counts = await countsBySession(prisma, sessions.map((s) => s.id));
      return sessions.map((s) => toStaffSessionView(s, counts.get(s.id)!));
    }),

  sessionRegistrations: staffProcedure
    .input(z.object({ sessionId: uuidSchema }))
    .output(sessionRegistrationsView)
    .query(async ({ ctx, input }) => {
      const { prisma } = ctx.db;
      const session = await prisma.workshopSession.findUnique({ where: { id: input.sessionId }, include: staffSessionInclude });
      if (!session) throw notFound("Cette séance");
      const [counts, registrations] = await Promise.all([
        countsBySession(prisma, [session.id]),
        prisma.registration.findMany({ where: { sessionId: session.id }, orderBy: { arrival: "asc" } }),
      ]);
      return {
        session: toStaffSessionView(session, counts.get(session.id)!),
        registrations: registrations.map((r) => ({
          id: r.id,
          firstName: r.firstName,
          lastName: r.lastName,
          email: r.email,
          phone: r.phone,
          seats: r.seats,
          status: r.status as z.infer<typeof sessionRegistrationsView>["registrations"][number]["status"],
          need: r.need,
          createdAt: r.createdAt,
          source: r.source,
        })),
      };
    }),
});
