import type { Prisma } from "@medianum/db";
import type { AuditAction } from "@medianum/domain";
import { audit } from "../shared/audit.js";
import { UserFacingError } from "../shared/errors.js";
import type { StaffContext } from "../shared/staff-context.js";
import { cancelPlannedSessions } from "./invitations.js";
import { notifyCollege, statusSubject } from "./notify.js";
import { applyTransition, lockRequest } from "./transition.js";

type Request = Awaited<ReturnType<typeof lockRequest>>;

/**
 * A request moved by coordination to another status, in one transaction: its history, the
 * collège's e-mail (with its tracking link) and the audit line. `refuse` may stop the move before
 * anything is written; `also` does more in the same transaction once the status has changed.
 */
async function moveRequest(
  ctx: StaffContext,
  requestId: string,
  to: "under_review" | "declined" | "cancelled",
  opts: {
    reason?: string;
    paragraphs: string[];
    action: AuditAction;
    refuse?: (r: Request) => UserFacingError | null;
    also?: (tx: Prisma.TransactionClient, r: Request, now: Date) => Promise<void>;
  },
): Promise<void> {
  const now = ctx.now();
  await ctx.db.prisma.$transaction(async (tx) => {
    const r = await lockRequest(tx, requestId);
    const refusal = opts.refuse?.(r);
    if (refusal) throw refusal;
    await applyTransition(tx, r, to, { actor: "staff", userId: ctx.user.id, ...(opts.reason ? { reason: opts.reason } : {}) }, now);
    await opts.also?.(tx, r, now);
    await notifyCollege(tx, { requestId: r.id, to: r.email, establishmentName: r.establishmentName, subject: statusSubject(to), paragraphs: opts.paragraphs }, ctx.config.publicUrl, now);
    await audit(ctx, tx, opts.action, { type: "CollegeRequest", id: r.id });
  });
}

/** Coordination takes the request up: the collège is told it is being studied. */
export function startReview(ctx: StaffContext, requestId: string): Promise<void> {
  return moveRequest(ctx, requestId, "under_review", {
    paragraphs: ["L'équipe de coordination étudie votre demande et cherche une date avec un conseiller numérique.", "Statut de votre demande : En cours d'étude."],
    action: "college.review",
    // A scheduled request goes back to review only by cancelling its sessions (cancelSession).
    refuse: (r) => (r.status === "scheduled" ? new UserFacingError("CONFLICT", "Cette demande est programmée : annulez ses séances pour la replanifier.") : null),
  });
}

/** Coordination declines the request, with the reason the collège reads. */
export function declineRequest(ctx: StaffContext, requestId: string, reason: string): Promise<void> {
  return moveRequest(ctx, requestId, "declined", {
    reason,
    paragraphs: ["Nous ne pouvons malheureusement pas donner suite à votre demande.", `Motif : ${reason}`, "Statut de votre demande : Déclinée."],
    action: "college.decline",
  });
}

/** Coordination cancels the request and its planned sessions (the counsellors get the calendar's CANCEL). */
export function cancelRequest(ctx: StaffContext, requestId: string, reason: string): Promise<void> {
  return moveRequest(ctx, requestId, "cancelled", {
    reason,
    paragraphs: ["Votre demande de séance de sensibilisation est annulée par l'équipe de coordination.", `Motif : ${reason}`, "Statut de votre demande : Annulée."],
    action: "college.cancel",
    also: (tx, r, now) => cancelPlannedSessions(tx, ctx.config, r.id, now),
  });
}

/** A message to the collège: shown on its tracking page and sent by e-mail. */
export async function messageToCollege(ctx: StaffContext, requestId: string, body: string): Promise<void> {
  const now = ctx.now();
  await ctx.db.prisma.$transaction(async (tx) => {
    const r = await lockRequest(tx, requestId);
    await tx.collegeRequestMessage.create({ data: { requestId: r.id, author: "staff", body, createdAt: now } });
    await tx.collegeRequest.update({ where: { id: r.id }, data: { updatedAt: now } });
    await notifyCollege(
      tx,
      { requestId: r.id, to: r.email, establishmentName: r.establishmentName, subject: "Nouveau message sur votre demande", paragraphs: ["L'équipe de coordination vous écrit :", body] },
      ctx.config.publicUrl,
      now,
    );
    await audit(ctx, tx, "college.message", { type: "CollegeRequest", id: r.id });
  });
}
