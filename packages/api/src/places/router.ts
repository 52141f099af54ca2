import type { Prisma } from "@medianum/db";
import {
  openingHoursSchema,
  partnerInput,
  partnerUpdateInput,
  partnerView,
  placeInput,
  placeUpdateInput,
  placeView,
  uuidSchema,
  type PartnerView,
  type PlaceView,
} from "@medianum/domain";
import { z } from "zod";
import { audit } from "../shared/audit.js";
import { notFound, UserFacingError } from "../shared/errors.js";
import { router, staffProcedure } from "../trpc.js";
import { toStandard } from "./standard.js";

const placeInclude = { commune: { select: { name: true } }, partner: { select: { name: true } }, _count: { select: { activities: true } } } as const;
type PlaceRow = Prisma.PlaceGetPayload<{ include: typeof placeInclude }>;

function toPlaceView(p: PlaceRow): PlaceView {
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

async function checkPlaceRefs(prisma: Prisma.TransactionClient, input: { communeInsee: string; partnerId?: string | null | undefined }) {
  if (!(await prisma.commune.findUnique({ where: { inseeCode: input.communeInsee }, select: { inseeCode: true } }))) {
    throw new UserFacingError("BAD_REQUEST", "Cette commune est inconnue.", { field: "communeInsee" });
  }
  if (input.partnerId && !(await prisma.partner.findUnique({ where: { id: input.partnerId }, select: { id: true } }))) {
    throw new UserFacingError("BAD_REQUEST", "Ce partenaire n'existe plus.", { field: "partnerId" });
  }
}

function placeData(input: z.output<typeof placeInput>) {
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

function partnerData(input: z.output<typeof partnerInput>) {
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

const partnerInclude = { commune: { select: { name: true } }, _count: { select: { places: true } } } as const;
function toPartnerView(p: Prisma.PartnerGetPayload<{ include: typeof partnerInclude }>): PartnerView {
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

export const placesRouter = router({
  list: staffProcedure.output(z.array(placeView)).query(async ({ ctx }) => {
    const rows = await ctx.db.prisma.place.findMany({ include: placeInclude, orderBy: [{ commune: { name: "asc" } }, { name: "asc" }] });
    return rows.map(toPlaceView);
  }),

  get: staffProcedure.input(z.object({ id: uuidSchema })).output(placeView).query(async ({ ctx, input }) => {
    const p = await ctx.db.prisma.place.findUnique({ where: { id: input.id }, include: placeInclude });
    if (!p) throw notFound("Ce lieu");
    return toPlaceView(p);
  }),

  create: staffProcedure.input(placeInput).output(z.object({ id: z.uuid() })).mutation(async ({ ctx, input }) => {
    return ctx.db.prisma.$transaction(async (tx) => {
      await checkPlaceRefs(tx, input);
      const p = await tx.place.create({ data: placeData(input), select: { id: true } });
      await audit(ctx, tx, "places.create", { type: "Place", id: p.id }, { name: input.name });
      return p;
    });
  }),

  update: staffProcedure.input(placeUpdateInput).output(z.object({ id: z.uuid() })).mutation(async ({ ctx, input }) => {
    return ctx.db.prisma.$transaction(async (tx) => {
      if (!(await tx.place.findUnique({ where: { id: input.id }, select: { id: true } }))) throw notFound("Ce lieu");
      await checkPlaceRefs(tx, input);
      await tx.place.update({ where: { id: input.id }, data: placeData(input) });
      await audit(ctx, tx, "places.update", { type: "Place", id: input.id }, { name: input.name });
      return { id: input.id };
    });
  }),

  /** A place that activity, sessions or counsellors refer to is kept: history must stay readable. */
  delete: staffProcedure.input(z.object({ id: uuidSchema })).mutation(async ({ ctx, input }) => {
    return ctx.db.prisma.$transaction(async (tx) => {
      const p = await tx.place.findUnique({
        where: { id: input.id },
        select: { name: true, _count: { select: { activities: true, workshopSessions: true, collegeSessions: true, usualCounsellors: true } } },
      });
      if (!p) throw notFound("Ce lieu");
      const used = p._count.activities + p._count.workshopSessions + p._count.collegeSessions + p._count.usualCounsellors;
      if (used > 0) {
        throw new UserFacingError(
          "CONFLICT",
          `« ${p.name} » ne peut pas être supprimé : des activités, des séances ou des conseillers y sont rattachés (${used}). Modifiez-le plutôt.`,
        );
      }
      await tx.place.delete({ where: { id: input.id } });
      await audit(ctx, tx, "places.delete", { type: "Place", id: input.id }, { name: p.name });
      return { ok: true };
    });
  }),

  partners: staffProcedure.output(z.array(partnerView)).query(async ({ ctx }) => {
    const rows = await ctx.db.prisma.partner.findMany({ include: partnerInclude, orderBy: { name: "asc" } });
    return rows.map(toPartnerView);
  }),

  createPartner: staffProcedure.input(partnerInput).output(z.object({ id: z.uuid() })).mutation(async ({ ctx, input }) => {
    return ctx.db.prisma.$transaction(async (tx) => {
      if (input.communeInsee) await checkPlaceRefs(tx, { communeInsee: input.communeInsee });
      const p = await tx.partner.create({ data: partnerData(input), select: { id: true } });
      await audit(ctx, tx, "places.partner_create", { type: "Partner", id: p.id }, { name: input.name });
      return p;
    });
  }),

  updatePartner: staffProcedure.input(partnerUpdateInput).output(z.object({ id: z.uuid() })).mutation(async ({ ctx, input }) => {
    return ctx.db.prisma.$transaction(async (tx) => {
      if (!(await tx.partner.findUnique({ where: { id: input.id }, select: { id: true } }))) throw notFound("Ce partenaire");
      if (input.communeInsee) await checkPlaceRefs(tx, { communeInsee: input.communeInsee });
      await tx.partner.update({ where: { id: input.id }, data: partnerData(input) });
      await audit(ctx, tx, "places.partner_update", { type: "Partner", id: input.id }, { name: input.name });
      return { id: input.id };
    });
  }),

  deletePartner: staffProcedure.input(z.object({ id: uuidSchema })).mutation(async ({ ctx, input }) => {
    return ctx.db.prisma.$transaction(async (tx) => {
      const p = await tx.partner.findUnique({ where: { id: input.id }, select: { name: true, _count: { select: { places: true } } } });
      if (!p) throw notFound("Ce partenaire");
      if (p._count.places > 0) {
        throw new UserFacingError("CONFLICT", `« ${p.name} » gère encore ${p._count.places} lieu(x) : rattachez-les à une autre structure d'abord.`);
      }
      await tx.partner.delete({ where: { id: input.id } });
      await audit(ctx, tx, "places.partner_delete", { type: "Partner", id: input.id }, { name: p.name });
      return { ok: true };
    });
  }),

  /** Every place in the national standard, validated by ANCT's library, with a report of refusals. */
  standardExport: staffProcedure
    .output(
      z.object({
        lieux: z.array(z.record(z.string(), z.unknown())),
        rejected: z.array(z.object({ id: z.string(), name: z.string(), reason: z.string() })),
        withoutSiret: z.array(z.object({ id: z.string(), name: z.string() })),
      }),
    )
    .query(async ({ ctx }) => {
      const rows = await ctx.db.prisma.place.findMany({ include: placeInclude, orderBy: { name: "asc" } });
      const dept = await ctx.db.prisma.departement.findFirst({ select: { name: true } });
      const source = `Médianum — ${dept?.name ?? "Département"}`;
      return toStandard(
        rows.map((p) => ({ ...p, communeName: p.commune.name, partnerName: p.partner?.name ?? null })),
        source,
      );
    }),
});
