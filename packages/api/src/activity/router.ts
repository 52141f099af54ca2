import {
  activityListItem,
  individualRecordInput,
  placeOption,
  recordDefaults,
  savedRecordView,
} from "@medianum/domain";
import { z } from "zod";
import { createRecord } from "./write.js";
import { authedProcedure, counsellorProcedure, router } from "../trpc.js";

type ListItem = z.infer<typeof activityListItem>;

export const activityRouter = router({
  /** Places to pick from in a record form. */
  places: authedProcedure.output(z.array(placeOption)).query(async ({ ctx }) => {
    const places = await ctx.db.prisma.place.findMany({
      include: { commune: { select: { name: true } } },
      orderBy: [{ commune: { name: "asc" } }, { name: "asc" }],
    });
    return places.map((p) => ({ id: p.id, name: p.name, type: p.type as z.infer<typeof placeOption>["type"], communeName: p.commune.name }));
  }),

  /** Sensible defaults so that a record takes seconds: my usual place, my last duration, my recent themes. */
  defaults: counsellorProcedure.output(recordDefaults).query(async ({ ctx }) => {
    const { prisma } = ctx.db;
    const [counsellor, recent] = await Promise.all([
      prisma.counsellor.findUniqueOrThrow({ where: { id: ctx.counsellorId }, select: { usualPlaceId: true } }),
      prisma.activityRecord.findMany({
        where: { counsellorId: ctx.counsellorId, type: "Individuel" },
        orderBy: [{ date: "desc" }, { createdAt: "desc" }],
        take: 20,
        select: { durationMinutes: true, themes: true },
      }),
    ]);
    const counts = new Map<string, number>();
    for (const r of recent) for (const t of r.themes) counts.set(t, (counts.get(t) ?? 0) + 1);
    return {
      usualPlaceId: counsellor.usualPlaceId,
      lastDurationMinutes: recent[0]?.durationMinutes ?? null,
      recentThemes: [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([t]) => t) as z.infer<typeof recordDefaults>["recentThemes"],
    };
  }),

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
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db.prisma.activityRecord.findMany({
        where: { counsellorId: ctx.counsellorId },
        include: { place: { select: { name: true } } },
        orderBy: [{ date: "desc" }, { createdAt: "desc" }],
        take: input.limit,
      });
      return rows.map((r) => ({
        id: r.id,
        type: r.type as ListItem["type"],
        date: r.date,
        durationMinutes: r.durationMinutes,
        themes: r.themes as ListItem["themes"],
        placeName: r.place?.name ?? null,
        locationType: r.locationType as ListItem["locationType"],
        participantsCount: r.participantsCount,
      }));
    }),
});
