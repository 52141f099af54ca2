import { partnerInput, partnerUpdateInput, partnerView, placeInput, placeUpdateInput, placeView, uuidSchema } from "@medianum/domain";
import { z } from "zod";
import { router, staffProcedure } from "../trpc.js";
import { deletePartner } from "./delete-partner.js";
import { deletePlace } from "./delete-place.js";
import { exportStandard } from "./export-standard.js";
import { listPartners } from "./list-partners.js";
import { getPlace, listPlaces } from "./list-places.js";
import { createPartner, updatePartner } from "./save-partner.js";
import { createPlace, updatePlace } from "./save-place.js";

export const placesRouter = router({
  list: staffProcedure.output(z.array(placeView)).query(({ ctx }) => listPlaces(ctx.db.prisma)),

  get: staffProcedure
    .input(z.object({ id: uuidSchema }))
    .output(placeView)
    .query(({ ctx, input }) => getPlace(ctx.db.prisma, input.id)),

  create: staffProcedure
    .input(placeInput)
    .output(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => createPlace(ctx.db.prisma, ctx, input)),

  update: staffProcedure
    .input(placeUpdateInput)
    .output(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => updatePlace(ctx.db.prisma, ctx, input)),

  /** A place that activity, sessions or counsellors refer to is kept: history must stay readable. */
  delete: staffProcedure.input(z.object({ id: uuidSchema })).mutation(({ ctx, input }) => deletePlace(ctx.db.prisma, ctx, input.id)),

  partners: staffProcedure.output(z.array(partnerView)).query(({ ctx }) => listPartners(ctx.db.prisma)),

  createPartner: staffProcedure
    .input(partnerInput)
    .output(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => createPartner(ctx.db.prisma, ctx, input)),

  updatePartner: staffProcedure
    .input(partnerUpdateInput)
    .output(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => updatePartner(ctx.db.prisma, ctx, input)),

  deletePartner: staffProcedure.input(z.object({ id: uuidSchema })).mutation(({ ctx, input }) => deletePartner(ctx.db.prisma, ctx, input.id)),

  /** Every place in the national standard, validated by ANCT's library, with a report of refusals. */
  standardExport: staffProcedure
    .output(
      z.object({
        lieux: z.array(z.record(z.string(), z.unknown())),
        rejected: z.array(z.object({ id: z.string(), name: z.string(), reason: z.string() })),
        withoutSiret: z.array(z.object({ id: z.string(), name: z.string() })),
      }),
    )
    .query(({ ctx }) => exportStandard(ctx.db.prisma)),
});
