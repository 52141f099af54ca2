import { dayToDateColumn, type postInput } from "@medianum/domain";
import type { z } from "zod";
import { audit } from "../shared/audit.js";
import { notFound, UserFacingError } from "../shared/errors.js";
import type { StaffContext } from "../shared/staff-context.js";

/** A counsellor's post: dates, territory (EPCIs), usual place, work phone. */
export async function updatePost(ctx: StaffContext, input: z.output<typeof postInput>): Promise<{ ok: boolean }> {
  return ctx.db.prisma.$transaction(async (tx) => {
    const c = await tx.counsellor.findUnique({ where: { id: input.counsellorId }, select: { id: true } });
    if (!c) throw notFound("Ce conseiller");
    if (input.territoryEpciCodes.length) {
      const known = await tx.epci.count({ where: { code: { in: input.territoryEpciCodes } } });
      if (known !== new Set(input.territoryEpciCodes).size) {
        throw new UserFacingError("BAD_REQUEST", "Une des intercommunalités choisies est inconnue.", { field: "territoryEpciCodes" });
      }
    }
    if (input.usualPlaceId && !(await tx.place.findUnique({ where: { id: input.usualPlaceId }, select: { id: true } }))) {
      throw new UserFacingError("BAD_REQUEST", "Ce lieu n'existe plus.", { field: "usualPlaceId" });
    }
    const data = {
      postStartsOn: input.postStartsOn ? dayToDateColumn(input.postStartsOn) : null,
      postEndsOn: input.postEndsOn ? dayToDateColumn(input.postEndsOn) : null,
      territoryEpciCodes: [...new Set(input.territoryEpciCodes)],
      usualPlaceId: input.usualPlaceId ?? null,
      phone: input.phone,
    };
    await tx.counsellor.update({ where: { id: input.counsellorId }, data });
    await audit(ctx, tx, "team.update_post", { type: "Counsellor", id: input.counsellorId }, { ...data, postStartsOn: input.postStartsOn ?? null, postEndsOn: input.postEndsOn ?? null });
    return { ok: true };
  });
}
