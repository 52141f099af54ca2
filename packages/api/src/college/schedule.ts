import type { PrismaClient } from "@medianum/db";
import {
  classLevels,
  formatDateTime,
  parisDayTimeToInstant,
  scheduleSessionsInput,
  sessionsOutsidePeriods,
  type CollegeRequestStatus,
  type CounsellorConflict,
  type PeriodWarning,
} from "@medianum/domain";
import type { z } from "zod";
import { UserFacingError } from "../shared/errors.js";
import type { ApiConfig } from "../shared/config.js";
import { findCounsellorConflicts } from "./conflicts.js";
import { queueCollegeInvitations } from "./invitations.js";
import { notifyCollege, statusSubject, type SessionLine } from "./notify.js";
import { applyTransition, lockRequest } from "./transition.js";

type Input = z.output<typeof scheduleSessionsInput>;

type Period = { from: string; to: string };
export type ScheduleOutcome =
  | { outcome: "conflicts"; conflicts: CounsellorConflict[]; outsidePeriods: PeriodWarning[]; requestedPeriods: Period[] }
  | { outcome: "scheduled"; sessionIds: string[]; conflicts: CounsellorConflict[]; outsidePeriods: PeriodWarning[] };

/** Planned sessions as instants, for the conflict check and the insert. */
export function slotsOf(input: Pick<Input, "sessions">) {
  return input.sessions.map((s) => ({ ...s, startsAt: parisDayTimeToInstant(s.day, s.time) }));
}

/**
 * Turns a request into one or more scheduled sessions. When a counsellor is already busy at
 * one of the times, or a day lies outside the periods the collège asked for, and the coordinator
 * has not confirmed, nothing is written and the warnings are returned. Otherwise the request moves to "scheduled" (through "under review" when it was
 * just received), the sessions are created and the collège is told, in one transaction.
 */
export async function scheduleSessions(
  prisma: PrismaClient,
  staffUserId: string,
  input: Input,
  config: Pick<ApiConfig, "publicUrl" | "mailFrom">,
  now: Date,
): Promise<ScheduleOutcome> {
  const { publicUrl } = config;
  const slots = slotsOf(input);
  for (const s of slots) {
    if (s.startsAt.getTime() <= now.getTime()) {
      throw new UserFacingError("BAD_REQUEST", `La date du ${s.day} à ${s.time} est déjà passée : choisissez une date à venir.`, { field: "day" });
    }
  }
  return prisma.$transaction(async (tx) => {
    const r = await lockRequest(tx, input.requestId);
    const status = r.status as CollegeRequestStatus;
    if (!["received", "under_review", "scheduled"].includes(status)) {
      throw new UserFacingError("CONFLICT", "Cette demande est close : elle ne peut plus recevoir de séance.");
    }
    const classes = await tx.collegeClass.findMany({ where: { requestId: r.id } });
    const classById = new Map(classes.map((c) => [c.id, c]));
    for (const s of slots) {
      if (s.classIds.some((id) => !classById.has(id))) {
        throw new UserFacingError("BAD_REQUEST", "Une des classes cochées n'appartient pas à cette demande.", { field: "classIds" });
      }
    }
    const counsellorIds = [...new Set(slots.flatMap((s) => s.counsellorIds))];
    const found = await tx.counsellor.count({ where: { id: { in: counsellorIds }, user: { disabledAt: null } } });
    if (found !== counsellorIds.length) {
      throw new UserFacingError("BAD_REQUEST", "Un des conseillers choisis est introuvable ou désactivé.", { field: "counsellorIds" });
    }

    const conflicts = await findCounsellorConflicts(tx, slots);
    const requestedPeriods = r.periods as Period[];
    const outsidePeriods = sessionsOutsidePeriods(requestedPeriods, slots);
    if ((conflicts.length > 0 || outsidePeriods.length > 0) && !input.confirmConflicts) {
      return { outcome: "conflicts" as const, conflicts, outsidePeriods, requestedPeriods };
    }

    const sessionIds: string[] = [];
    for (const s of slots) {
      const created = await tx.collegeSession.create({
        data: {
          requestId: r.id,
          startsAt: s.startsAt,
          durationMinutes: s.durationMinutes,
          room: s.room ?? null,
          status: "scheduled",
          createdAt: now,
          updatedAt: now,
          classes: { create: s.classIds.map((classId) => ({ classId })) },
          counsellors: { create: s.counsellorIds.map((counsellorId) => ({ counsellorId })) },
        },
      });
      sessionIds.push(created.id);
    }
    const by = { actor: "staff" as const, userId: staffUserId };
    if (r.status === "received") await applyTransition(tx, r, "under_review", by, now);
    if (r.status === "under_review") await applyTransition(tx, r, "scheduled", by, now);
    else await tx.collegeRequest.update({ where: { id: r.id }, data: { updatedAt: now } });

    const lines: SessionLine[] = slots.map((s) => ({
      startsAt: s.startsAt,
      durationMinutes: s.durationMinutes,
      room: s.room ?? null,
      classes: s.classIds.map((id) => {
        const c = classById.get(id)!;
        return c.name ?? classLevels.label(c.level as "6e");
      }),
    }));
    await notifyCollege(
      tx,
      {
        requestId: r.id,
        to: r.email,
        establishmentName: r.establishmentName,
        subject: statusSubject("scheduled"),
        paragraphs: [
          status === "scheduled"
            ? "Une nouvelle séance de sensibilisation est programmée pour votre établissement :"
            : "Bonne nouvelle : votre demande est programmée. Statut de votre demande : Programmée.",
          ...(input.message ? [input.message] : []),
          sessionLines(lines.length),
        ],
        sessions: lines,
      },
      publicUrl,
      now,
    );
    await queueCollegeInvitations(tx, config, sessionIds, "REQUEST", now);
    return { outcome: "scheduled" as const, sessionIds, conflicts, outsidePeriods };
  });
}

