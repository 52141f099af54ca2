import { Prisma, type Database } from "@medianum/db";
import {
  dashboardMetrics,
  locationTypes,
  mediationThemes,
  metricValue,
  placeTypes,
  previousYearPeriod,
  yearOfPeriod,
  type DashboardMetric,
  type DashboardTotals,
  type DashboardView,
  type StatsFilters,
} from "@medianum/domain";
import { parisDaysSql } from "../shared/paris-range.js";
import { activityFigures, rows, type ActivityTotals } from "./activity-figures.js";
import { scopeLabel, scopeSql, type ScopeSql } from "./scope.js";

// Every figure is an aggregate computed by PostgreSQL; no activity row is loaded into JavaScript.
// The activity figures come from monthly rollups (activity-figures.ts); seven statements in all, in
// parallel. They run on the plain SQL runner, not through Prisma: once the rollups made the SQL a
// few milliseconds, Prisma's own cost per query (its WebAssembly compiler and interpreter, several
// milliseconds each on this machine) was most of the page's time.
// Days are calendar days in Europe/Paris: instants (sessions, cheque use) are compared with the
// period's bounds converted to instants, so that the indexes on those columns are used.

const instantRange = parisDaysSql;

/** The non-activity headline figures (collèges, e-parentalité, Pass numérique) of one period, in one statement. */
async function otherTotals(db: Database, s: ScopeSql, from: string, to: string) {
  const [row] = await rows<{ colleges: number; pupils: number; parents: number; prescribed: number; used: number }>(
    db,
    Prisma.sql`
    SELECT college.colleges, college.pupils,
      (SELECT COALESCE(SUM(r.seats), 0)::int
         FROM "Registration" r
         JOIN "WorkshopSession" ws ON ws.id = r."sessionId"
         JOIN "Place" wp ON wp.id = ws."placeId"
         JOIN "Commune" wc ON wc."inseeCode" = wp."communeInsee"
        WHERE r.status = 'attended' AND ws.status <> 'cancelled'
          AND ${instantRange(Prisma.sql`ws."startsAt"`, from, to)} AND ${s.workshopSession}) AS parents,
      (SELECT COUNT(*)::int FROM "PassCheque" pc
         JOIN "PassPrescription" pp ON pp.id = pc."prescriptionId"
         LEFT JOIN "Beneficiary" pb ON pb.id = pp."beneficiaryId"
        WHERE pp."prescribedOn" >= ${from}::date AND pp."prescribedOn" <= ${to}::date AND ${s.prescription}) AS prescribed,
      (SELECT COUNT(*)::int FROM "PassCheque" pc
         JOIN "PassPrescription" pp ON pp.id = pc."prescriptionId"
         LEFT JOIN "Beneficiary" pb ON pb.id = pp."beneficiaryId"
        WHERE pc.status = 'used' AND ${instantRange(Prisma.sql`pc."usedAt"`, from, to)} AND ${s.prescription}) AS used
    FROM (
      SELECT COUNT(DISTINCT cr.uai)::int AS colleges,
             COALESCE(SUM(COALESCE(csc."pupilsPresent", cc.pupils)), 0)::int AS pupils
      FROM "CollegeSession" cs
      JOIN "CollegeRequest" cr ON cr.id = cs."requestId"
      JOIN "Commune" rc ON rc."inseeCode" = cr."communeInsee"
      LEFT JOIN "CollegeSessionClass" csc ON csc."sessionId" = cs.id
      LEFT JOIN "CollegeClass" cc ON cc.id = csc."classId"
      WHERE cs.status = 'done' AND ${instantRange(Prisma.sql`cs."startsAt"`, from, to)} AND ${s.collegeSession}
    ) college`,
  );
  return row!;
}

function totals(a: ActivityTotals, o: Awaited<ReturnType<typeof otherTotals>>): DashboardTotals {
  return {
    peopleHelped: a.anonymous + a.followed + a.participants,
    individualAccompaniments: a.individual,
    collectiveWorkshops: a.collective,
    workshopParticipants: a.participants,
    minutes: a.minutes,
    collegesReached: o.colleges,
    collegePupils: o.pupils,
    parentsReached: o.parents,
    passPrescribed: o.prescribed,
    passUsed: o.used,
  };
}

function placeKeyLabel(key: string): string {
  if (key.startsWith("lieu:")) {
    const loc = key.slice(5);
    return locationTypes.has(loc) ? `Sans lieu enregistré — ${locationTypes.label(loc)}` : "Sans lieu enregistré";
  }
  return placeTypes.has(key) ? placeTypes.label(key) : key;
}

function months(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** Objectives apply to the whole département for one calendar year. */
export async function objectivesFor(db: Database, f: StatsFilters): Promise<{ year: number | null; values: Map<string, number> }> {
  const year = f.scope === "departement" ? yearOfPeriod(f.from, f.to) : null;
  if (year === null) return { year: null, values: new Map() };
  const objectives = await rows<{ metric: string; value: number }>(db, Prisma.sql`SELECT metric, value FROM "YearlyObjective" WHERE year = ${year}`);
  return { year, values: new Map(objectives.map((r) => [r.metric, r.value])) };
}

export async function dashboard(db: Database, f: StatsFilters): Promise<DashboardView> {
  const previousPeriod = previousYearPeriod(f.from, f.to);
  const s = scopeSql(f);
  const [label, activity, current, previous, objectives] = await Promise.all([
    scopeLabel(db, f),
    activityFigures(db, f, s, previousPeriod),
    otherTotals(db, s, f.from, f.to),
    otherTotals(db, s, previousPeriod.from, previousPeriod.to),
    objectivesFor(db, f),
  ]);
  const currentTotals = totals(activity.current, current);
  const previousTotals = totals(activity.previous, previous);
  const monthMap = new Map(activity.byMonth.map((m) => [m.month, m]));
  return {
    period: { from: f.from, to: f.to },
    previousPeriod,
    scopeLabel: label,
    objectivesYear: objectives.year,
    figures: dashboardMetrics.values.map((metric: DashboardMetric) => ({
      metric,
      value: metricValue(currentTotals, metric),
      previous: metricValue(previousTotals, metric),
      objective: objectives.values.get(metric) ?? null,
    })),
    // Every month of the period appears, zero when nothing was recorded, so a chart shows the gaps.
    byMonth: months(f.from, f.to).map((month) => monthMap.get(month) ?? { month, individual: 0, collective: 0, participants: 0, minutes: 0 }),
    byTheme: activity.byTheme.map((t) => ({ ...t, label: mediationThemes.has(t.theme) ? mediationThemes.label(t.theme) : t.theme })),
    byCounsellor: activity.byCounsellor,
    byPlaceType: activity.byPlaceKey.map((p) => ({ ...p, label: placeKeyLabel(p.key) })),
  };
}
