import { Prisma } from "@medianum/db";
import { dateColumnToDay, dayToDateColumn, prescriptionRefusal, type PassPrescription } from "@medianum/domain";
import { UserFacingError } from "../shared/errors.js";

type Tx = Prisma.TransactionClient;

type Prescribed = { id: string; chequeNumbers: string[]; created: boolean };

/** The prescription already stored under this id, if it is mine. */
async function samePrescription(tx: Tx, counsellorId: string, id: string): Promise<Prescribed | null> {
  const existing = await tx.passPrescription.findUnique({ where: { id }, select: { counsellorId: true, cheques: { select: { number: true } } } });
  if (!existing) return null;
  if (existing.counsellorId !== counsellorId) throw new UserFacingError("BAD_REQUEST", "Cet identifiant de prescription est déjà utilisé.", { field: "id" });
  return { id, chequeNumbers: existing.cheques.map((c) => c.number).sort(), created: false };
}

/**
 * Gives cheques of my stock to a person, inside the caller's transaction. The id comes from the
 * device and is claimed first (ON CONFLICT DO NOTHING): the same prescription sent twice at once
 * waits for the first, then answers with it. The cheques' rows are locked next, so the same cheque
 * prescribed from two phones at once goes to one person only.
 */
export async function prescribeCheques(tx: Tx, counsellorId: string, input: PassPrescription): Promise<Prescribed> {
  const earlier = await samePrescription(tx, counsellorId, input.id);
  if (earlier) return earlier;
  const { count } = await tx.passPrescription.createMany({
    data: [{ id: input.id, counsellorId, prescribedOn: dayToDateColumn(input.prescribedOn), need: input.need }],
    skipDuplicates: true,
  });
  if (count === 0) {
    const concurrent = await samePrescription(tx, counsellorId, input.id);
    if (!concurrent) throw new UserFacingError("CONFLICT", "Cette prescription vient d'être modifiée ailleurs : réessayez.");
    return concurrent;
  }
  const locked = await tx.$queryRaw<Array<{ id: string; number: string; status: string; counsellorId: string | null; expiresOn: Date | null }>>(
    Prisma.sql`SELECT id, number, status, "counsellorId", "expiresOn" FROM "PassCheque" WHERE number IN (${Prisma.join(input.chequeNumbers)}) ORDER BY number FOR UPDATE`,
  );
  const byNumber = new Map(locked.map((c) => [c.number, c]));
  // The device checks the same rule against its copy of my stock before queueing.
  const refused = prescriptionRefusal(input, (n) => {
    const c = byNumber.get(n);
    return c && { status: c.status, expiresOn: c.expiresOn ? dateColumnToDay(c.expiresOn) : null, mine: c.counsellorId === counsellorId };
  });
  // Thrown inside the transaction: the claimed id goes away with it.
  if (refused) throw new UserFacingError("BAD_REQUEST", refused.message, { field: "chequeNumbers" });
  await tx.passCheque.updateMany({
    where: { number: { in: input.chequeNumbers }, counsellorId, status: "in_stock" },
    data: { status: "prescribed", prescriptionId: input.id },
  });
  return { id: input.id, chequeNumbers: [...input.chequeNumbers].sort(), created: true };
}
