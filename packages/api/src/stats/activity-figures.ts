import { Prisma, type Database } from "@medianum/db";
import type { StatsFilters } from "@medianum/domain";
import type { ScopeSql } from "./scope.js";

// The activity side of the dashboard (ActivityRecord) for a period and the same period a year
// before, in three statements run together. Whole months are read from the monthly rollups that
// triggers on ActivityRecord keep exact in the write path (ActivityMonthStat, ActivityPlaceMonthStat,
// ActivityThemeMonthStat, ActivityPersonMonth: a year is a few thousand rows instead of every
// record); the days of a month that the period only partly covers are read from the records
// themselves. The rollups know the counsellor and the place but not the commune of a record
// without a place, so the territorial scopes (EPCI, commune) read the records, as before.

export interface Period {
  from: string;
  to: string;
}

/** What the rollups can answer for a period: its whole months, and the days left around them. */
export interface PeriodSplit {
  /** First day of the first and of the last whole month; none when firstMonth > lastMonth. */
  firstMonth: string;
  lastMonth: string;
  /** Day ranges (inclusive) to read from the records. */
  days: Period[];
}

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const dayOf = (d: string) => Date.parse(`${d}T00:00:00Z`);

export function splitPeriod({ from, to }: Period): PeriodSplit {
  const [fy, fm] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  // Date.UTC rolls month 12 over to January of the next year.
  const firstMonth = from.endsWith("-01") ? from : iso(Date.UTC(fy, fm, 1));
  const afterTo = iso(dayOf(to) + DAY);
  const lastMonth = afterTo.endsWith("-01") ? iso(Date.UTC(ty, tm - 1, 1)) : iso(Date.UTC(ty, tm - 2, 1));
  if (firstMonth > lastMonth) return { firstMonth, lastMonth, days: [{ from, to }] };
  const days: Period[] = [];
  if (from < firstMonth) days.push({ from, to: iso(dayOf(firstMonth) - DAY) });
  const afterLast = iso(Date.UTC(Number(lastMonth.slice(0, 4)), Number(lastMonth.slice(5, 7)), 1));
  if (afterLast <= to) days.push({ from: afterLast, to });
  return { firstMonth, lastMonth, days };
}

const flag = (cur: boolean) => (cur ? Prisma.sql`TRUE` : Prisma.sql`FALSE`);

const usesRollups = (f: StatsFilters) => f.scope === "departement" || f.scope === "counsellor";

/** The rollups' own scope condition (alias s): they have the counsellor, not the commune. */
function rollupScope(f: StatsFilters): Prisma.Sql {
  return f.scope === "counsellor" ? Prisma.sql`s."counsellorId" = ${f.scopeId!}::uuid` : Prisma.sql`TRUE`;
}

/**
 * Records on the given day ranges, joined to their place and commune when the scope needs it;
 * `themes` repeats each record once per theme (t.theme).
 */
function recordsOn(f: StatsFilters, s: ScopeSql, days: Period[], themes = false): Prisma.Sql {
  const ranges = days.length
    ? Prisma.join(
        days.map((d) => Prisma.sql`(a.date >= ${d.from}::date AND a.date <= ${d.to}::date)`),
        " OR ",
      )
    : Prisma.sql`FALSE`;
  const join =
    f.scope === "epci" || f.scope === "commune"
      ? Prisma.sql`LEFT JOIN "Place" p ON p.id = a."placeId" LEFT JOIN "Commune" c ON c."inseeCode" = COALESCE(p."communeInsee", a."communeInsee")`
      : Prisma.empty;
  const unnest = themes ? Prisma.sql`CROSS JOIN LATERAL unnest(a.themes) AS t(theme)` : Prisma.empty;
  return Prisma.sql`FROM "ActivityRecord" a ${join} ${unnest} WHERE (${ranges}) AND ${s.activity}`;
}

