import type { PrismaClient } from "@medianum/db";

/** EPCIs and communes having collège requests, for the inbox filters. */
export async function requestTerritories(prisma: PrismaClient) {
  const communes = await prisma.commune.findMany({
    where: { collegeRequests: { some: {} } },
    select: { inseeCode: true, name: true, epci: { select: { code: true, name: true } } },
    orderBy: { name: "asc" },
  });
  const epcis = new Map<string, string>();
  for (const c of communes) if (c.epci) epcis.set(c.epci.code, c.epci.name);
  return {
    epcis: [...epcis].map(([code, name]) => ({ code, name })).sort((a, b) => a.name.localeCompare(b.name, "fr")),
    communes: communes.map((c) => ({ inseeCode: c.inseeCode, name: c.name })),
  };
}

/** Counsellors who can be assigned (active accounts), by name. */
export async function assignableCounsellors(prisma: PrismaClient) {
  const rows = await prisma.counsellor.findMany({
    where: { user: { disabledAt: null } },
    select: { id: true, user: { select: { displayName: true } } },
    orderBy: { user: { displayName: "asc" } },
  });
  return rows.map((c) => ({ id: c.id, displayName: c.user.displayName }));
}
