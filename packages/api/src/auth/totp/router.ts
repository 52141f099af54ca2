import { recoveryCodesView, secondFactorInput, sessionUser, totpAdminView, totpCodeInput, totpResetInput, totpSetupView, totpStatusView } from "@medianum/domain";
import { z } from "zod";
import { UserFacingError } from "../../shared/errors.js";
import { adminProcedure, publicProcedure, router } from "../../trpc.js";
import { beginTotpSetup, confirmTotpSetup } from "./setup-totp.js";
import { disableOwnTotp, listAdminsTotp, resetColleagueTotp, totpStatus } from "./manage-totp.js";
import { verifySecondFactor } from "./verify-second-factor.js";

/** Open to a session that gave its password, whether or not it still owes its second factor. */
const passwordGivenProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user && !ctx.pendingUser) throw new UserFacingError("UNAUTHORIZED", "Votre session a expiré : connectez-vous à nouveau.");
  return next();
});

const ok = z.object({ ok: z.literal(true) });

export const totpRouter = router({
  /** Second step of the login of an account with TOTP. */
  verify: passwordGivenProcedure
    .input(secondFactorInput)
    .output(sessionUser)
    .mutation(({ ctx, input }) => verifySecondFactor(ctx, ctx.db.prisma, input.code)),

  status: adminProcedure.output(totpStatusView).query(({ ctx }) => totpStatus(ctx.db.prisma, ctx.user.id)),

  beginSetup: adminProcedure.output(totpSetupView).mutation(({ ctx }) => beginTotpSetup(ctx, ctx.db.prisma)),

  confirmSetup: adminProcedure
    .input(totpCodeInput)
    .output(recoveryCodesView)
    .mutation(({ ctx, input }) => confirmTotpSetup(ctx, ctx.db.prisma, input.code)),

  disable: adminProcedure
    .input(secondFactorInput)
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await disableOwnTotp(ctx, ctx.db.prisma, input.code);
      return { ok: true as const };
    }),

  admins: adminProcedure.output(z.array(totpAdminView)).query(({ ctx }) => listAdminsTotp(ctx.db.prisma)),

  resetFor: adminProcedure
    .input(totpResetInput)
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await resetColleagueTotp(ctx, ctx.db.prisma, input.userId);
      return { ok: true as const };
    }),
});
