import {
  changeRoleInput,
  checkLinkInput,
  inviteInput,
  inviteResult,
  postInput,
  resetPasswordResult,
  roles,
  setPasswordInput,
  teamMemberView,
  userIdInput,
  userTokenKinds,
} from "@medianum/domain";
import { z } from "zod";
import { RATE_LIMITS } from "../shared/rate-limit.js";
import { adminProcedure, publicProcedure, rateLimited, router, staffProcedure } from "../trpc.js";
import { changeRole, disableAccount, enableAccount } from "./account-access.js";
import { inviteMember, resetPassword } from "./invite-member.js";
import { listTeam } from "./list-team.js";
import { checkPasswordLink, setPasswordFromLink } from "./set-password.js";
import { updatePost } from "./update-post.js";

export const teamRouter = router({
  list: staffProcedure.output(z.array(teamMemberView)).query(({ ctx }) => listTeam(ctx.db.prisma)),

  /**
   * Creates the account without a usable password and e-mails a link to choose one; without SMTP,
   * the link is in this answer only, for the administrator to hand over (see issueUserLink).
   */
  invite: adminProcedure.input(inviteInput).output(inviteResult).mutation(({ ctx, input }) => inviteMember(ctx, input)),

  /** A new link to choose a password: e-mailed, or without SMTP in this answer only, to hand over. */
  resetPassword: adminProcedure.input(userIdInput).output(resetPasswordResult).mutation(({ ctx, input }) => resetPassword(ctx, input.userId)),

  /** Disabling ends every open session at once: the person is logged out everywhere. */
  disable: adminProcedure.input(userIdInput).mutation(({ ctx, input }) => disableAccount(ctx, input.userId)),

  enable: adminProcedure.input(userIdInput).mutation(({ ctx, input }) => enableAccount(ctx, input.userId)),

  changeRole: adminProcedure.input(changeRoleInput).mutation(({ ctx, input }) => changeRole(ctx, input)),

  /** A counsellor's post: dates, territory (EPCIs), usual place, work phone. */
  updatePost: staffProcedure.input(postInput).mutation(({ ctx, input }) => updatePost(ctx, input)),

  /** What the set-password page shows before the form: whose account, invitation or reset. */
  checkLink: publicProcedure
    .use(rateLimited("team.link", RATE_LIMITS.publicMutationPerIp))
    .input(checkLinkInput)
    .output(z.object({ displayName: z.string(), email: z.string(), kind: userTokenKinds.schema }))
    .query(({ ctx, input }) => checkPasswordLink(ctx, input.token)),

  /** Sets the password from a link; the link is spent and any open session of the account ends. */
  setPassword: publicProcedure
    .use(rateLimited("team.set_password", RATE_LIMITS.publicMutationPerIp))
    .input(setPasswordInput)
    .output(z.object({ role: roles.schema }))
    .mutation(({ ctx, input }) => setPasswordFromLink(ctx, input.token, input.password)),
});
