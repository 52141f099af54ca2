import { z } from "zod";
import { valueList, type ValueOf } from "../shared/value-list.js";
import { emailSchema, isCleanText } from "../shared/schemas.js";

export const roles = valueList([
  { value: "admin", label: "Administrateur", hint: "Gère les comptes et tous les paramètres." },
  { value: "coordinator", label: "Coordinateur ou coordinatrice", hint: "Pilote l'équipe, planifie, trie les demandes." },
  { value: "counsellor", label: "Conseiller ou conseillère numérique", hint: "Accompagne le public et enregistre son activité." },
]);
export type Role = ValueOf<typeof roles>;

/** Staff roles may steer; counsellors use the PWA. */
export const STAFF_ROLES: readonly Role[] = ["admin", "coordinator"];
export function isStaff(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}

export const PASSWORD_MIN_LENGTH = 12;

export const loginInput = z.object({
  email: emailSchema,
  password: z
    .string({ error: "Indiquez votre mot de passe." })
    .min(1, { error: "Indiquez votre mot de passe." })
    .max(200, { error: "Le mot de passe est trop long (200 caractères au maximum)." })
    .refine((s) => isCleanText(s), { error: "Le mot de passe contient un caractère invisible ou invalide." }),
});
export type LoginInput = z.infer<typeof loginInput>;

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { error: `Le mot de passe doit contenir au moins ${PASSWORD_MIN_LENGTH} caractères.` })
  .max(200, { error: "Le mot de passe est trop long (200 caractères au maximum)." })
  .refine((s) => isCleanText(s), { error: "Le mot de passe ne peut pas contenir de caractère invisible (tabulation, retour à la ligne…) ni de caractère invalide." });

export const sessionUser = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: roles.schema,
  counsellorId: z.uuid().nullable(),
  /** Password given, TOTP code still owed: nothing but the code step, logout and me is open. */
  secondFactorPending: z.literal(true).optional(),
});
export type SessionUser = z.infer<typeof sessionUser>;