function sessionLines(n: number) {
  return n > 1 ? `Les ${n} séances :` : "La séance :";
}

/**
 * Calls off one scheduled session. When no session is left planned, the request goes back to
 * "under review" so that it is re-planned; the collège is told either way.
 */
export async function cancelCollegeSession(
  prisma: PrismaClient,
  staffUserId: string,
  sessionId: string,
  reason: string,
  config: Pick<ApiConfig, "publicUrl" | "mailFrom">,
  now: Date,
) {
  const { publicUrl } = config;
  const session = await prisma.collegeSession.findUnique({ where: { id: sessionId }, select: { requestId: true } });
  if (!session) throw new UserFacingError("NOT_FOUND", "Cette séance est introuvable.");
  await prisma.$transaction(async (tx) => {
    const r = await lockRequest(tx, session.requestId);
    const s = await tx.collegeSession.findUniqueOrThrow({ where: { id: sessionId }, include: { classes: { include: { class: true } } } });
    if (s.status !== "scheduled") throw new UserFacingError("CONFLICT", "Seule une séance programmée peut être annulée.");
    await tx.collegeSession.update({ where: { id: s.id }, data: { status: "cancelled", remarks: reason, updatedAt: now } });
    const left = await tx.collegeSession.count({ where: { requestId: r.id, status: { not: "cancelled" } } });
    let backToReview = false;
    if (left === 0 && r.status === "scheduled") {
      await applyTransition(tx, r, "under_review", { actor: "staff", userId: staffUserId, reason }, now);
      backToReview = true;
    } else {
      await tx.collegeRequest.update({ where: { id: r.id }, data: { updatedAt: now } });
    }
    await notifyCollege(
      tx,
      {
        requestId: r.id,
        to: r.email,
        establishmentName: r.establishmentName,
        subject: "Séance annulée",
        paragraphs: [
          "La séance suivante est annulée :",
          `- ${formatDateTime(s.startsAt)} : ${s.classes
            .map((c) => c.class.name ?? classLevels.label(c.class.level as "6e"))
            .join(", ")}`,
          `Motif : ${reason}`,
          backToReview
            ? "Statut de votre demande : En cours d'étude. Nous revenons vers vous avec une nouvelle date."
            : "Les autres séances prévues sont maintenues.",
        ],
      },
      publicUrl,
      now,
    );
    await queueCollegeInvitations(tx, config, [s.id], "CANCEL", now);
  });
}
