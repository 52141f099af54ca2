import { roles, userTokenKinds, type Role, type UserTokenKind } from "@medianum/domain";
import type { Context } from "../context.js";
import { hashPassword } from "../auth/password.js";
import { audit } from "../shared/audit.js";
import { UserFacingError } from "../shared/errors.js";
import { hashToken } from "../shared/tokens.js";

type LinkContext = Pick<Context, "db" | "now" | "req" | "user">;

const INVALID_LINK = "Ce lien n'est plus valable : il a déjà servi, a expiré ou a été remplacé par un plus récent. Demandez un nouveau lien à votre coordinateur ou coordinatrice.";

/** What the set-password page shows before the form: whose account, invitation or reset. */
export async function checkPasswordLink(ctx: LinkContext, token: string): Promise<{ displayName: string; email: string; kind: UserTokenKind }> {
  const t = await ctx.db.prisma.userToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  if (!t || t.usedAt || t.expiresAt <= ctx.now() || t.user.disabledAt) throw new UserFacingError("NOT_FOUND", INVALID_LINK);
  return { displayName: t.user.displayName, email: t.user.email, kind: userTokenKinds.schema.parse(t.kind) };
}

/** Sets the password from a link; the link is spent and any open session of the account ends. */
export async function setPasswordFromLink(ctx: LinkContext, token: string, password: string): Promise<{ role: Role }> {
  const passwordHash = await hashPassword(password);
  const now = ctx.now();
  return ctx.db.prisma.$transaction(async (tx) => {
    // Spending the token with a conditional update makes a double submission use it once only.
    const t = await tx.userToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
    if (!t || t.usedAt || t.expiresAt <= now || t.user.disabledAt) throw new UserFacingError("NOT_FOUND", INVALID_LINK);
    const spent = await tx.userToken.updateMany({ where: { id: t.id, usedAt: null }, data: { usedAt: now } });
    if (spent.count !== 1) throw new UserFacingError("NOT_FOUND", INVALID_LINK);
    await tx.user.update({ where: { id: t.userId }, data: { passwordHash } });
    await tx.authSession.deleteMany({ where: { userId: t.userId } });
    await audit({ ...ctx, user: { id: t.userId } as typeof ctx.user }, tx, "team.password_set", { type: "User", id: t.userId }, { kind: t.kind });
    return { role: roles.schema.parse(t.user.role) };
  });
}
