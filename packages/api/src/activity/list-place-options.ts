import type { PlaceOption } from "@medianum/domain";
import type { PrismaClient } from "@medianum/db";

/** Places to pick from in a record form, by commune then name. */
export async function listPlaceOptions(prisma: PrismaClient): Promise<PlaceOption[]> {
  const places = await prisma.place.findMany({
    include: { commune: { select: { name: true } } },
    orderBy: [{ commune: { name: "asc" } }, { name: "asc" }],
  });
  return places.map((p) => ({ id: p.id, name: p.name, type: p.type as PlaceOption["type"], communeName: p.commune.name }));
}
