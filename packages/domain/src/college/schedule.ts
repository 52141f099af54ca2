import { z } from "zod";
import { hhmmSchema, isoDateSchema, optionalText, requiredText, searchText, uuidSchema } from "../shared/schemas.js";
import { collegeRequestStatuses } from "./request-status.js";
import { collegeTopics } from "./request.js";

/** A collège hour is 55 minutes; sessions last one or more of them. */
export const COLLEGE_SESSION_MIN_MINUTES = 30;
export const COLLEGE_SESSION_MAX_MINUTES = 240;
export const MAX_COUNSELLORS_PER_SESSION = 4;

/** One session the coordinator plans: which classes, when, where in the collège, with whom. */
export const plannedSessionSchema = z.object({
  classIds: z.array(uuidSchema).min(1, { error: "Cochez au moins une classe." }),
  day: isoDateSchema,
  time: hhmmSchema,
  durationMinutes: z
    .number({ error: "Indiquez la durée en minutes." })
    .int({ error: "La durée se compte en minutes entières." })
    .min(COLLEGE_SESSION_MIN_MINUTES, { error: `Une séance dure au moins ${COLLEGE_SESSION_MIN_MINUTES} minutes.` })
    .max(COLLEGE_SESSION_MAX_MINUTES, { error: "Une séance dure 4 heures au plus." }),
  room: optionalText("Salle", 200),
  counsellorIds: z
    .array(uuidSchema)
    .min(1, { error: "Choisissez au moins un conseiller ou une conseillère." })
    .max(MAX_COUNSELLORS_PER_SESSION, { error: `${MAX_COUNSELLORS_PER_SESSION} intervenants au plus par séance.` }),
});
export type PlannedSession = z.output<typeof plannedSessionSchema>;

export const scheduleSessionsInput = z
  .object({
    requestId: uuidSchema,
    sessions: z.array(plannedSessionSchema).min(1, { error: "Programmez au moins une séance." }).max(30),
    /** Added to the e-mail sent to the collège. */
    message: optionalText("Message au collège", 2000, { multiline: true }),
    /** The coordinator saw the counsellors' conflicts and schedules anyway. */
    confirmConflicts: z.boolean().default(false),
  })
  .refine(
    (r) => {
      const ids = r.sessions.flatMap((s) => s.classIds);
      return new Set(ids).size === ids.length;
    },
    { error: "Une classe ne peut figurer que dans une seule des séances programmées ensemble.", path: ["sessions"] },
  );
export type ScheduleSessionsInput = z.input<typeof scheduleSessionsInput>;

export const declineInput = z.object({
  requestId: uuidSchema,
  reason: requiredText("Motif", 2000, { multiline: true }),
});

export const staffCancelInput = z.object({
  requestId: uuidSchema,
  reason: requiredText("Motif", 2000, { multiline: true }),
});

export const cancelSessionInput = z.object({
  sessionId: uuidSchema,
  reason: requiredText("Motif", 2000, { multiline: true }),
});

export const staffMessageInput = z.object({
  requestId: uuidSchema,
  body: requiredText("Message", 4000, { multiline: true }),
});

/** Back-office inbox filters; `from`/`to` keep requests whose preferred periods meet that range. */
export const collegeInboxFilters = z.object({
  status: collegeRequestStatuses.schema.optional(),
  topic: collegeTopics.schema.optional(),
  communeInsee: searchText("Commune", 5),
  epciCode: searchText("Intercommunalité", 9),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
});
export type CollegeInboxFilters = z.infer<typeof collegeInboxFilters>;

/** Statuses in the order the coordinator deals with them (open work first). */
export const INBOX_STATUS_ORDER = ["received", "under_review", "scheduled", "done", "declined", "cancelled"] as const;

/** Whether a request's preferred periods meet [from, to] (calendar days, inclusive; either bound may be open). */
export function periodsMeet(periods: readonly { from: string; to: string }[], from?: string, to?: string): boolean {
  if (!from && !to) return true;
  return periods.some((p) => (!to || p.from <= to) && (!from || p.to >= from));
}

/** Two time slots overlap when each starts before the other ends (touching slots do not). */
export function slotsOverlap(a: { startsAt: Date; durationMinutes: number }, b: { startsAt: Date; durationMinutes: number }): boolean {
  const aEnd = a.startsAt.getTime() + a.durationMinutes * 60_000;
  const bEnd = b.startsAt.getTime() + b.durationMinutes * 60_000;
  return a.startsAt.getTime() < bEnd && b.startsAt.getTime() < aEnd;
}

/** A planned session on a day outside every period the collège asked for. */
export interface PeriodWarning {
  /** Index of the planned session in the submitted list. */
  sessionIndex: number;
  day: string;
}

/**
 * Planned sessions that fall outside the collège's preferred periods (calendar days in Paris,
 * bounds included). A request without periods asked for no particular time: nothing to warn of.
 * Only a warning, like a counsellor's conflict: the collège may have agreed to another date.
 */
export function sessionsOutsidePeriods(periods: readonly { from: string; to: string }[], sessions: readonly { day: string }[]): PeriodWarning[] {
  if (periods.length === 0) return [];
  return sessions.flatMap((s, sessionIndex) => (periods.some((p) => p.from <= s.day && s.day <= p.to) ? [] : [{ sessionIndex, day: s.day }]));
}
