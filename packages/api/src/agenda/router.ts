import { agendaItem, agendaRange } from "@medianum/domain";
import { z } from "zod";
import { counsellorProcedure, router } from "../trpc.js";
import { listMyAgenda } from "./list-my-agenda.js";

export const agendaRouter = router({
  /** Workshop and collège sessions assigned to me, from today (default: the next 8 weeks). */
  mine: counsellorProcedure
    .input(agendaRange.default({}))
    .output(z.array(agendaItem))
    .query(({ ctx, input }) => listMyAgenda(ctx.db.prisma, ctx.counsellorId, input, ctx.now())),
});
