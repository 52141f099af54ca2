import { Prisma, type PrismaClient } from "@medianum/db";
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
import { scopeLabel, scopeSql, type ScopeSql } from "./scope.js";

// Every figure is an aggregate computed by PostgreSQL; no activity row is loaded into JavaScript.
// Days are calendar days in Europe/Paris: instants (sessions, cheque use) are compared with the
// period's bounds converted to instants, so that the indexes on those columns are used.

const instantRange = parisDaysSql;

const ACTIVITY_WITH_COMMUNE = Prisma.sql`
  FROM "ActivityRecord" a
  LEFT JOIN "Place" p ON p.id = a."placeId"
  LEFT JOIN "Commune" c ON c."inseeCode" = COALESCE(p."communeInsee", a."communeInsee")`;

/** The commune join is only needed to filter by territory; without it a year is one index range scan. */
function activityFrom(f: StatsFilters): Prisma.Sql {
  return f.scope === "epci" || f.scope === "commune" ? ACTIVITY_WITH_COMMUNE : Prisma.sql`FROM "ActivityRecord" a`;
}

function activityWhere(s: ScopeSql, from: string, to: string): Prisma.Sql {
  return Prisma.sql`WHERE a.date >= ${from}::date AND a.date <= ${to}::date AND ${s.activity}`;
}

/** The ten headline figures for one period and scope. */
export async function computeTotals(prisma: PrismaClient, f: StatsFilters, from: string, to: string): Promise<DashboardTotals> {
  const s = scopeSql(f);
  const [act] = await prisma.$queryRaw<
    Array<{ individual: number; collective: number; participants: number; minutes: number; anonymous: number; followed: number }>
  >`
    SELECT
      COUNT(*) FILTER (WHERE a.type = 'Individuel')::int AS individual,
      COUNT(*) FILTER (WHERE a.type = 'Collectif')::int AS collective,
      COALESCE(SUM(a."participantsCount") FILTER (WHERE a.type = 'Collectif'), 0)::int AS participants,
      COALESCE(SUM(a."durationMinutes"), 0)::int AS minutes,
      COUNT(*) FILTER (WHERE a.type = 'Individuel' AND a."beneficiaryId" IS NULL)::int AS anonymous,
      COUNT(DISTINCT a."beneficiaryId") FILTER (WHERE a.type = 'Individuel')::int AS followed
    ${activityFrom(f)}
    ${activityWhere(s, from, to)}`;

  const [college] = await prisma.$queryRaw<Array<{ colleges: number; pupils: number }>>`
    SELECT COUNT(DISTINCT cr.uai)::int AS colleges,
           COALESCE(SUM(COALESCE(csc."pupilsPresent", cc.pupils)), 0)::int AS pupils
    FROM "CollegeSession" cs
    JOIN "CollegeRequest" cr ON cr.id = cs."requestId"
    JOIN "Commune" rc ON rc."inseeCode" = cr."communeInsee"
    LEFT JOIN "CollegeSessionClass" csc ON csc."sessionId" = cs.id
    LEFT JOIN "CollegeClass" cc ON cc.id = csc."classId"
    WHERE cs.status = 'done' AND ${instantRange(Prisma.sql`cs."startsAt"`, from, to)} AND ${s.collegeSession}`;

  const [parents] = await prisma.$queryRaw<Array<{ parents: number }>>`
    SELECT COALESCE(SUM(r.seats), 0)::int AS parents
    FROM "Registration" r
    JOIN "WorkshopSession" ws ON ws.id = r."sessionId"
    JOIN "Place" wp ON wp.id = ws."placeId"
    JOIN "Commune" wc ON wc."inseeCode" = wp."communeInsee"
    WHERE r.status = 'attended' AND ws.status <> 'cancelled'
      AND ${instantRange(Prisma.sql`ws."startsAt"`, from, to)} AND ${s.workshopSession}`;

  const [pass] = await prisma.$queryRaw<Array<{ prescribed: number; used: number }>>`
    SELECT
      (SELECT COUNT(*)::int FROM "PassCheque" pc
         JOIN "PassPrescription" pp ON pp.id = pc."prescriptionId"
         LEFT JOIN "Beneficiary" pb ON pb.id = pp."beneficiaryId"
        WHERE pp."prescribedOn" >= ${from}::date AND pp."prescribedOn" <= ${to}::date AND ${s.prescription}) AS prescribed,
      (SELECT COUNT(*)::int FROM "PassCheque" pc
         JOIN "PassPrescription" pp ON pp.id = pc."prescriptionId"
         LEFT JOIN "Beneficiary" pb ON pb.id = pp."beneficiaryId"
        WHERE pc.status = 'used' AND ${instantRange(Prisma.sql`pc."usedAt"`, from, to)} AND ${s.prescription}) AS used`;

  return {
    peopleHelped: act!.anonymous + act!.followed + act!.participants,
    individualAccompaniments: act!.individual,
    collectiveWorkshops: act!.collective,
    workshopParticipants: act!.participants,
    minutes: act!.minutes,
    collegesReached: college!.colleges,
    collegePupils: college!.pupils,
    parentsReached: parents!.parents,
    passPrescribed: pass!.prescribed,
    passUsed: pass!.used,
  };
}

