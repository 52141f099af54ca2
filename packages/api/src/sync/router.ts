import { addParisDays, dayToDateColumn, parisToday, syncPushInput, syncPushResult, syncSnapshot } from "@medianum/domain";
import { listPlaceOptions } from "../activity/list-place-options.js";
import { recordDefaultsFor } from "../activity/record-defaults.js";
import { toRecordView } from "../activity/record-view.js";
import { listMyAgenda } from "../agenda/list-my-agenda.js";
import { counsellorSessions } from "../college/queries.js";
import { directoryEntries } from "../directory/list-entries.js";
import { myPass } from "../pass-numerique/my-pass.js";
import { audit } from "../shared/audit.js";
import { counsellorProcedure, router } from "../trpc.js";
import { applyBatch } from "./push.js";
import { SNAPSHOT_RECORD_DAYS, SNAPSHOT_RECORD_MAX } from "./snapshot.js";

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
    const today = parisToday(now);
    const since = dayToDateColumn([`${today.slice(0, 4)}-01-01`, addParisDays(today, -SNAPSHOT_RECORD_DAYS)].sort()[0]!);
    const [agenda, places, defaults, records, directory, pass, collegeSessions] = await Promise.all([
      listMyAgenda(prisma, ctx.counsellorId, {}, now),
      listPlaceOptions(prisma),
      recordDefaultsFor(prisma, ctx.counsellorId),
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
