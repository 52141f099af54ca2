import { z } from "zod";
import { addParisDays, instantToParisDay, parisDayTimeToInstant, parisMidnight } from "../shared/clock.js";
import { valueList, type ValueOf } from "../shared/value-list.js";
import { dayField, hhmmSchema, inseeCodeSchema, isoDateSchema, optionalText, uuidSchema } from "../shared/schemas.js";
import { COLLEGE_SESSION_MAX_MINUTES, COLLEGE_SESSION_MIN_MINUTES, MAX_COUNSELLORS_PER_SESSION } from "../college/schedule.js";
import { collegeRequestFields, collegeTopics, OTHER_TOPIC_MISSING, otherTopicNamed } from "../college/request.js";
import { busyKinds } from "../college/busy-kinds.js";

// A published slot: a date the coordination offers to collèges, booked at once on the portal
// (the booking becomes the same scheduled session as a triaged request).

export const collegeSlotStatuses = valueList([
  { value: "open", label: "Publié" },
  { value: "withdrawn", label: "Retiré" },
]);
export type CollegeSlotStatus = ValueOf<typeof collegeSlotStatuses>;

/** Weekdays a bulk publication may use (ISO numbers, Monday = 1). */
export const slotWeekdays = valueList([
  { value: "1", label: "Lundi" },
  { value: "2", label: "Mardi" },
  { value: "3", label: "Mercredi" },
  { value: "4", label: "Jeudi" },
  { value: "5", label: "Vendredi" },
]);

export const MAX_SLOT_CLASSES = 30;
/** One publication makes at most this many slots (a school term of mornings and afternoons). */
export const MAX_SLOTS_PER_PUBLICATION = 200;
export const MAX_SLOT_DEADLINE_DAYS = 60;

/**
 * A bulk publication: every chosen weekday between two days, at each chosen time. "Every Tuesday
 * and Thursday morning in January, counsellors X and Y" is one of these.
 */
export const publishSlotsInput = z
  .object({
    from: dayField("Du"),
    to: dayField("Au"),
    weekdays: z.array(slotWeekdays.choice("Jours : cochez des jours de la semaine.")).min(1, { error: "Jours : cochez au moins un jour de la semaine." }),
    times: z.array(hhmmSchema).min(1, { error: "Heures : indiquez au moins une heure de début." }).max(6, { error: "Heures : 6 au plus par jour." }),
    durationMinutes: z
      .number({ error: "Durée : indiquez la durée en minutes." })
      .int({ error: "Durée : un nombre entier de minutes." })
      .min(COLLEGE_SESSION_MIN_MINUTES, { error: `Durée : au moins ${COLLEGE_SESSION_MIN_MINUTES} minutes.` })
      .max(COLLEGE_SESSION_MAX_MINUTES, { error: "Durée : 4 heures au plus." }),
    topics: z.array(collegeTopics.choice("Sujets : cochez des sujets de la liste.")).min(1, { error: "Sujets : cochez au moins un sujet proposé." }),
    counsellorIds: z
      .array(uuidSchema)
      .min(1, { error: "Conseillers : choisissez au moins un conseiller ou une conseillère." })
      .max(MAX_COUNSELLORS_PER_SESSION, { error: `Conseillers : ${MAX_COUNSELLORS_PER_SESSION} au plus par créneau.` }),
    capacityClasses: z
      .number({ error: "Classes accueillies : indiquez un nombre." })
      .int({ error: "Classes accueillies : un nombre entier." })
      .min(1, { error: "Classes accueillies : au moins 1." })
      .max(MAX_SLOT_CLASSES, { error: `Classes accueillies : ${MAX_SLOT_CLASSES} au plus.` }),
    /** Both empty: the whole département. */
    communeInsees: z.array(inseeCodeSchema).max(200).default([]),
    epciCodes: z.array(z.string().regex(/^\d{9}$/, { error: "Intercommunalité invalide : choisissez-la dans la liste." })).max(50).default([]),
    /** Bookings close at midnight starting this many days before the slot's day; none: until it starts. */
    deadlineDays: z
      .number({ error: "Délai de réservation : indiquez un nombre de jours." })
      .int({ error: "Délai de réservation : un nombre entier de jours." })
      .min(0, { error: "Délai de réservation : 0 jour au moins." })
      .max(MAX_SLOT_DEADLINE_DAYS, { error: `Délai de réservation : ${MAX_SLOT_DEADLINE_DAYS} jours au plus.` })
      .optional(),
    /** The coordinator saw the counsellors' conflicts and publishes anyway. */
    confirmConflicts: z.boolean().default(false),
  })
  .refine((p) => p.from <= p.to, { error: "Au : choisissez une date de fin égale ou postérieure au début.", path: ["to"] })
  .refine((p) => p.to < p.from || slotDaysCount(p.from, p.to) <= 190, {
    error: "Au : une publication couvre 6 mois au plus.",
    path: ["to"],
  })
  .refine((p) => new Set(p.times).size === p.times.length, { error: "Heures : une même heure est indiquée deux fois.", path: ["times"] });
export type PublishSlotsInput = z.input<typeof publishSlotsInput>;

