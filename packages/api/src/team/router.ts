import {
  changeRoleInput,
  checkLinkInput,
  dateColumnToDay,
  dayToDateColumn,
  inviteInput,
  inviteResult,
  resetPasswordResult,
  postInput,
  roles,
  setPasswordInput,
  teamMemberView,
  userIdInput,
  userTokenKinds,
  type TeamMemberView,
} from "@medianum/domain";
import { z } from "zod";
import { hashPassword } from "../auth/password.js";
import { audit } from "../shared/audit.js";
import { notFound, UserFacingError } from "../shared/errors.js";
import { RATE_LIMITS } from "../shared/rate-limit.js";
import { hashToken, newToken } from "../shared/tokens.js";
import { adminProcedure, publicProcedure, rateLimited, router, staffProcedure } from "../trpc.js";
import { issueUserLink } from "./links.js";

const day = (d: Date | null) => (d ? dateColumnToDay(d) : null);
const INVALID_LINK = "Ce lien n'est plus valable : il a déjà servi, a expiré ou a été remplacé par un plus récent. Demandez un nouveau lien à votre coordinateur ou coordinatrice.";

/** The only admin left cannot lose the role or be disabled: someone must keep the keys. */
async function assertNotLastAdmin(prisma: Parameters<typeof issueUserLink>[0], userId: string) {
  const target = await prisma.user.findUnique({ where: { id: userId }, select: { role: true, disabledAt: true } });
  if (target?.role !== "admin" || target.disabledAt) return;
  const admins = await prisma.user.count({ where: { role: "admin", disabledAt: null } });
  if (admins <= 1) throw new UserFacingError("CONFLICT", "C'est le dernier compte administrateur actif : nommez d'abord un autre administrateur.");
}