/** Rows shaped like ActivityMonthStat for one period, tagged cur = true for the current one. */
function monthRows(f: StatsFilters, s: ScopeSql, period: Period, cur: boolean): Prisma.Sql {
  const fromRecords = (days: Period[]) => Prisma.sql`
    SELECT ${flag(cur)} AS cur, date_trunc('month', a.date)::date AS month, a."counsellorId", a.type, 1 AS records,
           a."participantsCount" AS participants, a."durationMinutes" AS minutes, (a."beneficiaryId" IS NULL)::int AS anonymous
    ${recordsOn(f, s, days)}`;
  if (!usesRollups(f)) return fromRecords([period]);
  const split = splitPeriod(period);
  return Prisma.sql`
    SELECT ${flag(cur)} AS cur, s.month, s."counsellorId", s.type, s.records, s.participants, s.minutes, s.anonymous
    FROM "ActivityMonthStat" s
    WHERE s.month >= ${split.firstMonth}::date AND s.month <= ${split.lastMonth}::date AND ${rollupScope(f)}
    ${split.days.length ? Prisma.sql`UNION ALL ${fromRecords(split.days)}` : Prisma.empty}`;
}

/** Followed people (one row per individual record or person-month), tagged like monthRows. */
function personRows(f: StatsFilters, s: ScopeSql, period: Period, cur: boolean): Prisma.Sql {
  const fromRecords = (days: Period[]) => Prisma.sql`
    SELECT ${flag(cur)} AS cur, a."beneficiaryId" ${recordsOn(f, s, days)} AND a.type = 'Individuel' AND a."beneficiaryId" IS NOT NULL`;
  if (!usesRollups(f)) return fromRecords([period]);
  const split = splitPeriod(period);
  return Prisma.sql`
    SELECT ${flag(cur)} AS cur, s."beneficiaryId" FROM "ActivityPersonMonth" s
    WHERE s.month >= ${split.firstMonth}::date AND s.month <= ${split.lastMonth}::date AND ${rollupScope(f)}
    ${split.days.length ? Prisma.sql`UNION ALL ${fromRecords(split.days)}` : Prisma.empty}`;
}

/** Records and people per place (id, or "lieu:" + location type) over the current period. */
function placeRows(f: StatsFilters, s: ScopeSql, period: Period): Prisma.Sql {
  const fromRecords = (days: Period[]) => Prisma.sql`
    SELECT COALESCE(a."placeId"::text, 'lieu:' || a."locationType") AS "placeRef", 1 AS records, a."participantsCount" AS people
    ${recordsOn(f, s, days)}`;
  if (!usesRollups(f)) return fromRecords([period]);
  const split = splitPeriod(period);
  return Prisma.sql`
    SELECT s."placeRef", s.records, s.people FROM "ActivityPlaceMonthStat" s
    WHERE s.month >= ${split.firstMonth}::date AND s.month <= ${split.lastMonth}::date AND ${rollupScope(f)}
    ${split.days.length ? Prisma.sql`UNION ALL ${fromRecords(split.days)}` : Prisma.empty}`;
}

function themeRows(f: StatsFilters, s: ScopeSql, period: Period): Prisma.Sql {
  const fromRecords = (days: Period[]) => Prisma.sql`
    SELECT t.theme, 1 AS records, a."participantsCount" AS people ${recordsOn(f, s, days, true)}`;
  if (!usesRollups(f)) return fromRecords([period]);
  const split = splitPeriod(period);
  return Prisma.sql`
    SELECT s.theme, s.records, s.people FROM "ActivityThemeMonthStat" s
    WHERE s.month >= ${split.firstMonth}::date AND s.month <= ${split.lastMonth}::date AND ${rollupScope(f)}
    ${split.days.length ? Prisma.sql`UNION ALL ${fromRecords(split.days)}` : Prisma.empty}`;
}

export interface ActivityTotals {
  individual: number;
  collective: number;
  participants: number;
  minutes: number;
  anonymous: number;
  followed: number;
}

export interface ActivityFigures {
  current: ActivityTotals;
  previous: ActivityTotals;
  byMonth: Array<{ month: string; individual: number; collective: number; participants: number; minutes: number }>;
  byTheme: Array<{ theme: string; records: number; people: number }>;
  byCounsellor: Array<{ counsellorId: string; name: string; individual: number; collective: number; participants: number; minutes: number }>;
  byPlaceKey: Array<{ key: string; records: number; people: number }>;
}

const NO_ACTIVITY: ActivityTotals = { individual: 0, collective: 0, participants: 0, minutes: 0, anonymous: 0, followed: 0 };

