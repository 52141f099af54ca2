import { loginInput, sessionUser } from "@medianum/domain";
import { z } from "zod";
import { authedProcedure, publicProcedure, router } from "../trpc.js";
import { logIn, logOut, logOutEverywhere } from "./login.js";

export const authRouter = router({
  login: publicProcedure.input(loginInput).output(sessionUser).mutation(({ ctx, input }) => logIn(ctx, input)),

  logout: publicProcedure.output(z.object({ ok: z.literal(true) })).mutation(({ ctx }) => logOut(ctx)),

  // A session owing its TOTP code answers its user marked secondFactorPending: the app shows the code step.
  me: publicProcedure.output(sessionUser.nullable()).query(({ ctx }) => ctx.user ?? ctx.pendingUser ?? null),

  /** Ends every session of the current user (e.g. a lost phone). */
  logoutEverywhere: authedProcedure.output(z.object({ ended: z.number() })).mutation(({ ctx }) => logOutEverywhere(ctx)),
});
