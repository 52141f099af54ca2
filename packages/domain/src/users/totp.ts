import { z } from "zod";
import { isCleanText, uuidSchema } from "../shared/schemas.js";

// Second factor of administrators: TOTP (RFC 6238, the codes of any authenticator app) and
// single-use recovery codes for a lost phone.

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted on either side of the server's clock (a phone a little early or late). */
export const TOTP_DRIFT_STEPS = 1;
export const RECOVERY_CODE_COUNT = 10;
/** No 0/O nor 1/I: read aloud or copied from paper without doubt. 32 signs: 5 bits each. */
export const RECOVERY_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
/** 16 signs = 80 bits: a stolen hash cannot be brute-forced back to the code. */
export const RECOVERY_CODE_LENGTH = 16;

/** The code as stored (hashed) and compared: capitals, no spaces nor dashes. */
export function normaliseSecondFactorCode(code: string): string {
  return code.replace(/[\s-]/g, "").toUpperCase();
}

/** "ABCD-EFGH-JKLM-NPQR": how a recovery code is shown. */
export function formatRecoveryCode(code: string): string {
  return normaliseSecondFactorCode(code).match(/.{1,4}/g)?.join("-") ?? "";
}

export function isTotpCode(code: string): boolean {
  return new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(code);
}

export function isRecoveryCode(code: string): boolean {
  return new RegExp(`^[${RECOVERY_CODE_ALPHABET}]{${RECOVERY_CODE_LENGTH}}$`).test(code);
}

const TOTP_MESSAGE = `Saisissez les ${TOTP_DIGITS} chiffres affichés par votre application d'authentification.`;
const SECOND_FACTOR_MESSAGE = `Saisissez les ${TOTP_DIGITS} chiffres affichés par votre application d'authentification, ou l'un de vos codes de secours (${RECOVERY_CODE_LENGTH} caractères).`;

function codeText(message: string) {
  return z
    .string({ error: message })
    .max(40, { error: message })
    .refine((s) => isCleanText(s), { error: message, abort: true })
    .transform(normaliseSecondFactorCode);
}

/** A current code of the authenticator app only (setting it up proves the app has the secret). */
export const totpCodeInput = z.object({ code: codeText(TOTP_MESSAGE).refine(isTotpCode, { error: TOTP_MESSAGE }) });
export type TotpCodeInput = z.input<typeof totpCodeInput>;

/** At login or to switch TOTP off: a code of the app, or one of the recovery codes. */
export const secondFactorInput = z.object({
  code: codeText(SECOND_FACTOR_MESSAGE).refine((c) => isTotpCode(c) || isRecoveryCode(c), { error: SECOND_FACTOR_MESSAGE }),
});
export type SecondFactorInput = z.input<typeof secondFactorInput>;

export const totpResetInput = z.object({ userId: uuidSchema });

export const totpStatusView = z.object({
  enabled: z.boolean(),
  enabledAt: z.date().nullable(),
  recoveryCodesLeft: z.number().int(),
});
export type TotpStatusView = z.infer<typeof totpStatusView>;

/** Shown once, while setting up: the secret is never sent again afterwards. */
export const totpSetupView = z.object({
  /** Base32, for typing into the app by hand. */
  secret: z.string(),
  /** otpauth:// address the QR code carries. */
  otpauthUrl: z.string(),
  /** The QR code as an SVG image in a data: URL (no outside service sees the secret). */
  qrCodeDataUrl: z.string(),
});
export type TotpSetupView = z.infer<typeof totpSetupView>;

export const recoveryCodesView = z.object({ recoveryCodes: z.array(z.string()) });

export const totpAdminView = z.object({
  id: z.uuid(),
  displayName: z.string(),
  email: z.string(),
  totpEnabledAt: z.date().nullable(),
});
export type TotpAdminView = z.infer<typeof totpAdminView>;

/** data.details of the refusal a half-logged-in session gets: the app shows the code step. */
export const SECOND_FACTOR_REQUIRED = "secondFactorRequired";
