import type { inviteInput } from "@medianum/domain";
import type { z } from "zod";
import { hashPassword } from "../auth/password.js";
import { audit } from "../shared/audit.js";
import { notFound, UserFacingError } from "../shared/errors.js";
import { newToken } from "../shared/tokens.js";
import { issueUserLink, type UserLink } from "./links.js";
import type { StaffContext } from "../shared/staff-context.js";

/**
 * Creates the account without a usable password and e-mails a link to choose one; without SMTP,
 * the link is in this answer only, for the administrator to hand over (see issueUserLink).
 */
export async function inviteMember(ctx: StaffContext, input: z.output<typeof inviteInput>): Promise<{ id: string; handover: UserLink | null }> {
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
}

/** A new link to choose a password: e-mailed, or without SMTP in this answer only, to hand over. */
export async function resetPassword(ctx: StaffContext, userId: string): Promise<{ ok: true; handover: UserLink | null }> {
  return ctx.db.prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw notFound("Ce compte");
    if (user.disabledAt) throw new UserFacingError("CONFLICT", "Ce compte est désactivé : réactivez-le d'abord.");
    const handover = await issueUserLink(tx, { user, kind: "password_reset", publicUrl: ctx.config.publicUrl, now: ctx.now(), byEmail: ctx.config.smtpConfigured });
    await audit(ctx, tx, "team.password_reset", { type: "User", id: user.id }, { delivery: handover ? "handover" : "email" });
    return { ok: true as const, handover };
  });
}
