import { z } from "zod";
import { optionalText, requiredText } from "../shared/schemas.js";

/** The token of a tracking link: 256 random bits in base64url (43 characters). */
export const trackingTokenSchema = z
  .string({ error: "Lien de suivi invalide." })
  .trim()
  .regex(/^[A-Za-z0-9_-]{32,128}$/, { error: "Lien de suivi invalide : vérifiez qu'il a été copié en entier." });

export const trackingInput = z.object({ token: trackingTokenSchema });

export const collegeMessageInput = z.object({
  token: trackingTokenSchema,
  body: requiredText("Votre message", 4000, { multiline: true }),
});

export const collegeCancelInput = z.object({
  token: trackingTokenSchema,
  reason: optionalText("Motif de l'annulation", 2000, { multiline: true }),
});
