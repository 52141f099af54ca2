import { dateColumnToDay, passChequeView, passPrescriptionView, passStockView } from "@medianum/domain";
import { z } from "zod";
import { counsellorProcedure, router, staffProcedure } from "../trpc.js";
import { myPass } from "./my-pass.js";

const isoDay = (d: Date | null) => (d ? dateColumnToDay(d) : null);

export const passNumeriqueRouter = router({
  /** My cheques and my prescriptions (the device keeps them to prescribe offline). */
  mine: counsellorProcedure
    .output(z.object({ cheques: z.array(passChequeView), prescriptions: z.array(passPrescriptionView) }))
    .query(({ ctx }) => myPass(ctx.db.prisma, ctx.counsellorId)),

  /** Back-office: the département's stock, and each counsellor's allotment and use. */
  stock: staffProcedure.output(passStockView).query(async ({ ctx }) => {
    const { prisma } = ctx.db;
    const [unallotted, byStatus, counsellors, prescriptions] = await Promise.all([
      prisma.passCheque.count({ where: { counsellorId: null, status: "in_stock" } }),
      prisma.passCheque.groupBy({ by: ["counsellorId", "status"], where: { counsellorId: { not: null } }, _count: { _all: true } }),
      prisma.counsellor.findMany({ select: { id: true, user: { select: { displayName: true } } } }),
      prisma.passPrescription.groupBy({ by: ["counsellorId"], _count: { _all: true }, _max: { prescribedOn: true } }),
    ]);
    const rows = counsellors
      .map((c) => {
        const mine = byStatus.filter((g) => g.counsellorId === c.id);
        const n = (s: string) => mine.find((g) => g.status === s)?._count._all ?? 0;
        const p = prescriptions.find((g) => g.counsellorId === c.id);
        return {
          counsellorId: c.id,
          counsellorName: c.user.displayName,
          allotted: mine.reduce((a, g) => a + g._count._all, 0),
          inStock: n("in_stock"),
          prescribed: n("prescribed"),
          used: n("used"),
          expired: n("expired"),
          prescriptions: p?._count._all ?? 0,
          lastPrescribedOn: isoDay(p?._max.prescribedOn ?? null),
        };
      })
      .filter((r) => r.allotted > 0)
      .sort((a, b) => a.counsellorName.localeCompare(b.counsellorName, "fr"));
    return { unallotted, rows };
  }),
});