type AggRow = {
  cur: boolean;
  part: "total" | "month" | "counsellor";
  month: string | null;
  counsellorId: string | null;
  name: string | null;
  individual: number;
  collective: number;
  participants: number;
  minutes: number;
  anonymous: number;
  followed: number | null;
};

/** Runs a Prisma.sql statement on the database's plain SQL runner (see dashboard.ts for why). */
export function rows<T>(db: Database, q: Prisma.Sql): Promise<T[]> {
  return db.sql.query<T>(q.text, q.values);
}

export async function activityFigures(db: Database, f: StatsFilters, s: ScopeSql, previous: Period): Promise<ActivityFigures> {
  const current: Period = { from: f.from, to: f.to };
  const [agg, byPlaceKey, byTheme] = await Promise.all([
    rows<AggRow>(db, Prisma.sql`
      WITH src AS (${monthRows(f, s, current, true)} UNION ALL ${monthRows(f, s, previous, false)}),
      people AS (${personRows(f, s, current, true)} UNION ALL ${personRows(f, s, previous, false)}),
      agg AS (
        SELECT cur, GROUPING(month, "counsellorId") AS g, month, "counsellorId",
               COALESCE(SUM(records) FILTER (WHERE type = 'Individuel'), 0)::int AS individual,
               COALESCE(SUM(records) FILTER (WHERE type = 'Collectif'), 0)::int AS collective,
               COALESCE(SUM(participants) FILTER (WHERE type = 'Collectif'), 0)::int AS participants,
               COALESCE(SUM(minutes), 0)::int AS minutes,
               COALESCE(SUM(anonymous) FILTER (WHERE type = 'Individuel'), 0)::int AS anonymous
        FROM src
        GROUP BY GROUPING SETS ((cur), (cur, month), (cur, "counsellorId")))
      SELECT agg.cur, CASE agg.g WHEN 3 THEN 'total' WHEN 1 THEN 'month' ELSE 'counsellor' END AS part,
             to_char(agg.month, 'YYYY-MM') AS month, agg."counsellorId"::text AS "counsellorId", u."displayName" AS name,
             agg.individual, agg.collective, agg.participants, agg.minutes, agg.anonymous,
             CASE WHEN agg.g = 3 THEN (SELECT COUNT(DISTINCT pe."beneficiaryId")::int FROM people pe WHERE pe.cur = agg.cur) END AS followed
      FROM agg
      LEFT JOIN "Counsellor" co ON co.id = agg."counsellorId"
      LEFT JOIN "User" u ON u.id = co."userId"
      ORDER BY u."displayName", agg."counsellorId", agg.month`),
    // A place's type is read now, not when the record was written: retyping a place moves its history.
    rows<{ key: string; records: number; people: number }>(db, Prisma.sql`
      SELECT COALESCE(p.type, r."placeRef") AS key, SUM(r.records)::int AS records, COALESCE(SUM(r.people), 0)::int AS people
      FROM (${placeRows(f, s, current)}) r LEFT JOIN "Place" p ON p.id::text = r."placeRef"
      GROUP BY 1 ORDER BY 2 DESC, 1`),
    rows<{ theme: string; records: number; people: number }>(db, Prisma.sql`
      SELECT theme, SUM(records)::int AS records, COALESCE(SUM(people), 0)::int AS people
      FROM (${themeRows(f, s, current)}) t
      GROUP BY 1 ORDER BY 2 DESC, 1`),
  ]);

  const totals = (cur: boolean): ActivityTotals => {
    const r = agg.find((x) => x.part === "total" && x.cur === cur);
    return r
      ? { individual: r.individual, collective: r.collective, participants: r.participants, minutes: r.minutes, anonymous: r.anonymous, followed: r.followed ?? 0 }
      : NO_ACTIVITY;
  };
  const of = (part: AggRow["part"]) => agg.filter((x) => x.cur && x.part === part);
  return {
    current: totals(true),
    previous: totals(false),
    byMonth: of("month").map((r) => ({ month: r.month!, individual: r.individual, collective: r.collective, participants: r.participants, minutes: r.minutes })),
    byTheme,
    byCounsellor: of("counsellor").map((r) => ({
      counsellorId: r.counsellorId!,
      name: r.name!,
      individual: r.individual,
      collective: r.collective,
      participants: r.participants,
      minutes: r.minutes,
    })),
    byPlaceKey,
  };
}