async function breakdowns(prisma: PrismaClient, f: StatsFilters) {
  const s = scopeSql(f);
  const where = activityWhere(s, f.from, f.to);
  const [byMonth, byTheme, byCounsellor, byPlace] = await Promise.all([
    prisma.$queryRaw<Array<{ month: string; individual: number; collective: number; participants: number; minutes: number }>>`
      SELECT to_char(date_trunc('month', a.date), 'YYYY-MM') AS month,
             COUNT(*) FILTER (WHERE a.type = 'Individuel')::int AS individual,
             COUNT(*) FILTER (WHERE a.type = 'Collectif')::int AS collective,
             COALESCE(SUM(a."participantsCount") FILTER (WHERE a.type = 'Collectif'), 0)::int AS participants,
             COALESCE(SUM(a."durationMinutes"), 0)::int AS minutes
      ${activityFrom(f)} ${where}
      GROUP BY 1 ORDER BY 1`,
    prisma.$queryRaw<Array<{ theme: string; records: number; people: number }>>`
      SELECT t.theme, COUNT(*)::int AS records, COALESCE(SUM(a."participantsCount"), 0)::int AS people
      ${activityFrom(f)} CROSS JOIN LATERAL unnest(a.themes) AS t(theme) ${where}
      GROUP BY 1 ORDER BY 2 DESC, 1`,
    prisma.$queryRaw<
      Array<{ counsellorId: string; name: string; individual: number; collective: number; participants: number; minutes: number }>
    >`
      SELECT a."counsellorId"::text AS "counsellorId", u."displayName" AS name,
             COUNT(*) FILTER (WHERE a.type = 'Individuel')::int AS individual,
             COUNT(*) FILTER (WHERE a.type = 'Collectif')::int AS collective,
             COALESCE(SUM(a."participantsCount") FILTER (WHERE a.type = 'Collectif'), 0)::int AS participants,
             COALESCE(SUM(a."durationMinutes"), 0)::int AS minutes
      ${activityFrom(f)}
      JOIN "Counsellor" co ON co.id = a."counsellorId"
      JOIN "User" u ON u.id = co."userId"
      ${where}
      GROUP BY 1, 2 ORDER BY 2`,
    prisma.$queryRaw<Array<{ key: string; records: number; people: number }>>`
      SELECT COALESCE(p.type, 'lieu:' || a."locationType") AS key, COUNT(*)::int AS records,
             COALESCE(SUM(a."participantsCount"), 0)::int AS people
      ${ACTIVITY_WITH_COMMUNE} ${where}
      GROUP BY 1 ORDER BY 2 DESC, 1`,
  ]);
  const monthsOfPeriod = months(f.from, f.to);
  const monthMap = new Map(byMonth.map((m) => [m.month, m]));
  return {
    // Every month of the period appears, zero when nothing was recorded, so a chart shows the gaps.
    byMonth: monthsOfPeriod.map((month) => monthMap.get(month) ?? { month, individual: 0, collective: 0, participants: 0, minutes: 0 }),
    byTheme: byTheme.map((t) => ({ ...t, label: mediationThemes.has(t.theme) ? mediationThemes.label(t.theme) : t.theme })),
    byCounsellor,
    byPlaceType: byPlace.map((p) => ({ ...p, label: placeKeyLabel(p.key) })),
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
export async function objectivesFor(prisma: PrismaClient, f: StatsFilters): Promise<{ year: number | null; values: Map<string, number> }> {
  const year = f.scope === "departement" ? yearOfPeriod(f.from, f.to) : null;
  if (year === null) return { year: null, values: new Map() };
  const rows = await prisma.yearlyObjective.findMany({ where: { year } });
  return { year, values: new Map(rows.map((r) => [r.metric, r.value])) };
}

export async function dashboard(prisma: PrismaClient, f: StatsFilters): Promise<DashboardView> {
  const previousPeriod = previousYearPeriod(f.from, f.to);
  const [label, current, previous, objectives, parts] = await Promise.all([
    scopeLabel(prisma, f),
    computeTotals(prisma, f, f.from, f.to),
    computeTotals(prisma, f, previousPeriod.from, previousPeriod.to),
    objectivesFor(prisma, f),
    breakdowns(prisma, f),
  ]);
  return {
    period: { from: f.from, to: f.to },
    previousPeriod,
    scopeLabel: label,
    objectivesYear: objectives.year,
    figures: dashboardMetrics.values.map((metric: DashboardMetric) => ({
      metric,
      value: metricValue(current, metric),
      previous: metricValue(previous, metric),
      objective: objectives.values.get(metric) ?? null,
    })),
    ...parts,
  };
}