function slotDaysCount(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** ISO weekday (Monday = 1) of a calendar day. */
export function isoWeekday(day: string): number {
  const d = new Date(`${day}T12:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The slots a bulk publication makes, in time order. */
export function expandSlotPattern(p: { from: string; to: string; weekdays: readonly string[]; times: readonly string[] }): { day: string; time: string }[] {
  const out: { day: string; time: string }[] = [];
  const times = [...p.times].sort();
  for (let day = p.from; day <= p.to; day = addParisDays(day, 1)) {
    if (!p.weekdays.includes(String(isoWeekday(day)))) continue;
    for (const time of times) out.push({ day, time });
  }
  return out;
}

/** When bookings of a slot on `day` close (none: when it starts). */
export function bookingClosesAt(day: string, deadlineDays: number | undefined): Date | null {
  if (deadlineDays === undefined) return null;
  return parisMidnight(addParisDays(day, -deadlineDays));
}

export function slotStartsAt(s: { day: string; time: string }): Date {
  return parisDayTimeToInstant(s.day, s.time);
}

export interface SlotState {
  status: string;
  startsAt: Date;
  bookingClosesAt: Date | null;
  capacityClasses: number;
  /** Classes already booked (sessions not cancelled). */
  classesTaken: number;
}

export function slotClassesLeft(s: Pick<SlotState, "capacityClasses" | "classesTaken">): number {
  return Math.max(0, s.capacityClasses - s.classesTaken);
}

/** Whether bookings are still accepted at `now` (capacity aside). */
export function slotBookingOpen(s: Pick<SlotState, "status" | "startsAt" | "bookingClosesAt">, now: Date): boolean {
  if (s.status !== "open") return false;
  if (now.getTime() >= s.startsAt.getTime()) return false;
  return !s.bookingClosesAt || now.getTime() < s.bookingClosesAt.getTime();
}

export type SlotRefusal = { reason: "withdrawn" | "closed" | "full" | "too_many"; message: string };

/** Why booking `classes` classes on this slot is refused at `now`, or null when it can be booked. */
export function slotBookingRefusal(s: SlotState, classes: number, now: Date): SlotRefusal | null {
  if (s.status !== "open") return { reason: "withdrawn", message: "Ce créneau a été retiré par l'équipe de coordination : faites une demande de séance, nous vous proposerons une date." };
  if (!slotBookingOpen(s, now)) {
    return { reason: "closed", message: "Les réservations de ce créneau sont closes : faites une demande de séance, nous vous proposerons une date." };
  }
  const left = slotClassesLeft(s);
  if (left === 0) return { reason: "full", message: "Ce créneau est complet : faites une demande de séance, nous vous proposerons une date." };
  if (classes > left) {
    return {
      reason: "too_many",
      message: `Ce créneau n'accueille plus que ${left} classe${left > 1 ? "s" : ""} : retirez des classes, ou faites une demande de séance pour toutes.`,
    };
  }
  return null;
}

/** A slot serves a commune when it names the commune, its intercommunalité, or nothing (whole département). */
export function slotServes(slot: { communeInsees: readonly string[]; epciCodes: readonly string[] }, commune: { inseeCode: string; epciCode: string | null }): boolean {
  if (slot.communeInsees.length === 0 && slot.epciCodes.length === 0) return true;
  return slot.communeInsees.includes(commune.inseeCode) || (!!commune.epciCode && slot.epciCodes.includes(commune.epciCode));
}

/** The portal's search: slots a collège of this commune can take, optionally by topic and from a day. */
export const slotSearchInput = z.object({
  communeInsee: inseeCodeSchema,
  topic: collegeTopics.schema.optional(),
  from: isoDateSchema.optional(),
});

/** Booking a slot: the request form's details (no periods: the slot is the date). */
export const bookSlotInput = collegeRequestFields
  .omit({ periods: true })
  .extend({ slotId: uuidSchema, constraints: optionalText("Contraintes", 2000, { multiline: true }) })
  .refine(otherTopicNamed, { error: OTHER_TOPIC_MISSING, path: ["otherTopic"] });
export type BookSlotInput = z.input<typeof bookSlotInput>;

export const slotIdInput = z.object({ slotId: uuidSchema });
export const withdrawSlotInput = z.object({ slotId: uuidSchema, reason: optionalText("Motif", 2000, { multiline: true }) });

export const slotListFilters = z.object({ from: isoDateSchema.optional(), to: isoDateSchema.optional() });

/** A published slot as a collège sees it. */
export const publicSlotView = z.object({
  id: z.uuid(),
  startsAt: z.date(),
  durationMinutes: z.number().int(),
  topics: z.array(collegeTopics.schema),
  capacityClasses: z.number().int(),
  classesLeft: z.number().int(),
  bookingClosesAt: z.date().nullable(),
  bookable: z.boolean(),
  /** "Tout le département", or the communes and intercommunalités served. */
  area: z.string(),
});
export type PublicSlotView = z.infer<typeof publicSlotView>;

/** A published slot as the coordination sees it, with who booked it. */
export const staffSlotView = publicSlotView.extend({
  status: collegeSlotStatuses.schema,
  counsellors: z.array(z.string()),
  bookings: z.array(
    z.object({
      requestId: z.uuid(),
      establishmentName: z.string(),
      communeName: z.string(),
      classes: z.number().int(),
      status: z.string(),
    }),
  ),
});
export type StaffSlotView = z.infer<typeof staffSlotView>;

export const publishSlotsResult = z.discriminatedUnion("outcome", [
  z.object({
    outcome: z.literal("conflicts"),
    slots: z.array(z.object({ day: z.string(), time: z.string() })),
    conflicts: z.array(
      z.object({
        slotIndex: z.number().int(),
        counsellorName: z.string(),
        kind: busyKinds.schema,
        title: z.string(),
        startsAt: z.date(),
        durationMinutes: z.number().int(),
      }),
    ),
  }),
  z.object({ outcome: z.literal("published"), count: z.number().int(), slotIds: z.array(z.uuid()) }),
]);
export type PublishSlotsResult = z.infer<typeof publishSlotsResult>;

/** The day a slot falls on, for grouping on the portal. */
export function slotDay(s: { startsAt: Date }): string {
  return instantToParisDay(s.startsAt);
}
