import { myFiguresView } from "@medianum/domain";
import { counsellorProcedure, router } from "../trpc.js";
import { readMyFigures } from "./read-my-figures.js";

export const myFiguresRouter = router({
  /** This month and this year, from every record on the server (the device may hold fewer). */
  get: counsellorProcedure.output(myFiguresView).query(({ ctx }) => readMyFigures(ctx.db.prisma, ctx.counsellorId, ctx.now())),
});
