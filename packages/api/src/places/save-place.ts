import type { PrismaClient } from "@medianum/db";
import type { placeInput, placeUpdateInput } from "@medianum/domain";
import type { z } from "zod";
import { audit, type AuditContext } from "../shared/audit.js";
import { notFound } from "../shared/errors.js";
import { checkPlaceRefs, placeData } from "./place-rows.js";

export async function createPlace(prisma: PrismaClient, ctx: AuditContext, input: z.output<typeof placeInput>): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    await checkPlaceRefs(tx, input);
    const p = await tx.place.create({ data: placeData(input), select: { id: true } });
    await audit(ctx, tx, "places.create", { type: "Place", id: p.id }, { name: input.name });
    return p;
  });
}

export async function updatePlace(prisma: PrismaClient, ctx: AuditContext, input: z.output<typeof placeUpdateInput>): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    if (!(await tx.place.findUnique({ where: { id: input.id }, select: { id: true } }))) throw notFound("Ce lieu");
    await checkPlaceRefs(tx, input);
    await tx.place.update({ where: { id: input.id }, data: placeData(input) });
    await audit(ctx, tx, "places.update", { type: "Place", id: input.id }, { name: input.name });
    return { id: input.id };
  });
}
