import { z } from "zod";

// UAI (ex-RNE) check letter: the 7-digit number modulo 23, read in an alphabet without I, O and Q
// (rule of the Répertoire national des établissements; e.g. 0750654 → D).
const UAI_ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ";

export function uaiCheckLetter(digits: string): string {
  if (!/^\d{7}$/.test(digits)) throw new RangeError("Un UAI commence par 7 chiffres.");
  return UAI_ALPHABET[Number(digits) % 23]!;
}

export type UaiProblem = "format" | "check_letter";

export function checkUai(raw: string): { ok: true; uai: string } | { ok: false; problem: UaiProblem } {
  const uai = raw.trim().toUpperCase().replace(/\s/g, "");
  if (!/^\d{7}[A-Z]$/.test(uai)) return { ok: false, problem: "format" };
  if (uaiCheckLetter(uai.slice(0, 7)) !== uai[7]) return { ok: false, problem: "check_letter" };
  return { ok: true, uai };
}

const UAI_MISSING = "Code UAI : indiquez le code de l'établissement (7 chiffres et une lettre, par exemple 0470040N).";

export const uaiSchema = z.string({ error: UAI_MISSING }).transform((raw, ctx) => {
  if (!raw.trim()) {
    ctx.addIssue({ code: "custom", message: UAI_MISSING });
    return z.NEVER;
  }
  const res = checkUai(raw);
  if (res.ok) return res.uai;
  ctx.addIssue({
    code: "custom",
    message:
      res.problem === "format"
        ? "Code UAI : tapez 7 chiffres suivis d'une lettre (exemple : 0470040N) ; il figure sur les courriers de l'établissement."
        : "Code UAI : la lettre finale ne correspond pas aux chiffres ; vérifiez le code sur un courrier de l'établissement.",
  });
  return z.NEVER;
});
