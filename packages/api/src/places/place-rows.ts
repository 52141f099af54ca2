import type { Prisma } from "@medianum/db";
import { openingHoursSchema, type partnerInput, type PartnerView, type placeInput, type PlaceView } from "@medianum/domain";
import type { z } from "zod";
import { UserFacingError } from "../shared/errors.js";

/** A place as the back-office reads it: its commune's and partner's names, and how much activity refers to it. */
export const placeInclude = { commune: { select: { name: true } }, partner: { select: { name: true } }, _count: { select: { activities: true } } } as const;
export type PlaceRow = Prisma.PlaceGetPayload<{ include: typeof placeInclude }>;

export function toPlaceView(p: PlaceRow): PlaceView {
  const hours = openingHoursSchema.safeParse(p.openingHours);
  return {
    id: p.id,
    name: p.name,
    type: p.type as PlaceView["type"],
    address: p.address,
    postalCode: p.postalCode,
    communeInsee: p.communeInsee,
    communeName: p.commune.name,
    phone: p.phone,
    email: p.email,
    website: p.website,
    openingHours: hours.success ? hours.data : [],
    services: p.services as PlaceView["services"],
    accessInfo: p.accessInfo,
    latitude: p.latitude,
    longitude: p.longitude,
    partnerId: p.partnerId,
    partnerName: p.partner?.name ?? null,
    siret: p.siret,
    activities: p._count.activities,
  };
}

export const partnerInclude = { commune: { select: { name: true } }, _count: { select: { places: true } } } as const;

export function toPartnerView(p: Prisma.PartnerGetPayload<{ include: typeof partnerInclude }>): PartnerView {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind as PartnerView["kind"],
    description: p.description,
    services: p.services as PartnerView["services"],
    address: p.address,
    communeInsee: p.communeInsee,
    communeName: p.commune?.name ?? null,
    phone: p.phone,
    email: p.email,
    website: p.website,
    places: p._count.places,
  };
}

/** The commune and partner a place or partner names must exist: a French message on the field otherwise. */
export async function checkPlaceRefs(prisma: Prisma.TransactionClient, input: { communeInsee: string; partnerId?: string | null | undefined }) {
  if (!(await prisma.commune.findUnique({ where: { inseeCode: input.communeInsee }, select: { inseeCode: true } }))) {
    throw new UserFacingError("BAD_REQUEST", "Cette commune est inconnue.", { field: "communeInsee" });
  }
  if (input.partnerId && !(await prisma.partner.findUnique({ where: { id: input.partnerId }, select: { id: true } }))) {
    throw new UserFacingError("BAD_REQUEST", "Ce partenaire n'existe plus.", { field: "partnerId" });
  }
}

export function placeData(input: z.output<typeof placeInput>) {
  return {
    name: input.name,
    type: input.type,
    address: input.address,
    postalCode: input.postalCode,
    communeInsee: input.communeInsee,
    phone: input.phone,
    email: input.email,
    website: input.website,
    openingHours: input.openingHours,
    services: input.services,
    accessInfo: input.accessInfo ?? null,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    partnerId: input.partnerId ?? null,
    siret: input.siret,
  };
}

export function partnerData(input: z.output<typeof partnerInput>) {
  return {
    name: input.name,
    kind: input.kind,
    description: input.description ?? null,
    services: input.services,
    address: input.address ?? null,
    communeInsee: input.communeInsee ?? null,
    phone: input.phone,
    email: input.email,
    website: input.website,
  };
}
