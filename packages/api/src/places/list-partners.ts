import type { PrismaClient } from "@medianum/db";
import type { PartnerView } from "@medianum/domain";
import { partnerInclude, toPartnerView } from "./place-rows.js";

/** Every partner structure, by name, with how many places it runs. */
export async function listPartners(prisma: PrismaClient): Promise<PartnerView[]> {
  const rows = await prisma.partner.findMany({ include: partnerInclude, orderBy: { name: "asc" } });
  return rows.map(toPartnerView);
}
