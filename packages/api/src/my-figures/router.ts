import { computeMyFigures, myFiguresView, TIME_ZONE } from "@medianum/domain";
import { counsellorProcedure, router } from "../trpc.js";

export function parisDay(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export const myFiguresRouter = router({
  /** This month and this year, from every record on the server (the device may hold fewer). */
  get: counsellorProcedure.output(myFiguresView).query(async ({ ctx }) => {
    const now = ctx.now();
    const today = parisDay(now);
    const rows = await ctx.db.prisma.activityRecord.findMany({
      where: { counsellorId: ctx.counsellorId, date: { gte: new Date(`${today.slice(0, 4)}-01-01T00:00:00Z`), lte: new Date(`${today}T00:00:00Z`) } },
      select: { type: true, date: true, durationMinutes: true, participantsCount: true, themes: true },
    });
    const records = rows.map((r) => ({ ...r, type: r.type as "Individuel" | "Collectif", date: r.date.toISOString().slice(0, 10) }));
    return computeMyFigures(records, today, "server", now);
  }),
});
