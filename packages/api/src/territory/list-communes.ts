import type { PrismaClient } from "@medianum/db";

/** Every commune of the département, by name: the portal's "Où ?" list and the collège request form. */
export async function listCommunes(prisma: PrismaClient) {
  const rows = await prisma.commune.findMany({ select: { inseeCode: true, name: true, postalCodes: true }, orderBy: { name: "asc" } });
  return rows.map((c) => ({ inseeCode: c.inseeCode, name: c.name, postalCode: c.postalCodes[0] ?? null }));
}
