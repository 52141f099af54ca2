import { z } from "zod";
import { bookingFields, CONTACT_REQUIRED_MESSAGE } from "../booking/registration.js";
import { requiredText, searchText, uuidSchema } from "../shared/schemas.js";
import { valueList } from "../shared/value-list.js";
import { audiences, sessionStatuses, workshopThemes } from "./workshop.js";

// Inputs and views of the staff side: registrations managed by the coordination team, outbox.

/** A registration taken by phone or at the desk: consent is collected orally, waitlist allowed. */
export const staffBookingInput = bookingFields
  .omit({ consent: true, website: true })
  .extend({ acceptWaitlist: z.boolean().default(true) })
  .refine((b) => !!b.email || !!b.phone, { error: CONTACT_REQUIRED_MESSAGE, path: ["email"] });
export type StaffBookingInput = z.input<typeof staffBookingInput>;

export const staffCancelRegistrationInput = z.object({
  registrationId: uuidSchema,
  /** Tell the parent by e-mail (default yes). */
  notify: z.boolean().default(true),
});

export const moveRegistrationInput = z.object({
  registrationId: uuidSchema,
  toSessionId: uuidSchema,
});

export const workshopView = z.object({
  id: z.uuid(),
  title: z.string(),
  theme: workshopThemes.schema,
  audience: audiences.schema,
  description: z.string(),
  whatToBring: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  isPublic: z.boolean(),
  upcomingSessions: z.number().int(),
});
export type WorkshopView = z.infer<typeof workshopView>;

export const staffSessionDetail = z.object({
  id: z.uuid(),
  workshopId: z.uuid(),
  startsAt: z.date(),
  durationMinutes: z.number().int(),
  placeId: z.uuid(),
  capacity: z.number().int(),
  accessInfo: z.string().nullable(),
  counsellorIds: z.array(z.uuid()),
  status: sessionStatuses.schema,
  cancelReason: z.string().nullable(),
});

export const outboxStatuses = ["pending", "sent", "failed"] as const;
export const outboxStatusLabels: Record<(typeof outboxStatuses)[number], string> = {
  pending: "En attente d'envoi",
  sent: "Envoyé",
  failed: "Échec",
};

export const outboxFilter = z.object({
  status: z.enum(outboxStatuses).optional(),
  search: searchText("Recherche", 200),
  page: z.number().int().min(0).max(10_000).default(0),
});

/**
 * Personal links an e-mail may carry (OutboxEmail.linkKind). The link's token is created when the
 * message leaves for the SMTP server and never stored: staff see the message without it.
 */
export const personalLinkKinds = valueList([
  { value: "set_password", label: "Lien pour choisir un mot de passe" },
  { value: "manage_registration", label: "Lien pour gérer une inscription" },
  { value: "college_tracking", label: "Lien de suivi d'une demande de collège" },
  { value: "feedback", label: "Lien vers le questionnaire d'avis" },
]);

/** What the outbox viewer shows where a message's personal link goes. */
export const PERSONAL_LINK_MASK = "[lien personnel masqué]";

export const outboxItemView = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  status: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
  /** A pending message that failed waits until then before its next attempt. */
  nextAttemptAt: z.date().nullable(),
  hasIcs: z.boolean(),
  /** The kind of personal link the message carries, never the link. */
  personalLink: personalLinkKinds.schema.nullable(),
  /** Sent messages keep only their envelope: the text was erased once delivered. */
  bodyErased: z.boolean(),
});
export const outboxListView = z.object({
  items: z.array(outboxItemView),
  total: z.number().int(),
  pageSize: z.number().int(),
  /** False when no SMTP server is configured: messages stay here for staff to read. */
  smtpConfigured: z.boolean(),
});
/** The staff dashboard's word on e-mail: how many wait to leave, how many gave up (to resend from Messages). */
export const outboxCountsView = z.object({
  pending: z.number().int(),
  /** Of the pending ones, those that failed at least once and wait for their next attempt. */
  retrying: z.number().int(),
  failed: z.number().int(),
  smtpConfigured: z.boolean(),
});
export type OutboxCountsView = z.infer<typeof outboxCountsView>;

/** `text` is null once the message was delivered; a personal link shows as PERSONAL_LINK_MASK. */
export const outboxMessageView = outboxItemView.extend({ text: z.string().nullable(), ics: z.string().nullable() });

export const placeChoice = z.object({ id: z.uuid(), name: z.string(), communeName: z.string() });

export const reasonText = requiredText("Motif", 500, { multiline: true });
