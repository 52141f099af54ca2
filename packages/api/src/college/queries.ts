import type { Prisma, PrismaClient } from "@medianum/db";
import {
  allowedTransitions,
  INBOX_STATUS_ORDER,
  periodsMeet,
  totalPupils,
  type CollegeInboxFilters,
  type CollegeRequestStatus,
  type CollegeSessionView,
  type CounsellorCollegeSessionView,
  collegeRequestDetail,
  collegeRequestListItem,
} from "@medianum/domain";
import type { z } from "zod";
import { notFound, UserFacingError } from "../shared/errors.js";

type Detail = z.infer<typeof collegeRequestDetail>;
type ListItem = z.infer<typeof collegeRequestListItem>;

const sessionInclude = {
  classes: { include: { class: true } },
  counsellors: { include: { counsellor: { include: { user: { select: { displayName: true } } } } } },
} satisfies Prisma.CollegeSessionInclude;
type SessionRow = Prisma.CollegeSessionGetPayload<{ include: typeof sessionInclude }>;

function toSessionView(s: SessionRow): CollegeSessionView {
  return {
    id: s.id,
    startsAt: s.startsAt,
    durationMinutes: s.durationMinutes,
    room: s.room,
    status: s.status as CollegeSessionView["status"],
    reportedAt: s.reportedAt,
    classes: s.classes.map((c) => ({ id: c.classId, level: c.class.level as "6e", name: c.class.name, pupils: c.class.pupils, pupilsPresent: c.pupilsPresent })),
    counsellors: s.counsellors.map((c) => ({ id: c.counsellorId, displayName: c.counsellor.user.displayName })),
  };
}

/** Triage inbox: open work first (received, then under review…), oldest first within a status. */
export async function inbox(prisma: PrismaClient, f: CollegeInboxFilters): Promise<ListItem[]> {
  const rows = await prisma.collegeRequest.findMany({
    where: {
      ...(f.status ? { status: f.status } : {}),
      ...(f.topic ? { topics: { has: f.topic } } : {}),
      ...(f.communeInsee ? { communeInsee: f.communeInsee } : {}),
      ...(f.epciCode ? { commune: { epciCode: f.epciCode } } : {}),
    },
    include: { commune: { select: { name: true } }, classes: { select: { pupils: true } } },
    orderBy: { createdAt: "asc" },
    take: 1000,
  });
  const rank = (s: string) => INBOX_STATUS_ORDER.indexOf(s as CollegeRequestStatus);
  return rows
    .filter((r) => periodsMeet(r.periods as { from: string; to: string }[], f.from, f.to))
    .sort((a, b) => rank(a.status) - rank(b.status) || a.createdAt.getTime() - b.createdAt.getTime())
    .map((r) => ({
      id: r.id,
      uai: r.uai,
      establishmentName: r.establishmentName,
      communeName: r.commune.name,
      requesterName: r.requesterName,
      status: r.status as ListItem["status"],
      topics: r.topics as ListItem["topics"],
      classesCount: r.classes.length,
      pupils: totalPupils(r.classes),
      createdAt: r.createdAt,
    }));
}

