import { audit } from "../shared/audit.js";
import { UserFacingError } from "../shared/errors.js";
import type { StaffContext } from "../shared/staff-context.js";
import { cancelPlannedSessions } from "./invitations.js";
import { notifyCollege, statusSubject } from "./notify.js";
import { applyTransition, lockRequest } from "./transition.js";

/** Coordination takes the request up: the collège is told it is being studied. */
export async function startReview(ctx: StaffContext, requestId: string): Promise<void> {
  const now = ctx.now();
  await ctx.db.prisma.$transaction(async (tx) => {
    const r = await lockRequest(tx, requestId);
    // A scheduled request goes back to review only by cancelling its sessions (cancelSession).
    if (r.status === "scheduled") throw new UserFacingError("CONFLICT", "Cette demande est programmée : annulez ses séances pour la replanifier.");
    await applyTransition(tx, r, "under_review", { actor: "staff", userId: ctx.user.id }, now);
    await notifyCollege(
      tx,
      {
        requestId: r.id,
        to: r.email,
        establishmentName: r.establishmentName,
        subject: statusSubject("under_review"),
        paragraphs: ["L'équipe de coordination étudie votre demande et cherche une date avec un conseiller numérique.", "Statut de votre demande : En cours d'étude."],
      },
      ctx.config.publicUrl,
      now,
    );
    await audit(ctx, tx, "college.review", { type: "CollegeRequest", id: r.id });
  });
}

/** Coordination declines the request, with the reason the collège reads. */
export async function declineRequest(ctx: StaffContext, requestId: string, reason: string): Promise<void> {
  const now = ctx.now();
  await ctx.db.prisma.$transaction(async (tx) => {
    const r = await lockRequest(tx, requestId);
    await applyTransition(tx, r, "declined", { actor: "staff", userId: ctx.user.id, reason }, now);
    await notifyCollege(
      tx,
      {
        requestId: r.id,
        to: r.email,
        establishmentName: r.establishmentName,
        subject: statusSubject("declined"),
        paragraphs: ["Nous ne pouvons malheureusement pas donner suite à votre demande.", `Motif : ${reason}`, "Statut de votre demande : Déclinée."],
      },
      ctx.config.publicUrl,
      now,
    );
    await audit(ctx, tx, "college.decline", { type: "CollegeRequest", id: r.id });
  });
}

/** Coordination cancels the request and its planned sessions (the counsellors get the calendar's CANCEL). */
export async function cancelRequest(ctx: StaffContext, requestId: string, reason: string): Promise<void> {
  const now = ctx.now();
  await ctx.db.prisma.$transaction(async (tx) => {
    const r = await lockRequest(tx, requestId);
    await applyTransition(tx, r, "cancelled", { actor: "staff", userId: ctx.user.id, reason }, now);
    await cancelPlannedSessions(tx, ctx.config, r.id, now);
    await notifyCollege(
      tx,
      {
        requestId: r.id,
        to: r.email,
        establishmentName: r.establishmentName,
        subject: statusSubject("cancelled"),
        paragraphs: ["Votre demande de séance de sensibilisation est annulée par l'équipe de coordination.", `Motif : ${reason}`, "Statut de votre demande : Annulée."],
      },
      ctx.config.publicUrl,
      now,
    );
    await audit(ctx, tx, "college.cancel", { type: "CollegeRequest", id: r.id });
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
