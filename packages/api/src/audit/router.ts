import { auditEntryView, auditFilters } from "@medianum/domain";
import { z } from "zod";
import { router, staffProcedure } from "../trpc.js";
import { auditFacets, readAuditLog } from "./read-audit-log.js";

export const auditRouter = router({
  /** The audit log, newest first, filtered, one page at a time (keyset on (at, id)). */
  list: staffProcedure
    .input(auditFilters)
    .output(z.object({ entries: z.array(auditEntryView), next: z.object({ at: z.date(), id: z.uuid() }).nullable() }))
    .query(({ ctx, input }) => readAuditLog(ctx.db.prisma, input)),

  /** Distinct actions and actors, for the viewer's filters. */
  facets: staffProcedure
    .output(z.object({ actions: z.array(z.string()), actors: z.array(z.object({ id: z.string(), name: z.string() })) }))
    .query(({ ctx }) => auditFacets(ctx.db.prisma)),
});
