import { Prisma, type PrismaClient } from "@medianum/db";
import { collegeTopics, parisDayRange, parisToday, TIME_ZONE, type CollegeFiguresView } from "@medianum/domain";

interface Row {
  colleges: number;
  sessions: number;
  pupils: number;
}

/** The school year (1 September → 31 August) containing `now`, as calendar days. */
export function schoolYearOf(now: Date): { from: string; to: string } {
  const day = parisToday(now);
  const year = Number(day.slice(0, 4));
  const start = Number(day.slice(5, 7)) >= 9 ? year : year - 1;
  return { from: `${start}-09-01`, to: `${start + 1}-08-31` };
}

/**
 * Collège figures over the sessions delivered (reported) between two calendar days: distinct
 * collèges (by UAI), sessions, pupils present; by topic covered and by month (Paris time).
 * A session covering two topics counts in both topic rows, so those rows do not add up to the
 * total. Computed in SQL so that it stays fast over years of data.
 */
export async function collegeFigures(prisma: PrismaClient, range: { from?: string | undefined; to?: string | undefined }, now: Date): Promise<CollegeFiguresView> {
  const year = schoolYearOf(now);
  const from = range.from ?? year.from;
  const to = range.to ?? year.to;
  const { start, end } = parisDayRange(from, to);
  const delivered = Prisma.sql`
    SELECT s.id, s."startsAt", s."topicsCovered", r.uai,
           (SELECT COALESCE(SUM(c."pupilsPresent"), 0) FROM "CollegeSessionClass" c WHERE c."sessionId" = s.id) AS pupils
    FROM "CollegeSession" s JOIN "CollegeRequest" r ON r.id = s."requestId"
    WHERE s.status = 'done' AND s."startsAt" >= ${start} AND s."startsAt" < ${end}`;
  const counts = Prisma.sql`COUNT(DISTINCT d.uai)::int AS colleges, COUNT(*)::int AS sessions, COALESCE(SUM(d.pupils), 0)::int AS pupils`;
  const [totals, byTopic, byMonth] = await Promise.all([
    prisma.$queryRaw<Row[]>(Prisma.sql`WITH d AS (${delivered}) SELECT ${counts} FROM d`),
    prisma.$queryRaw<(Row & { topic: string })[]>(
      Prisma.sql`WITH d AS (${delivered}) SELECT t.topic, ${counts} FROM d CROSS JOIN LATERAL unnest(d."topicsCovered") AS t(topic) GROUP BY t.topic`,
    ),
    prisma.$queryRaw<(Row & { month: string })[]>(
      Prisma.sql`WITH d AS (${delivered}) SELECT to_char(d."startsAt" AT TIME ZONE ${TIME_ZONE}, 'YYYY-MM') AS month, ${counts} FROM d GROUP BY 1 ORDER BY 1`,
    ),
  ]);
  const num = (r: Row) => ({ colleges: Number(r.colleges), sessions: Number(r.sessions), pupils: Number(r.pupils) });
  const topicRank = (t: string) => collegeTopics.values.indexOf(t as never);
  return {
    from,
    to,
    totals: totals[0] ? num(totals[0]) : { colleges: 0, sessions: 0, pupils: 0 },
    byTopic: byTopic
      .filter((r) => collegeTopics.has(r.topic))
      .sort((a, b) => topicRank(a.topic) - topicRank(b.topic))
      .map((r) => ({ topic: r.topic as CollegeFiguresView["byTopic"][number]["topic"], ...num(r) })),
    byMonth: byMonth.map((r) => ({ month: r.month, ...num(r) })),
  };
}
