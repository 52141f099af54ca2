import { Prisma, type PrismaClient } from "@medianum/db";
import { cancelCollegeSession } from "../college/schedule.js";
import type { ApiConfig } from "../shared/config.js";
import { notFound, UserFacingError } from "../shared/errors.js";

/**
 * The coordination withdraws a slot: it leaves the portal, and each booking on it is called off
 * as a cancelled session is (notice to the collège, calendars updated, the request back to
 * "En cours d'étude" so that the team offers another date).
 */
export async function withdrawSlot(
  prisma: PrismaClient,
  staffUserId: string,
  slotId: string,
  reason: string | undefined,
  config: Pick<ApiConfig, "publicUrl" | "mailFrom">,
  now: Date,
): Promise<{ cancelledSessions: number }> {
  const sessionIds = await prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ status: string }[]>(Prisma.sql`SELECT status FROM "CollegeSlot" WHERE id = ${slotId}::uuid FOR UPDATE`);
    if (locked.length === 0) throw notFound("Ce créneau");
    if (locked[0]!.status !== "open") throw new UserFacingError("CONFLICT", "Ce créneau est déjà retiré.");
    await tx.collegeSlot.update({ where: { id: slotId }, data: { status: "withdrawn", updatedAt: now } });
    const sessions = await tx.collegeSession.findMany({ where: { slotId, status: "scheduled" }, select: { id: true } });
    return sessions.map((s) => s.id);
  });
  // Once withdrawn, nobody can book it again: each booking is then cancelled on its own.
  for (const id of sessionIds) {
    await cancelCollegeSession(prisma, staffUserId, id, reason?.trim() || "Le créneau réservé a été retiré par l'équipe de coordination.", config, now);
  }
  return { cancelledSessions: sessionIds.length };
}