export async function requestDetail(prisma: PrismaClient, id: string): Promise<Detail> {
  const r = await prisma.collegeRequest.findUnique({
    where: { id },
    include: {
      commune: { select: { name: true } },
      classes: { orderBy: [{ level: "asc" }, { name: "asc" }] },
      events: { orderBy: [{ createdAt: "asc" }, { seq: "asc" }], include: { actor: { select: { displayName: true } } } },
      messages: { orderBy: [{ createdAt: "asc" }, { seq: "asc" }] },
      sessions: { orderBy: { startsAt: "asc" }, include: sessionInclude },
    },
  });
  if (!r) throw notFound("Cette demande");
  const status = r.status as CollegeRequestStatus;
  return {
    id: r.id,
    uai: r.uai,
    establishmentName: r.establishmentName,
    address: r.address,
    communeName: r.commune.name,
    requesterName: r.requesterName,
    requesterRole: r.requesterRole as Detail["requesterRole"],
    email: r.email,
    phone: r.phone,
    status,
    declineReason: r.declineReason,
    topics: r.topics as Detail["topics"],
    otherTopic: r.otherTopic,
    periods: r.periods as Detail["periods"],
    constraints: r.constraints,
    createdAt: r.createdAt,
    classes: r.classes.map((c) => ({ id: c.id, level: c.level as "6e", name: c.name, pupils: c.pupils })),
    events: r.events.map((e) => ({
      fromStatus: e.fromStatus as CollegeRequestStatus | null,
      toStatus: e.toStatus as CollegeRequestStatus,
      actorType: e.actorType as Detail["events"][number]["actorType"],
      actorName: e.actor?.displayName ?? null,
      reason: e.reason,
      createdAt: e.createdAt,
    })),
    sessions: r.sessions.map(toSessionView),
    messages: r.messages.map((m) => ({ author: m.author as "college", body: m.body, createdAt: m.createdAt })),
    allowedTransitions: allowedTransitions(status, "staff"),
  };
}

const counsellorInclude = {
  ...sessionInclude,
  request: { include: { commune: { select: { name: true } } } },
  activity: { select: { id: true, durationMinutes: true } },
} satisfies Prisma.CollegeSessionInclude;
type CounsellorSessionRow = Prisma.CollegeSessionGetPayload<{ include: typeof counsellorInclude }>;

/** Collège sessions kept on the counsellor's device: from this many days back (reports to fill), and all coming ones. */
export const MY_COLLEGE_SESSIONS_DAYS_BACK = 60;
const MY_COLLEGE_SESSIONS_MAX = 200;

/** A collège session as its assigned counsellor sees it; anyone else gets "not found". */
export async function counsellorSession(prisma: PrismaClient, counsellorId: string, sessionId: string): Promise<CounsellorCollegeSessionView> {
  const s = await prisma.collegeSession.findFirst({ where: { id: sessionId, counsellors: { some: { counsellorId } } }, include: counsellorInclude });
  if (!s) throw new UserFacingError("NOT_FOUND", "Cette séance est introuvable dans votre agenda.");
  return toCounsellorView(s);
}

/**
 * My collège sessions, by date: from 60 days back (those still to report) and every coming one.
 * Cancelled ones are kept so that the device can say so instead of offering a report form.
 */
export async function counsellorSessions(prisma: PrismaClient, counsellorId: string, now: Date): Promise<CounsellorCollegeSessionView[]> {
  const since = new Date(now.getTime() - MY_COLLEGE_SESSIONS_DAYS_BACK * 86_400_000);
  const rows = await prisma.collegeSession.findMany({
    where: { startsAt: { gte: since }, counsellors: { some: { counsellorId } } },
    include: counsellorInclude,
    orderBy: { startsAt: "asc" },
    take: MY_COLLEGE_SESSIONS_MAX,
  });
  return rows.map(toCounsellorView);
}

function toCounsellorView(s: CounsellorSessionRow): CounsellorCollegeSessionView {
  const r = s.request;
  const view = toSessionView(s);
  return {
    id: s.id,
    startsAt: s.startsAt,
    durationMinutes: s.durationMinutes,
    room: s.room,
    status: view.status,
    establishmentName: r.establishmentName,
    uai: r.uai,
    address: r.address,
    communeName: r.commune.name,
    contact: { name: r.requesterName, role: r.requesterRole as "cpe", email: r.email, phone: r.phone },
    topics: r.topics as CounsellorCollegeSessionView["topics"],
    otherTopic: r.otherTopic,
    constraints: r.constraints,
    classes: view.classes,
    counsellors: view.counsellors.map((c) => c.displayName),
    report:
      s.activity && s.reportedAt
        ? {
            activityRecordId: s.activity.id,
            reportedAt: s.reportedAt,
            topicsCovered: s.topicsCovered as CounsellorCollegeSessionView["topics"],
            remarks: s.remarks,
            durationMinutes: s.activity.durationMinutes,
          }
        : null,
  };
}
