import type { PrismaClient } from "@medianum/db";
import type { activityListItem } from "@medianum/domain";
import type { z } from "zod";

type ListItem = z.infer<typeof activityListItem>;

/** A counsellor's latest records, newest first. */
export async function listMyRecords(prisma: PrismaClient, counsellorId: string, limit: number): Promise<ListItem[]> {
  const rows = await prisma.activityRecord.findMany({
    where: { counsellorId },
    include: { place: { select: { name: true } } },
    orderBy: [{ date: "desc" }, { createdAt: "desc" }],
    take: limit,
  });
  return rows.map((r) => ({
    id: r.id,
    type: r.type as ListItem["type"],
    date: r.date,
    durationMinutes: r.durationMinutes,
    themes: r.themes as ListItem["themes"],
    placeName: r.place?.name ?? null,
    locationType: r.locationType as ListItem["locationType"],
    participantsCount: r.participantsCount,
  }));
}
