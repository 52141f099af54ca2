import type { PrismaClient } from "@medianum/db";
import type { CatalogueFilterOptions } from "@medianum/domain";
import { bookableWhere } from "./queries.js";

/** Communes and EPCIs where public sessions are coming up (the catalogue's filter lists), by name. */
export async function listFilterOptions(prisma: PrismaClient, now: Date): Promise<CatalogueFilterOptions> {
  const places = await prisma.place.findMany({
    where: { workshopSessions: { some: bookableWhere(now) } },
    select: { commune: { select: { inseeCode: true, name: true, epciCode: true, epci: { select: { code: true, name: true } } } } },
  });
  const communes = new Map<string, { inseeCode: string; name: string; epciCode: string | null }>();
  const epcis = new Map<string, { code: string; name: string }>();
  for (const { commune } of places) {
    communes.set(commune.inseeCode, { inseeCode: commune.inseeCode, name: commune.name, epciCode: commune.epciCode });
    if (commune.epci) epcis.set(commune.epci.code, commune.epci);
  }
  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, "fr");
  return { communes: [...communes.values()].sort(byName), epcis: [...epcis.values()].sort(byName) };
}
