import {
  activityListItem,
  individualRecordInput,
  placeOption,
  recordDefaults,
  savedRecordView,
} from "@medianum/domain";
import { z } from "zod";
import { listMyRecords } from "./list-my-records.js";
import { listPlaceOptions } from "./list-place-options.js";
import { recordDefaultsFor } from "./record-defaults.js";
import { createRecord } from "./write.js";
import { authedProcedure, counsellorProcedure, router } from "../trpc.js";

export const activityRouter = router({
  /** Places to pick from in a record form. */
  places: authedProcedure.output(z.array(placeOption)).query(({ ctx }) => listPlaceOptions(ctx.db.prisma)),

  /** Sensible defaults so that a record takes seconds: my usual place, my last duration, my recent themes. */
  defaults: counsellorProcedure.output(recordDefaults).query(({ ctx }) => recordDefaultsFor(ctx.db.prisma, ctx.counsellorId)),

  /**
   * Records an individual accompaniment. The id comes from the device: sending the same record
   * twice (a retried sync) returns the stored one and creates nothing.
   */
  createIndividual: counsellorProcedure
    .input(individualRecordInput)
    .output(savedRecordView)
    .mutation(async ({ ctx, input }) => {
      const { id, version, created } = await createRecord(ctx.db.prisma, ctx.counsellorId, "Individuel", input);
      return { id, version, created };
    }),

  mine: counsellorProcedure
    .input(z.object({ limit: z.number().int().min(1).max(500).default(50) }).default({ limit: 50 }))
    .output(z.array(activityListItem))
    .query(({ ctx, input }) => listMyRecords(ctx.db.prisma, ctx.counsellorId, input.limit)),
});
