import { z } from "zod";
import { valueList, type ValueOf } from "../shared/value-list.js";
import { emailSchema, instantSchema, isoDateSchema, linkTokenSchema, optionalText, requiredText, searchText, uuidSchema, phoneSchema } from "../shared/schemas.js";
import { passwordSchema, roles } from "../users/roles.js";

/** Single-use links sent by e-mail (UserToken.kind). */
export const userTokenKinds = valueList([
  { value: "invite", label: "Invitation" },
  { value: "password_reset", label: "Réinitialisation du mot de passe" },
]);
export type UserTokenKind = ValueOf<typeof userTokenKinds>;

/** How long a link stays usable: long enough to reach the mailbox, short enough to limit a leak. */
export const USER_TOKEN_TTL_HOURS: Record<UserTokenKind, number> = { invite: 24 * 7, password_reset: 24 };

/** Path of the page that sets a password from a link (in the back-office app). */
export const SET_PASSWORD_PATH = "/pilotage/mot-de-passe";

const epciCodes = z.array(z.string().regex(/^\d{9}$/, { error: "Code d'EPCI invalide." })).max(40);

export const inviteInput = z.object({
  email: emailSchema,
  displayName: requiredText("Nom affiché", 120),
  role: roles.schema,
});
export type InviteInput = z.input<typeof inviteInput>;

export const userIdInput = z.object({ userId: uuidSchema });

/**
 * Without an SMTP server, the link of an invitation or reset is given once, in the answer to the
 * administrator who asked for it, to hand over in person; with SMTP it is only e-mailed (null).
 */
export const userLinkHandover = z.object({ url: z.string(), expiresAt: z.date() }).nullable();
export const inviteResult = z.object({ id: z.uuid(), handover: userLinkHandover });
export const resetPasswordResult = z.object({ ok: z.literal(true), handover: userLinkHandover });
export const changeRoleInput = z.object({ userId: uuidSchema, role: roles.schema });

export const postInput = z
  .object({
    counsellorId: uuidSchema,
    postStartsOn: isoDateSchema.nullish(),
    postEndsOn: isoDateSchema.nullish(),
    territoryEpciCodes: epciCodes.default([]),
    usualPlaceId: uuidSchema.nullish(),
    phone: z.union([phoneSchema, z.literal("")]).nullish().transform((p) => (p ? p : null)),
  })
  .refine((p) => !p.postStartsOn || !p.postEndsOn || p.postStartsOn <= p.postEndsOn, {
    error: "La fin de poste doit suivre le début.",
    path: ["postEndsOn"],
  });
export type PostInput = z.input<typeof postInput>;

/** The link an invited or reset person opens, before choosing a password. */
export const checkLinkInput = z.object({ token: linkTokenSchema("Ce lien n'est pas valide.") });

export const setPasswordInput = z
  .object({
    token: linkTokenSchema("Ce lien n'est pas valide."),
    password: passwordSchema,
    confirmation: z.string({ error: "Confirmez le mot de passe." }).max(200, { error: "Les deux mots de passe ne sont pas identiques." }),
  })
  .refine((p) => p.password === p.confirmation, { error: "Les deux mots de passe ne sont pas identiques.", path: ["confirmation"] });

export const teamMemberView = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: roles.schema,
  disabled: z.boolean(),
  /** Invited and has never logged in yet. */
  pendingInvite: z.boolean(),
  lastLoginAt: z.date().nullable(),
  counsellor: z
    .object({
      id: z.uuid(),
      phone: z.string().nullable(),
      postStartsOn: z.string().nullable(),
      postEndsOn: z.string().nullable(),
      territoryEpciCodes: z.array(z.string()),
      usualPlaceId: z.uuid().nullable(),
    })
    .nullable(),
});
export type TeamMemberView = z.infer<typeof teamMemberView>;

export const auditFilters = z.object({
  actorUserId: uuidSchema.optional(),
  /** "team" matches every "team.*" action. */
  action: searchText("Action", 80),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  cursor: z.object({ at: instantSchema("Position dans le journal"), id: uuidSchema }).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export const auditEntryView = z.object({
  id: z.uuid(),
  at: z.date(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  /** What the entry is about, named for people (a person, a session and its date, a collège…); null when gone. */
  entityLabel: z.string().nullable(),
  details: z.string().nullable(),
  ip: z.string().nullable(),
});

export const optionalNote = optionalText("Note", 500, { multiline: true });
