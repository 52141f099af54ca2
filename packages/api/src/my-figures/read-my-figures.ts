import type { PrismaClient } from "@medianum/db";
import { computeMyFigures, dateColumnToDay, dayToDateColumn, parisToday } from "@medianum/domain";

/** A counsellor's figures of this month and this year, from every record on the server (the device may hold fewer). */
export async function readMyFigures(prisma: PrismaClient, counsellorId: string, now: Date) {
  const today = parisToday(now);
  const rows = await prisma.activityRecord.findMany({
    where: { counsellorId, date: { gte: dayToDateColumn(`${today.slice(0, 4)}-01-01`), lte: dayToDateColumn(today) } },
    select: { type: true, date: true, durationMinutes: true, participantsCount: true, themes: true },
  });
  const records = rows.map((r) => ({ ...r, type: r.type as "Individuel" | "Collectif", date: dateColumnToDay(r.date) }));
  return computeMyFigures(records, today, "server", now);
}
