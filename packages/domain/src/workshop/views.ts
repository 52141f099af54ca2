import { z } from "zod";
import { registrationStatuses } from "../booking/registration.js";
import { sessionStatuses } from "./workshop.js";

export const counsellorRef = z.object({ id: z.uuid(), displayName: z.string() });

export const staffSessionView = z.object({
  id: z.uuid(),
  workshopId: z.uuid(),
  title: z.string(),
  startsAt: z.date(),
  durationMinutes: z.number().int(),
  capacity: z.number().int(),
  seatsTaken: z.number().int(),
  waitlisted: z.number().int(),
  status: sessionStatuses.schema,
  place: z.object({ id: z.uuid(), name: z.string(), communeName: z.string() }),
  counsellors: z.array(counsellorRef),
});
export type StaffSessionView = z.infer<typeof staffSessionView>;

export const registrationView = z.object({
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  seats: z.number().int(),
  status: registrationStatuses.schema,
  need: z.string().nullable(),
  createdAt: z.date(),
  source: z.string(),
});

export const sessionRegistrationsView = z.object({
  session: staffSessionView,
  registrations: z.array(registrationView),
});
