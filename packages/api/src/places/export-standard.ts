import type { PrismaClient } from "@medianum/db";
import { placeInclude } from "./place-rows.js";
import { toStandard } from "./standard.js";

/** Every place in the national standard, validated by ANCT's library, with a report of refusals. */
export async function exportStandard(prisma: PrismaClient) {
  const rows = await prisma.place.findMany({ include: placeInclude, orderBy: { name: "asc" } });
  const dept = await prisma.departement.findFirst({ select: { name: true } });
  const source = `Médianum — ${dept?.name ?? "Département"}`;
  return toStandard(
    rows.map((p) => ({ ...p, communeName: p.commune.name, partnerName: p.partner?.name ?? null })),
    source,
  );
}
