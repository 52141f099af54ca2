import type { PrismaClient } from "@medianum/db";
import type { partnerInput, partnerUpdateInput } from "@medianum/domain";
import type { z } from "zod";
import { audit, type AuditContext } from "../shared/audit.js";
import { notFound } from "../shared/errors.js";
import { checkPlaceRefs, partnerData } from "./place-rows.js";

export async function createPartner(prisma: PrismaClient, ctx: AuditContext, input: z.output<typeof partnerInput>): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    if (input.communeInsee) await checkPlaceRefs(tx, { communeInsee: input.communeInsee });
    const p = await tx.partner.create({ data: partnerData(input), select: { id: true } });
    await audit(ctx, tx, "places.partner_create", { type: "Partner", id: p.id }, { name: input.name });
    return p;
  });
}

export async function updatePartner(prisma: PrismaClient, ctx: AuditContext, input: z.output<typeof partnerUpdateInput>): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    if (!(await tx.partner.findUnique({ where: { id: input.id }, select: { id: true } }))) throw notFound("Ce partenaire");
    if (input.communeInsee) await checkPlaceRefs(tx, { communeInsee: input.communeInsee });
    await tx.partner.update({ where: { id: input.id }, data: partnerData(input) });
    await audit(ctx, tx, "places.partner_update", { type: "Partner", id: input.id }, { name: input.name });
    return { id: input.id };
  });
}
