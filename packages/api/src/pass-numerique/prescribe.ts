import { Prisma } from "@medianum/db";
import { chequeUsableOn, type PassPrescription } from "@medianum/domain";
import { UserFacingError } from "../shared/errors.js";

type Tx = Prisma.TransactionClient;

/**
 * Gives cheques of my stock to a person. The cheques' rows are locked first, so the same cheque
 * prescribed from two phones at once goes to one person only; the id comes from the device.
 */
export async function prescribeCheques(tx: Tx, counsellorId: string, input: PassPrescription): Promise<{ id: string; chequeNumbers: string[] }> {
  const existing = await tx.passPrescription.findUnique({ where: { id: input.id }, select: { counsellorId: true, cheques: { select: { number: true } } } });
  if (existing) {
    if (existing.counsellorId !== counsellorId) throw new UserFacingError("BAD_REQUEST", "Cet identifiant de prescription est déjà utilisé.", { field: "id" });
    return { id: input.id, chequeNumbers: existing.cheques.map((c) => c.number).sort() };
  }
  const locked = await tx.$queryRaw<Array<{ id: string; number: string; status: string; counsellorId: string | null; expiresOn: Date | null }>>(
    Prisma.sql`SELECT id, number, status, "counsellorId", "expiresOn" FROM "PassCheque" WHERE number IN (${Prisma.join(input.chequeNumbers)}) ORDER BY number FOR UPDATE`,
  );
  const byNumber = new Map(locked.map((c) => [c.number, c]));
  const problems: string[] = [];
  for (const n of input.chequeNumbers) {
    const c = byNumber.get(n);
    if (!c || c.counsellorId !== counsellorId) problems.push(`Le chèque ${n} n'est pas dans votre stock.`);
    else if (c.status !== "in_stock") problems.push(`Le chèque ${n} a déjà été ${c.status === "expired" ? "déclaré expiré" : "prescrit"}.`);
    else if (!chequeUsableOn({ status: c.status, expiresOn: c.expiresOn ? c.expiresOn.toISOString().slice(0, 10) : null }, input.prescribedOn)) {
      problems.push(`Le chèque ${n} est expiré à cette date.`);
    }
  }
  if (problems.length) throw new UserFacingError("BAD_REQUEST", problems.join(" "), { field: "chequeNumbers" });
  await tx.passPrescription.create({
    data: { id: input.id, counsellorId, prescribedOn: new Date(`${input.prescribedOn}T00:00:00Z`), need: input.need },
  });
  await tx.passCheque.updateMany({
    where: { number: { in: input.chequeNumbers }, counsellorId, status: "in_stock" },
    data: { status: "prescribed", prescriptionId: input.id },
  });
  return { id: input.id, chequeNumbers: [...input.chequeNumbers].sort() };
}
