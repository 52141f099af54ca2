import { openingHoursSchema, partnerKindLabel, placeKindLabel, placeServices, type DirectoryEntry } from "@medianum/domain";
import type { PrismaClient } from "@medianum/db";

const hours = (json: unknown) => {
  const parsed = openingHoursSchema.safeParse(json);
  return parsed.success ? parsed.data : [];
};
const services = (list: string[]) => list.filter((s) => placeServices.has(s)) as DirectoryEntry["services"];

/** Places and partners of the network, for orienting a person ("who does what where"). */
export async function directoryEntries(prisma: PrismaClient): Promise<DirectoryEntry[]> {
  const [places, partners] = await Promise.all([
    prisma.place.findMany({ where: { type: { not: "college" } }, include: { commune: { select: { name: true } }, partner: { select: { description: true } } } }),
    prisma.partner.findMany({ include: { commune: { select: { name: true, postalCodes: true } } } }),
  ]);
  return [
    ...places.map((p) => ({
      id: p.id,
      source: "place" as const,
      name: p.name,
      kindLabel: placeKindLabel(p.type),
      services: services(p.services),
      description: p.partner?.description ?? null,
      address: p.address,
      postalCode: p.postalCode,
      communeInsee: p.communeInsee,
      communeName: p.commune.name,
      phone: p.phone,
      email: p.email,
      website: p.website,
      openingHours: hours(p.openingHours),
      accessInfo: p.accessInfo,
      latitude: p.latitude,
      longitude: p.longitude,
    })),
    ...partners.map((p) => ({
      id: p.id,
      source: "partner" as const,
      name: p.name,
      kindLabel: partnerKindLabel(p.kind),
      services: services(p.services),
      description: p.description,
      address: p.address,
      postalCode: p.commune?.postalCodes[0] ?? null,
      communeInsee: p.communeInsee,
      communeName: p.commune?.name ?? null,
      phone: p.phone,
      email: p.email,
      website: p.website,
      openingHours: hours(p.openingHours),
      accessInfo: null,
      latitude: null,
      longitude: null,
    })),
  ];
}
