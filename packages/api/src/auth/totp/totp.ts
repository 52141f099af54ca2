import { randomInt } from "node:crypto";
import {
  formatRecoveryCode,
  RECOVERY_CODE_ALPHABET,
  RECOVERY_CODE_COUNT,
  RECOVERY_CODE_LENGTH,
  TOTP_DIGITS,
  TOTP_DRIFT_STEPS,
  TOTP_PERIOD_SECONDS,
} from "@medianum/domain";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { hashToken } from "../../shared/tokens.js";

/** Shown as the account's name in the authenticator app. */
export const TOTP_ISSUER = "Médianum";

/** 160 random bits in base32, the size RFC 4226 recommends for SHA-1. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUrl(secret: string, label: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label, secret, digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS });
}

/** The QR code drawn here as SVG: the secret never leaves the server for an outside QR service. */
export async function qrCodeDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/**
 * The time step of `code` if it is a current code of `secret` (±TOTP_DRIFT_STEPS) of a later step
 * than `lastStep` (the last one accepted for the account: a code is good once), otherwise null.
 */
export async function verifyTotpCode(secret: string, code: string, now: Date, lastStep: number | null): Promise<number | null> {
  const result = await verify({
    secret,
    token: code,
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOTP_DRIFT_STEPS * TOTP_PERIOD_SECONDS,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

/** Ten codes of 80 random bits each, formatted for reading; only their hashes are stored. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    formatRecoveryCode(Array.from({ length: RECOVERY_CODE_LENGTH }, () => RECOVERY_CODE_ALPHABET[randomInt(RECOVERY_CODE_ALPHABET.length)]).join("")),
  );
}

/** SHA-256 is enough here (no slow hash): 80 random bits cannot be guessed back from it. */
export function hashRecoveryCode(normalisedCode: string): string {
  return hashToken(`totp-recovery:${normalisedCode}`);
}
