import { z } from "zod";
import { busyKinds } from "./busy-kinds.js";
import { isoDateSchema } from "../shared/schemas.js";
import { classLevels, collegeTopics, requesterRoles } from "./request.js";
import { collegeRequestStatuses } from "./request-status.js";
import { sessionStatuses } from "../workshop/workshop.js";

export const collegeRequestListItem = z.object({
  id: z.uuid(),
  uai: z.string(),
  establishmentName: z.string(),
  communeName: z.string(),
  requesterName: z.string(),
  status: collegeRequestStatuses.schema,
  topics: z.array(collegeTopics.schema),
  classesCount: z.number().int(),
  pupils: z.number().int(),
  createdAt: z.date(),
});

const actorType = z.enum(["staff", "college", "counsellor"]);

/** A scheduled collège session as staff, the collège and the counsellor see it. */
export const collegeSessionView = z.object({
  id: z.uuid(),
  startsAt: z.date(),
  durationMinutes: z.number().int(),
  room: z.string().nullable(),
  status: sessionStatuses.schema,
  reportedAt: z.date().nullable(),
  classes: z.array(z.object({ id: z.uuid(), level: classLevels.schema, name: z.string().nullable(), pupils: z.number().int(), pupilsPresent: z.number().int().nullable() })),
  counsellors: z.array(z.object({ id: z.uuid(), displayName: z.string() })),
});
export type CollegeSessionView = z.infer<typeof collegeSessionView>;

export const collegeMessageView = z.object({
  author: z.enum(["college", "staff"]),
  body: z.string(),
  createdAt: z.date(),
});

export const collegeRequestDetail = z.object({
  id: z.uuid(),
  uai: z.string(),
  establishmentName: z.string(),
  address: z.string().nullable(),
  communeName: z.string(),
  requesterName: z.string(),
  requesterRole: requesterRoles.schema,
  email: z.string(),
  phone: z.string().nullable(),
  status: collegeRequestStatuses.schema,
  declineReason: z.string().nullable(),
  topics: z.array(collegeTopics.schema),
  otherTopic: z.string().nullable(),
  periods: z.array(z.object({ from: z.string(), to: z.string() })),
  constraints: z.string().nullable(),
  createdAt: z.date(),
  classes: z.array(z.object({ id: z.uuid(), level: classLevels.schema, name: z.string().nullable(), pupils: z.number().int() })),
  events: z.array(
    z.object({
      fromStatus: collegeRequestStatuses.schema.nullable(),
      toStatus: collegeRequestStatuses.schema,
      actorType,
      /** Staff member or counsellor who made the change (null for the collège). */
      actorName: z.string().nullable(),
      reason: z.string().nullable(),
      createdAt: z.date(),
    }),
  ),
  sessions: z.array(collegeSessionView),
  messages: z.array(collegeMessageView),
  /** Statuses staff may move the request to from here. */
  allowedTransitions: z.array(collegeRequestStatuses.schema),
});

/** What the collège sees through its tracking link: its own request, nobody else's data. */
export const collegeTrackingView = z.object({
  establishmentName: z.string(),
  requesterName: z.string(),
  status: collegeRequestStatuses.schema,
  declineReason: z.string().nullable(),
  createdAt: z.date(),
  topics: z.array(collegeTopics.schema),
  otherTopic: z.string().nullable(),
  periods: z.array(z.object({ from: z.string(), to: z.string() })),
  classes: z.array(z.object({ level: classLevels.schema, name: z.string().nullable(), pupils: z.number().int() })),
  sessions: z.array(
    z.object({
      startsAt: z.date(),
      durationMinutes: z.number().int(),
      room: z.string().nullable(),
      address: z.string().nullable(),
      communeName: z.string(),
      status: sessionStatuses.schema,
      classes: z.array(z.string()),
      counsellors: z.array(z.string()),
    }),
  ),
  history: z.array(z.object({ toStatus: collegeRequestStatuses.schema, actorType, reason: z.string().nullable(), createdAt: z.date() })),
  messages: z.array(collegeMessageView),
  canCancel: z.boolean(),
  canMessage: z.boolean(),
});
export type CollegeTrackingView = z.infer<typeof collegeTrackingView>;

