import { activityTypes, dateColumnToDay, mediationThemes } from "@medianum/domain";
import { z } from "zod";
import { router, staffProcedure } from "../trpc.js";

export const staffRecordRow = z.object({
  id: z.uuid(),
  date: z.string(),
  counsellorName: z.string(),
  type: activityTypes.schema,
  title: z.string().nullable(),
  durationMinutes: z.number().int(),
  participantsCount: z.number().int(),
  themes: z.array(mediationThemes.schema),
  placeName: z.string().nullable(),
  createdAt: z.date(),
});

export const activityStaffRouter = router({
  /**
   * Back-office: the latest records as they arrive from the counsellors' devices (newest received
   * first). No notes: they are the counsellor's own.
   */
  recent: staffProcedure
    .input(z.object({ counsellorId: z.uuid().optional(), limit: z.number().int().min(1).max(500).default(100) }).default({ limit: 100 }))
    .output(z.object({ rows: z.array(staffRecordRow), counsellors: z.array(z.object({ id: z.uuid(), name: z.string() })) }))
    .query(async ({ ctx, input }) => {
      const { prisma } = ctx.db;
      const [rows, counsellors] = await Promise.all([
        prisma.activityRecord.findMany({
          where: input.counsellorId ? { counsellorId: input.counsellorId } : {},
          orderBy: [{ createdAt: "desc" }],
          take: input.limit,
          include: { place: { select: { name: true } }, counsellor: { select: { user: { select: { displayName: true } } } } },
        }),
        prisma.counsellor.findMany({ select: { id: true, user: { select: { displayName: true } } } }),
      ]);
      return {
        rows: rows.map((r) => ({
          id: r.id,
          date: dateColumnToDay(r.date),
          counsellorName: r.counsellor.user.displayName,
          type: r.type as z.infer<typeof staffRecordRow>["type"],
          title: r.workshopTitle,
          durationMinutes: r.durationMinutes,
          participantsCount: r.participantsCount,
          themes: r.themes as z.infer<typeof staffRecordRow>["themes"],
          placeName: r.place?.name ?? null,
          createdAt: r.createdAt,
        })),
        counsellors: counsellors.map((c) => ({ id: c.id, name: c.user.displayName })).sort((a, b) => a.name.localeCompare(b.name, "fr")),
      };
    }),
});
