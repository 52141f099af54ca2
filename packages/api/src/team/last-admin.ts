import type { Prisma } from "@medianum/db";
import { UserFacingError } from "../shared/errors.js";

/** The only admin left cannot lose the role or be disabled: someone must keep the keys. */
export async function assertNotLastAdmin(tx: Prisma.TransactionClient, userId: string) {
  const target = await tx.user.findUnique({ where: { id: userId }, select: { role: true, disabledAt: true } });
  if (target?.role !== "admin" || target.disabledAt) return;
  const admins = await tx.user.count({ where: { role: "admin", disabledAt: null } });
  if (admins <= 1) throw new UserFacingError("CONFLICT", "C'est le dernier compte administrateur actif : nommez d'abord un autre administrateur.");
}
