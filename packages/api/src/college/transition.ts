import { Prisma } from "@medianum/db";
import { checkTransition, type CollegeRequestActor, type CollegeRequestStatus } from "@medianum/domain";
import { notFound, UserFacingError } from "../shared/errors.js";

/**
 * Locks the request's row for the rest of the transaction, so that two changes (the collège
 * cancelling while staff schedule) are decided one after the other.
 */
export async function lockRequest(tx: Prisma.TransactionClient, requestId: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT id FROM "CollegeRequest" WHERE id = ${requestId}::uuid FOR UPDATE`);
  if (locked.length === 0) throw notFound("Cette demande");
  return tx.collegeRequest.findUniqueOrThrow({ where: { id: requestId } });
}

export interface TransitionBy {
  actor: CollegeRequestActor;
  userId: string | null;
  reason?: string | null | undefined;
}

/**
 * Moves a (locked) request to `to` if the domain's state machine allows it for this actor, and
 * records who, when and why. Throws a French CONFLICT otherwise.
 */
export async function applyTransition(
  tx: Prisma.TransactionClient,
  request: { id: string; status: string },
  to: CollegeRequestStatus,
  by: TransitionBy,
  now: Date,
): Promise<void> {
  const from = request.status as CollegeRequestStatus;
  const check = checkTransition(from, to, by.actor, by.reason);
  if (!check.ok) throw new UserFacingError("CONFLICT", check.message, { status: from });
  await tx.collegeRequest.update({
    where: { id: request.id },
    data: { status: to, updatedAt: now, ...(to === "declined" ? { declineReason: by.reason?.trim() ?? null } : {}) },
  });
  await tx.collegeRequestEvent.create({
    data: {
      requestId: request.id,
      fromStatus: from,
      toStatus: to,
      actorType: by.actor,
      actorUserId: by.userId,
      reason: by.reason?.trim() || null,
      createdAt: now,
    },
  });
  request.status = to;
}
