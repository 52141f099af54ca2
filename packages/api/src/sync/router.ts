import { syncPushInput, syncPushResult, syncSnapshot } from "@medianum/domain";
import { activityRouter } from "../activity/router.js";
import { toRecordView } from "../activity/record-view.js";
import { agendaRouter } from "../agenda/router.js";
import { counsellorSessions } from "../college/queries.js";
import { directoryEntries } from "../directory/router.js";
import { parisDay } from "../my-figures/router.js";
import { myPass } from "../pass-numerique/router.js";
import { audit } from "../shared/audit.js";
import { counsellorProcedure, createCallerFactory, router } from "../trpc.js";
import { applyBatch } from "./push.js";
import { SNAPSHOT_RECORD_DAYS, SNAPSHOT_RECORD_MAX } from "./snapshot.js";

const agendaCaller = createCallerFactory(agendaRouter);
const activityCaller = createCallerFactory(activityRouter);

export const syncRouter = router({
  /**
   * The device's outbox, in order: each item is applied once (replays answer "duplicate"),
   * refused with French messages per field, or reported as a conflict with the server's version.
   */
  push: counsellorProcedure
    .input(syncPushInput)
    .output(syncPushResult)
    .mutation(async ({ ctx, input }) => {
      const results = await applyBatch(ctx.db, ctx.counsellorId, input.operations, ctx.now(), { publicUrl: ctx.config.publicUrl });
      ctx.observer?.syncOperations(results.map((r) => r.status));
      const applied = results.filter((r) => r.status === "applied").length;
      if (applied > 0) await audit(ctx, ctx.db.prisma, "sync.push", undefined, { applied, received: input.operations.length });
      return { results };
    }),

  /** What the device keeps for offline work: agenda, recent records, places, directory, Pass numérique, collège sessions. */
  snapshot: counsellorProcedure.output(syncSnapshot).query(async ({ ctx }) => {
    const { prisma } = ctx.db;
    const now = ctx.now();
    const today = parisDay(now);
    const since = new Date(Math.min(Date.parse(`${today.slice(0, 4)}-01-01T00:00:00Z`), Date.parse(`${today}T00:00:00Z`) - SNAPSHOT_RECORD_DAYS * 86_400_000));
    const [agenda, places, defaults, records, directory, pass, collegeSessions] = await Promise.all([
      agendaCaller(ctx).mine({}),
      activityCaller(ctx).places(),
      activityCaller(ctx).defaults(),
      prisma.activityRecord.findMany({
        where: { counsellorId: ctx.counsellorId, date: { gte: since } },
        include: { place: { select: { name: true } } },
        orderBy: [{ date: "desc" }, { createdAt: "desc" }],
        take: SNAPSHOT_RECORD_MAX,
      }),
      directoryEntries(prisma),
      myPass(prisma, ctx.counsellorId),
      counsellorSessions(prisma, ctx.counsellorId, now),
    ]);
    return { generatedAt: now, agenda, places, defaults, records: records.map(toRecordView), directory, ...pass, collegeSessions };
  }),
});
