import type { PrismaClient } from "@medianum/db";
import {
  checkTransition,
  classLevels,
  isTerminal,
  type CollegeRequestStatus,
  type CollegeTrackingView,
} from "@medianum/domain";
import { UserFacingError } from "../shared/errors.js";
import { requestIdOfToken } from "./links.js";
import type { ApiConfig } from "../shared/config.js";
import { cancelPlannedSessions } from "./invitations.js";
import { notifyCollege, statusSubject } from "./notify.js";
import { applyTransition, lockRequest } from "./transition.js";

// What a collège can do with its private link. A wrong or unknown token gets the same answer
// as a missing request: nothing about other requests ever leaks.

const LINK_NOT_FOUND = "Ce lien de suivi ne correspond à aucune demande. Vérifiez qu'il a été copié en entier depuis l'e-mail reçu.";

async function requireRequestId(prisma: PrismaClient, token: string): Promise<string> {
  const id = await requestIdOfToken(prisma, token);
  if (!id) throw new UserFacingError("NOT_FOUND", LINK_NOT_FOUND);
  return id;
}

export async function trackingView(prisma: PrismaClient, token: string): Promise<CollegeTrackingView> {
  const id = await requireRequestId(prisma, token);
  const r = await prisma.collegeRequest.findUniqueOrThrow({
    where: { id },
    include: {
      commune: { select: { name: true } },
      classes: { orderBy: [{ level: "asc" }, { name: "asc" }] },
      events: { orderBy: [{ createdAt: "asc" }, { seq: "asc" }] },
      messages: { orderBy: [{ createdAt: "asc" }, { seq: "asc" }] },
      sessions: {
        orderBy: { startsAt: "asc" },
        include: {
          classes: { include: { class: true } },
          counsellors: { include: { counsellor: { include: { user: { select: { displayName: true } } } } } },
        },
      },
    },
  });
  const status = r.status as CollegeRequestStatus;
  return {
    establishmentName: r.establishmentName,
    requesterName: r.requesterName,
    status,
    declineReason: r.declineReason,
    createdAt: r.createdAt,
    topics: r.topics as CollegeTrackingView["topics"],
    otherTopic: r.otherTopic,
    periods: r.periods as CollegeTrackingView["periods"],
    classes: r.classes.map((c) => ({ level: c.level as "6e", name: c.name, pupils: c.pupils })),
    sessions: r.sessions.map((s) => ({
      startsAt: s.startsAt,
      durationMinutes: s.durationMinutes,
      room: s.room,
      address: r.address,
      communeName: r.commune.name,
      status: s.status as CollegeTrackingView["sessions"][number]["status"],
      classes: s.classes.map((c) => c.class.name ?? classLevels.label(c.class.level as "6e")),
      counsellors: s.counsellors.map((c) => c.counsellor.user.displayName),
    })),
    history: r.events.map((e) => ({
      toStatus: e.toStatus as CollegeRequestStatus,
      actorType: e.actorType as "staff",
      reason: e.reason,
      createdAt: e.createdAt,
    })),
    messages: r.messages.map((m) => ({ author: m.author as "college", body: m.body, createdAt: m.createdAt })),
    canCancel: checkTransition(status, "cancelled", "college").ok,
    canMessage: !isTerminal(status),
  };
}

/** The collège cancels its own request (allowed while received, under review or scheduled). */
export async function cancelByCollege(prisma: PrismaClient, token: string, reason: string | undefined, config: Pick<ApiConfig, "publicUrl" | "mailFrom">, now: Date) {
  const { publicUrl } = config;
  const id = await requireRequestId(prisma, token);
  await prisma.$transaction(async (tx) => {
    const r = await lockRequest(tx, id);
    await applyTransition(tx, r, "cancelled", { actor: "college", userId: null, reason }, now);
    // Sessions planned for it are called off too, so they leave the counsellors' agendas.
    await cancelPlannedSessions(tx, config, id, now);
    await notifyCollege(
      tx,
      {
        requestId: id,
        to: r.email,
        establishmentName: r.establishmentName,
        subject: statusSubject("cancelled"),
        paragraphs: ["Votre demande de séance de sensibilisation est annulée, comme vous l'avez demandé.", "Statut de votre demande : Annulée."],
      },
      publicUrl,
      now,
    );
  });
}

/** A message from the collège, read by staff on the request's page. */
export async function messageFromCollege(prisma: PrismaClient, token: string, body: string, now: Date) {
  const id = await requireRequestId(prisma, token);
  await prisma.$transaction(async (tx) => {
    const r = await lockRequest(tx, id);
    if (isTerminal(r.status as CollegeRequestStatus)) {
      throw new UserFacingError("CONFLICT", "Cette demande est close : pour un nouveau besoin, faites une nouvelle demande.");
    }
    await tx.collegeRequestMessage.create({ data: { requestId: id, author: "college", body, createdAt: now } });
    await tx.collegeRequest.update({ where: { id }, data: { updatedAt: now } });
  });
}
