import { directoryEntry } from "@medianum/domain";
import { z } from "zod";
import { authedProcedure, router } from "../trpc.js";
import { directoryEntries } from "./list-entries.js";

export const directoryRouter = router({
  entries: authedProcedure.output(z.array(directoryEntry)).query(({ ctx }) => directoryEntries(ctx.db.prisma)),
});
