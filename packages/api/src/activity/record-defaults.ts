import type { RecordDefaults } from "@medianum/domain";
import type { PrismaClient } from "@medianum/db";

/** Sensible defaults so that a record takes seconds: the usual place, the last duration, the recent themes (most used first). */
export async function recordDefaultsFor(prisma: PrismaClient, counsellorId: string): Promise<RecordDefaults> {
  const [counsellor, recent] = await Promise.all([
    prisma.counsellor.findUniqueOrThrow({ where: { id: counsellorId }, select: { usualPlaceId: true } }),
    prisma.activityRecord.findMany({
      where: { counsellorId, type: "Individuel" },
      orderBy: [{ date: "desc" }, { createdAt: "desc" }],
      take: 20,
      select: { durationMinutes: true, themes: true },
    }),
  ]);
  const counts = new Map<string, number>();
  for (const r of recent) for (const t of r.themes) counts.set(t, (counts.get(t) ?? 0) + 1);
  return {
    usualPlaceId: counsellor.usualPlaceId,
    lastDurationMinutes: recent[0]?.durationMinutes ?? null,
    recentThemes: [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([t]) => t) as RecordDefaults["recentThemes"],
  };
}
