import type { PrismaClient } from "@medianum/db";
import type { StaffSessionView } from "@medianum/domain";
import { countsBySession, staffSessionInclude, toStaffSessionView } from "../workshop/views.js";

const DAY = 86_400_000;

/** Workshop sessions I run, from two weeks ago (late check-in) to eight weeks ahead. */
export async function mySessions(prisma: PrismaClient, counsellorId: string, now: Date): Promise<StaffSessionView[]> {
  const sessions = await prisma.workshopSession.findMany({
    where: {
      counsellors: { some: { counsellorId } },
      startsAt: { gte: new Date(now.getTime() - 14 * DAY), lte: new Date(now.getTime() + 56 * DAY) },
    },
    include: staffSessionInclude,
    orderBy: { startsAt: "asc" },
  });
  const counts = await countsBySession(prisma, sessions.map((s) => s.id));
  return sessions.map((s) => toStaffSessionView(s, counts.get(s.id)!));
}
