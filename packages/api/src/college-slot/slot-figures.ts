import type { PrismaClient } from "@medianum/db";
import { instantToParisDay, parisDayRange, type SlotFiguresView } from "@medianum/domain";
import { schoolYearOf } from "../college/figures.js";
import { areaLabeller, classesTakenBySlot } from "./list-slots.js";

type Fill = { slots: number; capacityClasses: number; bookedClasses: number };
const empty = (): Fill => ({ slots: 0, capacityClasses: 0, bookedClasses: 0 });

/**
 * Steering of the published slots over a period (school year by default): classes booked out of
 * classes offered, by month and by the territory served; and the collèges that neither booked
 * nor requested in the period. No official list of the département's collèges is kept (none is
 * published as a package), so "collèges" are those that ever booked or requested.
 */
export async function slotFigures(prisma: PrismaClient, range: { from?: string | undefined; to?: string | undefined }, now: Date): Promise<SlotFiguresView> {
  const year = schoolYearOf(now);
  const from = range.from ?? year.from;
  const to = range.to ?? year.to;
  const { start, end } = parisDayRange(from, to);
  const slots = await prisma.collegeSlot.findMany({
    where: { status: "open", startsAt: { gte: start, lt: end } },
    select: { id: true, startsAt: true, capacityClasses: true, communeInsees: true, epciCodes: true },
    orderBy: { startsAt: "asc" },
  });
  const taken = await classesTakenBySlot(prisma, slots.map((s) => s.id));
  const area = await areaLabeller(prisma, slots);
  const totals = empty();
  const byMonth = new Map<string, Fill>();
  const byTerritory = new Map<string, Fill>();
  for (const s of slots) {
    const booked = Math.min(taken.get(s.id) ?? 0, s.capacityClasses);
    for (const row of [totals, at(byMonth, instantToParisDay(s.startsAt).slice(0, 7)), at(byTerritory, area(s))]) {
      row.slots += 1;
      row.capacityClasses += s.capacityClasses;
      row.bookedClasses += booked;
    }
  }

  const [known, active] = await Promise.all([
    prisma.collegeRequest.findMany({
      orderBy: { createdAt: "desc" },
      distinct: ["uai"],
      select: { uai: true, establishmentName: true, createdAt: true, commune: { select: { name: true } } },
    }),
    prisma.collegeRequest.findMany({ where: { createdAt: { gte: start, lt: end } }, distinct: ["uai"], select: { uai: true } }),
  ]);
  const reached = new Set(active.map((r) => r.uai));
  return {
    from,
    to,
    totals,
    byMonth: [...byMonth].sort(([a], [b]) => a.localeCompare(b)).map(([month, f]) => ({ month, ...f })),
    byTerritory: [...byTerritory].sort(([a], [b]) => a.localeCompare(b, "fr")).map(([territory, f]) => ({ territory, ...f })),
    notReached: known
      .filter((k) => !reached.has(k.uai))
      .map((k) => ({ uai: k.uai, establishmentName: k.establishmentName, communeName: k.commune.name, lastContactAt: k.createdAt }))
      .sort((a, b) => a.communeName.localeCompare(b.communeName, "fr") || a.establishmentName.localeCompare(b.establishmentName, "fr")),
    collegesSource: "known",
  };
}

function at(m: Map<string, Fill>, key: string): Fill {
  let row = m.get(key);
  if (!row) m.set(key, (row = empty()));
  return row;
}
