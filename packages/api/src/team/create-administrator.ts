import type { PrismaClient } from "@medianum/db";
import { inviteInput } from "@medianum/domain";
import { hashPassword } from "../auth/password.js";
import { UserFacingError } from "../shared/errors.js";
import { newToken } from "../shared/tokens.js";
import { issueUserLink, type UserLink } from "./links.js";

/**
 * The operator's way in, from a shell on the server: the first administrator of a new instance, or
 * the recovery of an administrator who lost their password. The link is printed for the operator
 * to hand over, never e-mailed: nobody else can read it, and no account exists yet to read the outbox.
 * An existing account with this e-mail becomes an administrator again (enabled) and gets a new link.
 */
export async function createAdministrator(
  prisma: PrismaClient,
  opts: { email: string; displayName: string; publicUrl: string; now: Date; ip?: string },
): Promise<{ created: boolean; userId: string; link: UserLink }> {
  const parsed = inviteInput.safeParse({ email: opts.email, displayName: opts.displayName, role: "admin" });
  if (!parsed.success) throw new UserFacingError("BAD_REQUEST", parsed.error.issues.map((i) => i.message).join(" "));
  const { email, displayName } = parsed.data;
  // Nobody knows this password: the account only opens through the link.
  const unusable = await hashPassword(newToken());
  return prisma.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
    const user = existing
      ? await tx.user.update({ where: { id: existing.id }, data: { role: "admin", disabledAt: null } })
      : await tx.user.create({ data: { email, displayName, role: "admin", passwordHash: unusable, createdAt: opts.now } });
    if (existing) await tx.authSession.deleteMany({ where: { userId: user.id } });
    const link = await issueUserLink(tx, { user, kind: existing ? "password_reset" : "invite", publicUrl: opts.publicUrl, now: opts.now, byEmail: false });
    await tx.auditLog.create({
      data: { at: opts.now, actorUserId: null, action: "team.create_admin", entityType: "User", entityId: user.id, details: { email, created: !existing, from: "console" }, ip: opts.ip ?? null },
    });
    return { created: !existing, userId: user.id, link: link! };
  });
}
