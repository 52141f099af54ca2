import { Prisma, type PrismaClient } from "@medianum/db";
import {
  collegeTopics,
  feedbackGroup,
  feedbackGroups,
  feedbackKinds,
  feedbackMonth,
  FEEDBACK_MIN_ANSWERS,
  mediationThemes,
  workshopThemes,
  type FeedbackFiguresView,
  type FeedbackGrouping,
  type FeedbackGroupSums,
  type FeedbackKind,
  type StatsFilters,
} from "@medianum/domain";

/** Answers of the period: answers keep their month only, so a period covers its months whole. */
export function periodSql(f: Pick<StatsFilters, "from" | "to">): Prisma.Sql {
  return Prisma.sql`a.month >= ${feedbackMonth(f.from)}::date AND a.month <= ${feedbackMonth(f.to)}::date`;
}

/** A theme's label: each kind of session has its own list (workshop themes, collège topics, Coop themes). */
export function themeLabel(kind: FeedbackKind, theme: string): string {
  const list = kind === "workshop_session" ? workshopThemes : kind === "college_session" ? collegeTopics : mediationThemes;
  return list.has(theme) ? list.label(theme as never) : theme;
}

const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
export const monthLabel = (ym: string) => `${MONTHS[Number(ym.slice(5, 7)) - 1]} ${ym.slice(0, 4)}`;

interface SumRow {
  key: string;
  kind: string | null;
  name: string | null;
  answers: number;
  usefulnessSum: number;
  useful: number;
  recommend: number;
}

const SUMS = Prisma.sql`count(*)::int AS answers, sum(a.usefulness)::int AS "usefulnessSum",
  count(*) FILTER (WHERE a.usefulness >= 3)::int AS useful, count(*) FILTER (WHERE a.recommend = 'yes')::int AS recommend`;

/** Sums per group, computed by PostgreSQL; labels resolved here. Before the threshold. */
export async function feedbackSums(prisma: PrismaClient, f: Pick<StatsFilters, "from" | "to">, groupBy: FeedbackGrouping): Promise<FeedbackGroupSums[]> {
  const where = periodSql(f);
  let rows: SumRow[];
  switch (groupBy) {
    case "theme":
      rows = await prisma.$queryRaw<SumRow[]>`
        SELECT a.kind || ':' || t.theme AS key, a.kind, t.theme AS name, ${SUMS}
        FROM "FeedbackAnswer" a CROSS JOIN LATERAL unnest(CASE WHEN cardinality(a.themes) = 0 THEN ARRAY['']::text[] ELSE a.themes END) AS t(theme)
        WHERE ${where} GROUP BY a.kind, t.theme ORDER BY answers DESC, key`;
      break;
    case "workshop":
      rows = await prisma.$queryRaw<SumRow[]>`
        SELECT COALESCE(a."workshopId"::text, a.kind) AS key, a.kind, w.title AS name, ${SUMS}
        FROM "FeedbackAnswer" a LEFT JOIN "Workshop" w ON w.id = a."workshopId"
        WHERE ${where} GROUP BY 1, a.kind, w.title ORDER BY answers DESC, key`;
      break;
    case "counsellor":
      rows = await prisma.$queryRaw<SumRow[]>`
        SELECT c.id::text AS key, NULL AS kind, u."displayName" AS name, ${SUMS}
        FROM "FeedbackAnswer" a CROSS JOIN LATERAL unnest(a."counsellorIds") AS ci(id)
        JOIN "Counsellor" c ON c.id::text = ci.id JOIN "User" u ON u.id = c."userId"
        WHERE ${where} GROUP BY c.id, u."displayName" ORDER BY u."displayName", key`;
      break;
    case "month":
      rows = await prisma.$queryRaw<SumRow[]>`
        SELECT to_char(a.month, 'YYYY-MM') AS key, NULL AS kind, NULL AS name, ${SUMS}
        FROM "FeedbackAnswer" a WHERE ${where} GROUP BY 1 ORDER BY 1`;
      break;
  }
  return rows.map((r) => ({ key: r.key, label: groupLabel(groupBy, r), answers: r.answers, usefulnessSum: r.usefulnessSum, useful: r.useful, recommend: r.recommend }));
}

function groupLabel(groupBy: FeedbackGrouping, r: SumRow): string {
  const kind = (r.kind ?? "workshop_session") as FeedbackKind;
  switch (groupBy) {
    case "theme":
      return r.name ? `${themeLabel(kind, r.name)} (${feedbackKinds.label(kind)})` : `Sans thématique (${feedbackKinds.label(kind)})`;
    case "workshop":
      return r.name ?? (kind === "college_session" ? "Séances en collège" : "Ateliers collectifs des conseillers");
    case "counsellor":
      return r.name ?? "Conseiller";
    case "month":
      return monthLabel(r.key);
  }
}

/** The dashboard's satisfaction figures: groups under the threshold leave the server without any figure. */
export async function feedbackFigures(prisma: PrismaClient, f: Pick<StatsFilters, "from" | "to">, groupBy: FeedbackGrouping): Promise<FeedbackFiguresView> {
  const [sums, [total]] = await Promise.all([
    feedbackSums(prisma, f, groupBy),
    prisma.$queryRaw<SumRow[]>`SELECT 'total' AS key, NULL AS kind, NULL AS name, ${SUMS} FROM "FeedbackAnswer" a WHERE ${periodSql(f)}`,
  ]);
  const t = total!;
  const { groups, hidden } = feedbackGroups(sums);
  return {
    groupBy,
    total: feedbackGroup({ key: "total", label: "Ensemble des réponses", answers: t.answers, usefulnessSum: t.usefulnessSum ?? 0, useful: t.useful, recommend: t.recommend }),
    groups,
    hiddenGroups: hidden,
    minAnswers: FEEDBACK_MIN_ANSWERS,
  };
}
