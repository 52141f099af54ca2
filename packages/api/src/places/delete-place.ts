import type { PrismaClient } from "@medianum/db";
import { audit, type AuditContext } from "../shared/audit.js";
import { notFound, UserFacingError } from "../shared/errors.js";

/** A place that activity, sessions or counsellors refer to is kept: history must stay readable. */
export async function deletePlace(prisma: PrismaClient, ctx: AuditContext, id: string): Promise<{ ok: true }> {
  return prisma.$transaction(async (tx) => {
    const p = await tx.place.findUnique({
      where: { id },
      select: { name: true, _count: { select: { activities: true, workshopSessions: true, collegeSessions: true, usualCounsellors: true } } },
    });
    if (!p) throw notFound("Ce lieu");
    const used = p._count.activities + p._count.workshopSessions + p._count.collegeSessions + p._count.usualCounsellors;
    if (used > 0) {
      throw new UserFacingError(
        "CONFLICT",
        `« ${p.name} » ne peut pas être supprimé : des activités, des séances ou des conseillers y sont rattachés (${used}). Modifiez-le plutôt.`,
      );
    }
    await tx.place.delete({ where: { id } });
    await audit(ctx, tx, "places.delete", { type: "Place", id }, { name: p.name });
    return { ok: true as const };
  });
}
