import type { PrismaClient } from "@medianum/db";
import { countOf, pluralWord } from "@medianum/domain";
import { audit, type AuditContext } from "../shared/audit.js";
import { notFound, UserFacingError } from "../shared/errors.js";

/** A partner that still runs places is kept: its places must be moved to another structure first. */
export async function deletePartner(prisma: PrismaClient, ctx: AuditContext, id: string): Promise<{ ok: true }> {
  return prisma.$transaction(async (tx) => {
    const p = await tx.partner.findUnique({ where: { id }, select: { name: true, _count: { select: { places: true } } } });
    if (!p) throw notFound("Ce partenaire");
    if (p._count.places > 0) {
      const n = p._count.places;
      throw new UserFacingError("CONFLICT", `« ${p.name} » gère encore ${countOf(n, "lieu", "lieux")} : ${pluralWord(n, "rattachez-le", "rattachez-les")} à une autre structure d'abord.`);
    }
    await tx.partner.delete({ where: { id } });
    await audit(ctx, tx, "places.partner_delete", { type: "Partner", id }, { name: p.name });
    return { ok: true as const };
  });
}
