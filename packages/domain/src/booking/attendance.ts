import { z } from "zod";
import { cleanText, requiredText, uuidSchema } from "../shared/schemas.js";
import { MAX_SEATS_PER_BOOKING } from "./registration.js";

// Attendance check-in by the counsellor running the session, online or later from the offline
// queue: every action is idempotent (marking twice gives the same result; a walk-in carries the
// id its device generated, so replaying it creates nothing new).

export const attendanceMarks = ["present", "absent"] as const;

export const attendanceInput = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("mark"),
    sessionId: uuidSchema,
    registrationId: uuidSchema,
    mark: z.enum(attendanceMarks, { error: "Indiquez présent ou absent." }),
  }),
  z.object({
    kind: z.literal("walk_in"),
    sessionId: uuidSchema,
    /** Generated on the device: the idempotency key of this walk-in. */
    clientId: uuidSchema,
    firstName: requiredText("Prénom", 100),
    lastName: cleanText("Nom").max(100, { error: "Nom : 100 caractères au maximum." }).default(""),
    seats: z
      .number({ error: "Indiquez le nombre de personnes." })
      .int()
      .min(1, { error: "Au moins une personne." })
      .max(MAX_SEATS_PER_BOOKING * 3, { error: "12 personnes au maximum par ajout." }),
  }),
]);
export type AttendanceInput = z.input<typeof attendanceInput>;

export const attendanceRegistration = z.object({
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  seats: z.number().int(),
  status: z.string(),
  source: z.string(),
  need: z.string().nullable(),
});

export const attendanceSheetView = z.object({
  session: z.object({
    id: z.uuid(),
    title: z.string(),
    startsAt: z.date(),
    durationMinutes: z.number().int(),
    capacity: z.number().int(),
    status: z.string(),
    place: z.object({ name: z.string(), communeName: z.string() }),
  }),
  registrations: z.array(attendanceRegistration),
  /** People counted as present (registrations marked present plus walk-ins, in seats). */
  presentCount: z.number().int(),
});
export type AttendanceSheetView = z.infer<typeof attendanceSheetView>;

export const attendanceResultView = z.object({
  registrationId: z.uuid(),
  status: z.string(),
  presentCount: z.number().int(),
  activityRecordId: z.uuid(),
});

/** Present people of a session: the seats of registrations marked present (walk-ins included). */
export function countPresent(regs: readonly { status: string; seats: number }[]): number {
  return regs.filter((r) => r.status === "attended").reduce((n, r) => n + r.seats, 0);
}