export const collegeSubmitResult = z.object({ requestId: z.uuid(), trackingToken: z.string(), email: z.string() });


/** A counsellor already busy at a planned time. */
export const counsellorConflict = z.object({
  /** Index of the planned session in the submitted list. */
  sessionIndex: z.number().int(),
  counsellorId: z.uuid(),
  counsellorName: z.string(),
  kind: busyKinds.schema,
  title: z.string(),
  startsAt: z.date(),
  durationMinutes: z.number().int(),
});
export type CounsellorConflict = z.infer<typeof counsellorConflict>;

/** A planned session outside the periods the collège asked for (see sessionsOutsidePeriods). */
export const periodWarning = z.object({ sessionIndex: z.number().int(), day: z.string() });

/** "conflicts": counsellors busy or days outside the requested periods, nothing saved yet. */
export const scheduleResult = z.discriminatedUnion("outcome", [
  z.object({
    outcome: z.literal("conflicts"),
    conflicts: z.array(counsellorConflict),
    outsidePeriods: z.array(periodWarning),
    requestedPeriods: z.array(z.object({ from: z.string(), to: z.string() })),
  }),
  z.object({ outcome: z.literal("scheduled"), sessionIds: z.array(z.uuid()), conflicts: z.array(counsellorConflict), outsidePeriods: z.array(periodWarning) }),
]);

export const counsellorChoice = z.object({ id: z.uuid(), displayName: z.string() });

/** A collège session assigned to the counsellor, with what they need on the day and for the report. */
export const counsellorCollegeSessionView = z.object({
  id: z.uuid(),
  startsAt: z.date(),
  durationMinutes: z.number().int(),
  room: z.string().nullable(),
  status: sessionStatuses.schema,
  establishmentName: z.string(),
  uai: z.string(),
  address: z.string().nullable(),
  communeName: z.string(),
  contact: z.object({ name: z.string(), role: requesterRoles.schema, email: z.string(), phone: z.string().nullable() }),
  topics: z.array(collegeTopics.schema),
  otherTopic: z.string().nullable(),
  constraints: z.string().nullable(),
  classes: z.array(z.object({ id: z.uuid(), level: classLevels.schema, name: z.string().nullable(), pupils: z.number().int(), pupilsPresent: z.number().int().nullable() })),
  counsellors: z.array(z.string()),
  report: z
    .object({ activityRecordId: z.uuid(), reportedAt: z.date(), topicsCovered: z.array(collegeTopics.schema), remarks: z.string().nullable(), durationMinutes: z.number().int() })
    .nullable(),
});
export type CounsellorCollegeSessionView = z.infer<typeof counsellorCollegeSessionView>;

export const collegeReportResult = z.object({
  activityRecordId: z.uuid(),
  version: z.number().int(),
  requestStatus: collegeRequestStatuses.schema,
  /** The session had already been reported: nothing new was stored. */
  alreadyReported: z.boolean(),
});
export type CollegeReportResult = z.infer<typeof collegeReportResult>;

export const collegeFiguresInput = z.object({ from: isoDateSchema.optional(), to: isoDateSchema.optional() });

const figureRow = { colleges: z.number().int(), sessions: z.number().int(), pupils: z.number().int() };
/** Sessions delivered (reported) in the range: collèges reached, sessions, pupils present. */
export const collegeFiguresView = z.object({
  from: z.string(),
  to: z.string(),
  totals: z.object(figureRow),
  byTopic: z.array(z.object({ topic: collegeTopics.schema, ...figureRow })),
  /** "2026-09" in the département's time zone. */
  byMonth: z.array(z.object({ month: z.string(), ...figureRow })),
});
export type CollegeFiguresView = z.infer<typeof collegeFiguresView>;
