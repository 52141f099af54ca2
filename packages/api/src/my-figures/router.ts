import { computeMyFigures, dateColumnToDay, dayToDateColumn, myFiguresView, parisToday } from "@medianum/domain";
import { counsellorProcedure, router } from "../trpc.js";

export const myFiguresRouter = router({
  /** This month and this year, from every record on the server (the device may hold fewer). */
  get: counsellorProcedure.output(myFiguresView).query(async ({ ctx }) => {
    const now = ctx.now();
    const today = parisToday(now);
    const rows = await ctx.db.prisma.activityRecord.findMany({
      where: { counsellorId: ctx.counsellorId, date: { gte: dayToDateColumn(`${today.slice(0, 4)}-01-01`), lte: dayToDateColumn(today) } },
      select: { type: true, date: true, durationMinutes: true, participantsCount: true, themes: true },
    });
    const records = rows.map((r) => ({ ...r, type: r.type as "Individuel" | "Collectif", date: dateColumnToDay(r.date) }));
    return computeMyFigures(records, today, "server", now);
  }),
});