export const teamRouter = router({
  list: staffProcedure.output(z.array(teamMemberView)).query(async ({ ctx }) => {
    const users = await ctx.db.prisma.user.findMany({
      include: { counsellor: true, tokens: { where: { kind: "invite" }, select: { id: true } } },
      orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { displayName: "asc" }],
    });
    return users.map(
      (u): TeamMemberView => ({
        id: u.id,
        email: u.email,
        displayName: u.displayName,
        role: roles.schema.parse(u.role),
        disabled: !!u.disabledAt,
        // Invited and never logged in yet (whether or not the password was chosen).
        pendingInvite: u.lastLoginAt === null && u.tokens.length > 0,
        lastLoginAt: u.lastLoginAt,
        counsellor: u.counsellor
          ? {
              id: u.counsellor.id,
              phone: u.counsellor.phone,
              postStartsOn: day(u.counsellor.postStartsOn),
              postEndsOn: day(u.counsellor.postEndsOn),
              territoryEpciCodes: u.counsellor.territoryEpciCodes,
              usualPlaceId: u.counsellor.usualPlaceId,
            }
          : null,
      }),
    );
  }),

  /**
   * Creates the account without a usable password and e-mails a link to choose one; without SMTP,
   * the link is in this answer only, for the administrator to hand over (see issueUserLink).
   */
  invite: adminProcedure.input(inviteInput).output(inviteResult).mutation(async ({ ctx, input }) => {
    const { prisma } = ctx.db;
    if (await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new UserFacingError("CONFLICT", "Un compte existe déjà avec cette adresse e-mail.", { field: "email" });
    }
    // Nobody knows this password: the account only opens through the link.
    const unusable = await hashPassword(newToken());
    const now = ctx.now();
    return prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, displayName: input.displayName, role: input.role, passwordHash: unusable, createdAt: now },
      });
      if (input.role === "counsellor") await tx.counsellor.create({ data: { userId: user.id, createdAt: now } });
      const handover = await issueUserLink(tx, {
        user,
        kind: "invite",
        publicUrl: ctx.config.publicUrl,
        now,
        byEmail: ctx.config.smtpConfigured,
        invitedBy: ctx.user.displayName,
      });
      await audit(ctx, tx, "team.invite", { type: "User", id: user.id }, { email: input.email, role: input.role, delivery: handover ? "handover" : "email" });
      return { id: user.id, handover };
    });
  }),

  /** A new link to choose a password: e-mailed, or without SMTP in this answer only, to hand over. */
  resetPassword: adminProcedure.input(userIdInput).output(resetPasswordResult).mutation(async ({ ctx, input }) => {
    const { prisma } = ctx.db;
    return prisma.$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { id: input.userId } });
      if (!user) throw notFound("Ce compte");
      if (user.disabledAt) throw new UserFacingError("CONFLICT", "Ce compte est désactivé : réactivez-le d'abord.");
      const handover = await issueUserLink(tx, { user, kind: "password_reset", publicUrl: ctx.config.publicUrl, now: ctx.now(), byEmail: ctx.config.smtpConfigured });
      await audit(ctx, tx, "team.password_reset", { type: "User", id: user.id }, { delivery: handover ? "handover" : "email" });
      return { ok: true as const, handover };
    });
  }),

  /** Disabling ends every open session at once: the person is logged out everywhere. */
  disable: adminProcedure.input(userIdInput).mutation(async ({ ctx, input }) => {
    if (input.userId === ctx.user.id) throw new UserFacingError("CONFLICT", "Vous ne pouvez pas désactiver votre propre compte.");
    const { prisma } = ctx.db;
    return prisma.$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } });
      if (!user) throw notFound("Ce compte");
      await assertNotLastAdmin(tx, input.userId);
      await tx.user.update({ where: { id: input.userId }, data: { disabledAt: ctx.now() } });
      const ended = await tx.authSession.deleteMany({ where: { userId: input.userId } });
      await tx.userToken.updateMany({ where: { userId: input.userId, usedAt: null }, data: { usedAt: ctx.now() } });
      await audit(ctx, tx, "team.disable", { type: "User", id: input.userId }, { sessionsEnded: ended.count });
      return { ok: true, sessionsEnded: ended.count };
    });
  }),

  enable: adminProcedure.input(userIdInput).mutation(async ({ ctx, input }) => {
    const { prisma } = ctx.db;
    return prisma.$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } });
      if (!user) throw notFound("Ce compte");
      await tx.user.update({ where: { id: input.userId }, data: { disabledAt: null } });
      await audit(ctx, tx, "team.enable", { type: "User", id: input.userId });
      return { ok: true };
    });
  }),

  changeRole: adminProcedure.input(changeRoleInput).mutation(async ({ ctx, input }) => {
    const { prisma } = ctx.db;
    return prisma.$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { id: input.userId }, include: { counsellor: { select: { id: true } } } });
      if (!user) throw notFound("Ce compte");
      if (user.role === input.role) return { ok: true };
      if (input.role !== "admin") await assertNotLastAdmin(tx, input.userId);
      await tx.user.update({ where: { id: input.userId }, data: { role: input.role } });
      if (input.role === "counsellor" && !user.counsellor) await tx.counsellor.create({ data: { userId: user.id, createdAt: ctx.now() } });
      // Sessions carry the role: a changed role applies at the next login, everywhere.
      await tx.authSession.deleteMany({ where: { userId: input.userId } });
      await audit(ctx, tx, "team.change_role", { type: "User", id: input.userId }, { from: user.role, to: input.role });
      return { ok: true };
    });
  }),

  /** A counsellor's post: dates, territory (EPCIs), usual place, work phone. */
  updatePost: staffProcedure.input(postInput).mutation(async ({ ctx, input }) => {
    const { prisma } = ctx.db;
    return prisma.$transaction(async (tx) => {
      const c = await tx.counsellor.findUnique({ where: { id: input.counsellorId }, select: { id: true } });
      if (!c) throw notFound("Ce conseiller");
      if (input.territoryEpciCodes.length) {
        const known = await tx.epci.count({ where: { code: { in: input.territoryEpciCodes } } });
        if (known !== new Set(input.territoryEpciCodes).size) {
          throw new UserFacingError("BAD_REQUEST", "Une des intercommunalités choisies est inconnue.", { field: "territoryEpciCodes" });
        }
      }
      if (input.usualPlaceId && !(await tx.place.findUnique({ where: { id: input.usualPlaceId }, select: { id: true } }))) {
        throw new UserFacingError("BAD_REQUEST", "Ce lieu n'existe plus.", { field: "usualPlaceId" });
      }
      const data = {
        postStartsOn: input.postStartsOn ? dayToDateColumn(input.postStartsOn) : null,
        postEndsOn: input.postEndsOn ? dayToDateColumn(input.postEndsOn) : null,
        territoryEpciCodes: [...new Set(input.territoryEpciCodes)],
        usualPlaceId: input.usualPlaceId ?? null,
        phone: input.phone,
      };
      await tx.counsellor.update({ where: { id: input.counsellorId }, data });
      await audit(ctx, tx, "team.update_post", { type: "Counsellor", id: input.counsellorId }, { ...data, postStartsOn: input.postStartsOn ?? null, postEndsOn: input.postEndsOn ?? null });
      return { ok: true };
    });
  }),

  /** What the set-password page shows before the form: whose account, invitation or reset. */
  checkLink: publicProcedure
    .use(rateLimited("team.link", RATE_LIMITS.publicMutationPerIp))
    .input(checkLinkInput)
    .output(z.object({ displayName: z.string(), email: z.string(), kind: userTokenKinds.schema }))
    .query(async ({ ctx, input }) => {
      const t = await ctx.db.prisma.userToken.findUnique({ where: { tokenHash: hashToken(input.token) }, include: { user: true } });
      if (!t || t.usedAt || t.expiresAt <= ctx.now() || t.user.disabledAt) throw new UserFacingError("NOT_FOUND", INVALID_LINK);
      return { displayName: t.user.displayName, email: t.user.email, kind: userTokenKinds.schema.parse(t.kind) };
    }),

  /** Sets the password from a link; the link is spent and any open session of the account ends. */
  setPassword: publicProcedure
    .use(rateLimited("team.set_password", RATE_LIMITS.publicMutationPerIp))
    .input(setPasswordInput)
    .output(z.object({ role: roles.schema }))
    .mutation(async ({ ctx, input }) => {
      const { prisma } = ctx.db;
      const passwordHash = await hashPassword(input.password);
      const now = ctx.now();
      return prisma.$transaction(async (tx) => {
        // Spending the token with a conditional update makes a double submission use it once only.
        const t = await tx.userToken.findUnique({ where: { tokenHash: hashToken(input.token) }, include: { user: true } });
        if (!t || t.usedAt || t.expiresAt <= now || t.user.disabledAt) throw new UserFacingError("NOT_FOUND", INVALID_LINK);
        const spent = await tx.userToken.updateMany({ where: { id: t.id, usedAt: null }, data: { usedAt: now } });
        if (spent.count !== 1) throw new UserFacingError("NOT_FOUND", INVALID_LINK);
        await tx.user.update({ where: { id: t.userId }, data: { passwordHash } });
        await tx.authSession.deleteMany({ where: { userId: t.userId } });
        await audit({ ...ctx, user: { id: t.userId } as typeof ctx.user }, tx, "team.password_set", { type: "User", id: t.userId }, { kind: t.kind });
        return { role: roles.schema.parse(t.user.role) };
      });
    }),
});
