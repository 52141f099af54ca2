import type { changeRoleInput } from "@medianum/domain";
import type { z } from "zod";
import { audit } from "../shared/audit.js";
import { notFound, UserFacingError } from "../shared/errors.js";
import { assertNotLastAdmin } from "./last-admin.js";
import type { StaffContext } from "../shared/staff-context.js";

/** Disabling ends every open session at once: the person is logged out everywhere, and their unused links stop working. */
export async function disableAccount(ctx: StaffContext, userId: string): Promise<{ ok: boolean; sessionsEnded: number }> {
  if (userId === ctx.user.id) throw new UserFacingError("CONFLICT", "Vous ne pouvez pas désactiver votre propre compte.");
  return ctx.db.prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) throw notFound("Ce compte");
    await assertNotLastAdmin(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { disabledAt: ctx.now() } });
    const ended = await tx.authSession.deleteMany({ where: { userId } });
    await tx.userToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: ctx.now() } });
    await audit(ctx, tx, "team.disable", { type: "User", id: userId }, { sessionsEnded: ended.count });
    return { ok: true, sessionsEnded: ended.count };
  });
}

export async function enableAccount(ctx: StaffContext, userId: string): Promise<{ ok: boolean }> {
  return ctx.db.prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) throw notFound("Ce compte");
    await tx.user.update({ where: { id: userId }, data: { disabledAt: null } });
    await audit(ctx, tx, "team.enable", { type: "User", id: userId });
    return { ok: true };
  });
}

/** A new role applies at the next login, everywhere: the account's sessions end. */
export async function changeRole(ctx: StaffContext, input: z.output<typeof changeRoleInput>): Promise<{ ok: boolean }> {
  return ctx.db.prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, include: { counsellor: { select: { id: true } } } });
    if (!user) throw notFound("Ce compte");
    if (user.role === input.role) return { ok: true };
    if (input.role !== "admin") await assertNotLastAdmin(tx, input.userId);
    await tx.user.update({ where: { id: input.userId }, data: { role: input.role } });
    if (input.role === "counsellor" && !user.counsellor) await tx.counsellor.create({ data: { userId: user.id, createdAt: ctx.now() } });
    await tx.authSession.deleteMany({ where: { userId: input.userId } });
    await audit(ctx, tx, "team.change_role", { type: "User", id: input.userId }, { from: user.role, to: input.role });
    return { ok: true };
  });
}
