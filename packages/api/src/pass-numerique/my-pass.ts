import { dateColumnToDay, type PassChequeView } from "@medianum/domain";
import type { PrismaClient } from "@medianum/db";

const isoDay = (d: Date | null) => (d ? dateColumnToDay(d) : null);

/** A counsellor's cheques and latest prescriptions (the device keeps them to prescribe offline). */
export async function myPass(prisma: PrismaClient, counsellorId: string) {
  const [cheques, prescriptions] = await Promise.all([
    prisma.passCheque.findMany({ where: { counsellorId }, orderBy: { number: "asc" } }),
    prisma.passPrescription.findMany({
      where: { counsellorId },
      orderBy: [{ prescribedOn: "desc" }, { createdAt: "desc" }],
      take: 200,
      include: { cheques: { select: { number: true }, orderBy: { number: "asc" } } },
    }),
  ]);
  return {
    cheques: cheques.map((c) => ({
      number: c.number,
      status: c.status as PassChequeView["status"],
      expiresOn: isoDay(c.expiresOn),
      prescriptionId: c.prescriptionId,
    })),
    prescriptions: prescriptions.map((p) => ({ id: p.id, prescribedOn: isoDay(p.prescribedOn)!, need: p.need, chequeNumbers: p.cheques.map((c) => c.number) })),
  };
}

