import { addParisDays, countOf, agendaItem, agendaRange, parisMidnight, parisToday, classLevels, SEAT_HOLDING_STATUSES, totalPupils, type AgendaItem } from "@medianum/domain";
import { z } from "zod";
import { counsellorProcedure, router } from "../trpc.js";

export const agendaRouter = router({
  /** Workshop and collège sessions assigned to me, from today (default: the next 8 weeks). */
  mine: counsellorProcedure
    .input(agendaRange.default({}))
    .output(z.array(agendaItem))
    .query(async ({ ctx, input }) => {
      const { prisma } = ctx.db;
      const now = ctx.now();
      const today = parisToday(now);
      const from = input.from ?? parisMidnight(today);
      const to = input.to ?? parisMidnight(addParisDays(today, 56));
      const range = { gte: from, lte: to };
      const placeSelect = { select: { name: true, address: true, commune: { select: { name: true } } } } as const;
      const [workshops, colleges] = await Promise.all([
        prisma.workshopSession.findMany({
          where: { startsAt: range, status: { not: "cancelled" }, counsellors: { some: { counsellorId: ctx.counsellorId } } },
          include: {
            workshop: { select: { title: true } },
            place: placeSelect,
            registrations: { where: { status: { in: [...SEAT_HOLDING_STATUSES] } }, select: { seats: true } },
          },
        }),
        prisma.collegeSession.findMany({
          where: { startsAt: range, status: { not: "cancelled" }, counsellors: { some: { counsellorId: ctx.counsellorId } } },
          include: {
            request: { select: { establishmentName: true, commune: { select: { name: true } } } },
            place: placeSelect,
            classes: { include: { class: true } },
          },
        }),
      ]);
      const items: AgendaItem[] = [
        ...workshops.map((s) => {
          const registered = s.registrations.reduce((n, r) => n + r.seats, 0);
          return {
            kind: "workshop" as const,
            id: s.id,
            title: s.workshop.title,
            startsAt: s.startsAt,
            durationMinutes: s.durationMinutes,
            place: { name: s.place.name, address: s.place.address, communeName: s.place.commune.name },
            detail: `${countOf(registered, "inscrit")} sur ${countOf(s.capacity, "place")}`,
          };
        }),
        ...colleges.map((s) => {
          const classes = s.classes.map((c) => c.class);
          const names = classes.map((c) => c.name ?? classLevels.label(c.level as "6e")).join(", ");
          return {
            kind: "college" as const,
            id: s.id,
            title: `Sensibilisation — ${s.request.establishmentName}`,
            startsAt: s.startsAt,
            durationMinutes: s.durationMinutes,
            place: s.place
              ? { name: s.place.name, address: s.place.address, communeName: s.place.commune.name }
              : { name: s.request.establishmentName, address: s.room ?? "", communeName: s.request.commune.name },
            detail: `${names} — ${countOf(totalPupils(classes), "élève")}`,
          };
        }),
      ];
      return items.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    }),
});
