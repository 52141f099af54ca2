import type { PrismaClient } from "@medianum/db";
import { dateColumnToDay, roles, type TeamMemberView } from "@medianum/domain";

const day = (d: Date | null) => (d ? dateColumnToDay(d) : null);

/** Every account, active ones first, by name, with the counsellor's post when there is one. */
export async function listTeam(prisma: PrismaClient): Promise<TeamMemberView[]> {
  const users = await prisma.user.findMany({
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
}
