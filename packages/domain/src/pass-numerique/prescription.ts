import { z } from "zod";
import { isoDateSchema, requiredText, uuidSchema } from "../shared/schemas.js";
import { passChequeStatuses } from "./cheque.js";
import type { Refusal } from "../shared/refusal.js";

/** A number as printed on a cheque, e.g. "PN47-000123"; typed by hand, so spaces and case are forgiven. */
export const chequeNumberSchema = z
  .string()
  .trim()
  .toUpperCase()
  .transform((s) => s.replace(/\s+/g, ""))
  .pipe(z.string().regex(/^[A-Z0-9][A-Z0-9-]{2,31}$/, { error: "Numéro de chèque invalide (par exemple PN47-000123)." }));

/** At most this many cheques for one person at once (a typical training course needs 1 to 5). */
export const MAX_CHEQUES_PER_PRESCRIPTION = 10;

/**
 * Cheques handed to a person. The id is generated on the device (prescriptions can be made
 * offline). No name is kept: the cheques themselves go with the person; we keep the need only.
 */
export const passPrescriptionInput = z
  .object({
    id: uuidSchema,
    prescribedOn: isoDateSchema,
    need: requiredText("Besoin de la personne", 500, { multiline: true }),
    chequeNumbers: z
      .array(chequeNumberSchema)
      .min(1, { error: "Choisissez au moins un chèque." })
      .max(MAX_CHEQUES_PER_PRESCRIPTION, { error: `${MAX_CHEQUES_PER_PRESCRIPTION} chèques au maximum pour une personne.` }),
  })
  .refine((p) => new Set(p.chequeNumbers).size === p.chequeNumbers.length, {
    error: "Le même chèque est indiqué deux fois.",
    path: ["chequeNumbers"],
  });
export type PassPrescriptionInput = z.input<typeof passPrescriptionInput>;
export type PassPrescription = z.output<typeof passPrescriptionInput>;

/** A cheque of my stock, as kept on the device. */
export const passChequeView = z.object({
  number: z.string(),
  status: passChequeStatuses.schema,
  expiresOn: z.string().nullable(),
  prescriptionId: z.uuid().nullable(),
});
export type PassChequeView = z.infer<typeof passChequeView>;

export const passPrescriptionView = z.object({
  id: z.uuid(),
  prescribedOn: z.string(),
  need: z.string(),
  chequeNumbers: z.array(z.string()),
});
export type PassPrescriptionView = z.infer<typeof passPrescriptionView>;

/** Back-office: stock and use per counsellor. */
export const passStockRow = z.object({
  counsellorId: z.uuid(),
  counsellorName: z.string(),
  allotted: z.number().int(),
  inStock: z.number().int(),
  prescribed: z.number().int(),
  used: z.number().int(),
  expired: z.number().int(),
  prescriptions: z.number().int(),
  lastPrescribedOn: z.string().nullable(),
});
export const passStockView = z.object({
  unallotted: z.number().int(),
  rows: z.array(passStockRow),
});
export type PassStockView = z.infer<typeof passStockView>;

/** Counts of a list of cheques by status. */
export function countCheques(cheques: ReadonlyArray<{ status: string }>) {
  const out = { in_stock: 0, prescribed: 0, used: 0, expired: 0 };
  for (const c of cheques) if (c.status in out) out[c.status as keyof typeof out] += 1;
  return out;
}

/** Whether a cheque can still be given on a day: in stock and not past its expiry date. */
export function chequeUsableOn(cheque: { status: string; expiresOn: string | null }, day: string): boolean {
  return cheque.status === "in_stock" && (cheque.expiresOn === null || cheque.expiresOn >= day);
}

/** A cheque as the side checking a prescription sees it; `mine`: allotted to the prescribing counsellor. */
export interface ChequeForPrescription {
  status: string;
  expiresOn: string | null;
  mine: boolean;
}

/**
 * Whether these cheques can be given on `prescribedOn`; null when they can. `find` gives a cheque
 * by number, or undefined when it is unknown: the server reads its locked rows, the device its
 * copy of my stock.
 */
export function prescriptionRefusal(
  input: { chequeNumbers: readonly string[]; prescribedOn: string },
  find: (number: string) => ChequeForPrescription | undefined,
): Refusal | null {
  const problems: string[] = [];
  for (const n of input.chequeNumbers) {
    const c = find(n);
    if (!c || !c.mine) problems.push(`Le chèque ${n} n'est pas dans votre stock.`);
    else if (c.status !== "in_stock") problems.push(`Le chèque ${n} a déjà été ${c.status === "expired" ? "déclaré expiré" : "prescrit"}.`);
    else if (!chequeUsableOn(c, input.prescribedOn)) problems.push(`Le chèque ${n} est expiré à cette date.`);
  }
  return problems.length ? { message: problems.join(" "), field: "chequeNumbers" } : null;
}
