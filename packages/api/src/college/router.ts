import { collegeRequestDetail, collegeRequestListItem, collegeRequestStatuses, totalPupils, uuidSchema } from "@medianum/domain";
import { z } from "zod";
import { notFound } from "../shared/errors.js";
import { router, staffProcedure } from "../trpc.js";

type Detail = z.infer<typeof collegeRequestDetail>;

export const collegeRouter = router({
  /** Triage inbox: oldest first within each status, so nothing waits forgotten. */
  requests: staffProcedure
    .input(z.object({ status: collegeRequestStatuses.schema.optional() }).default({}))
    .output(z.array(collegeRequestListItem))
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db.prisma.collegeRequest.findMany({
        where: input.status ? { status: input.status } : {},
        include: { commune: { select: { name: true } }, classes: { select: { pupils: true } } },
        orderBy: { createdAt: "asc" },
        take: 500,
      });
      return rows.map((r) => ({
        id: r.id,
        uai: r.uai,
        establishmentName: r.establishmentName,
        communeName: r.commune.name,
        requesterName: r.requesterName,
        status: r.status as Detail["status"],
        topics: r.topics as Detail["topics"],
        classesCount: r.classes.length,
        pupils: totalPupils(r.classes),
        createdAt: r.createdAt,
      }));
    }),

  request: staffProcedure
    .input(z.object({ id: uuidSchema }))
    .output(collegeRequestDetail)
    .query(async ({ ctx, input }) => {
      const r = await ctx.db.prisma.collegeRequest.findUnique({
        where: { id: input.id },
        include: {
          commune: { select: { name: true } },
          classes: { orderBy: [{ level: "asc" }, { name: "asc" }] },
          events: { orderBy: { createdAt: "asc" } },
        },
      });
      if (!r) throw notFound("Cette demande");
      return {
        id: r.id,
        uai: r.uai,
        establishmentName: r.establishmentName,
        communeName: r.commune.name,
        requesterName: r.requesterName,
        requesterRole: r.requesterRole as Detail["requesterRole"],
        email: r.email,
        phone: r.phone,
        status: r.status as Detail["status"],
        declineReason: r.declineReason,
        topics: r.topics as Detail["topics"],
        otherTopic: r.otherTopic,
        periods: r.periods as Detail["periods"],
        constraints: r.constraints,
        createdAt: r.createdAt,
        classes: r.classes.map((c) => ({ id: c.id, level: c.level as Detail["classes"][number]["level"], name: c.name, pupils: c.pupils })),
        events: r.events.map((e) => ({
          fromStatus: e.fromStatus as Detail["events"][number]["fromStatus"],
          toStatus: e.toStatus as Detail["events"][number]["toStatus"],
          actorType: e.actorType as Detail["events"][number]["actorType"],
          reason: e.reason,
          createdAt: e.createdAt,
        })),
      };
    }),
});
