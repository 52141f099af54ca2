import { Prisma, type PrismaClient } from "@medianum/db";
import { FEEDBACK_MIN_ANSWERS, feedbackKinds, type FeedbackCommentView, type FeedbackKind, type StatsFilters } from "@medianum/domain";
import { audit } from "../shared/audit.js";
import type { Context } from "../context.js";
import { notFound } from "../shared/errors.js";
import { periodSql, themeLabel } from "./figures.js";

export const COMMENTS_PAGE_SIZE = 50;

interface CommentRow {
  id: string;
  kind: string;
  month: string;
  usefulness: number;
  change: string | null;
  comment: string | null;
  hidden: boolean;
  title: string | null;
  themes: string[] | null;
  groupAnswers: number;
}

/**
 * What an answer was about, as coordination reads it next to its comment: the workshop's title
 * only when that workshop has at least FEEDBACK_MIN_ANSWERS answers in the month, otherwise the
 * kind and theme alone, so that a comment cannot be matched to the few people of one session.
 */
function about(r: CommentRow): string {
  const kind = r.kind as FeedbackKind;
  const theme = r.themes?.[0] ? themeLabel(kind, r.themes[0]) : null;
  if (r.title && r.groupAnswers >= FEEDBACK_MIN_ANSWERS) return r.title;
  return theme ? `${feedbackKinds.label(kind)} — ${theme}` : feedbackKinds.label(kind);
}

/** Answers of the period with a free text, newest month first; hidden ones only when asked. */
export async function* commentRows(prisma: PrismaClient, f: Pick<StatsFilters, "from" | "to">, opts: { includeHidden: boolean; offset?: number; limit?: number }): AsyncGenerator<FeedbackCommentView> {
  const hidden = opts.includeHidden ? Prisma.empty : Prisma.sql`AND NOT a."commentHidden"`;
  const limit = opts.limit ?? 1_000_000;
  const rows = await prisma.$queryRaw<CommentRow[]>`
    SELECT a.id::text AS id, a.kind, to_char(a.month, 'YYYY-MM') AS month, a.usefulness, a.change, a.comment, a."commentHidden" AS hidden,
           w.title, a.themes,
           (SELECT count(*)::int FROM "FeedbackAnswer" b WHERE b."workshopId" = a."workshopId" AND b.month = a.month) AS "groupAnswers"
    FROM "FeedbackAnswer" a LEFT JOIN "Workshop" w ON w.id = a."workshopId"
    WHERE ${periodSql(f)} AND (a.comment IS NOT NULL OR a.change IS NOT NULL) ${hidden}
    ORDER BY a.month DESC, a.id
    OFFSET ${opts.offset ?? 0} LIMIT ${limit}`;
  for (const r of rows) {
    yield { id: r.id, kind: r.kind as FeedbackKind, month: r.month, about: about(r), usefulness: r.usefulness, change: r.change, comment: r.comment, hidden: r.hidden };
  }
}

export async function listComments(prisma: PrismaClient, f: StatsFilters & { includeHidden: boolean; page: number }) {
  const items: FeedbackCommentView[] = [];
  for await (const c of commentRows(prisma, f, { includeHidden: f.includeHidden, offset: f.page * COMMENTS_PAGE_SIZE, limit: COMMENTS_PAGE_SIZE })) items.push(c);
  const hidden = f.includeHidden ? Prisma.empty : Prisma.sql`AND NOT a."commentHidden"`;
  const [count] = await prisma.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM "FeedbackAnswer" a WHERE ${periodSql(f)} AND (a.comment IS NOT NULL OR a.change IS NOT NULL) ${hidden}`;
  return { items, total: count!.n, pageSize: COMMENTS_PAGE_SIZE };
}

/** Hides an abusive comment (or shows it again): left out of the review and exports, recorded in the journal. */
export async function setCommentHidden(ctx: Context, id: string, hidden: boolean): Promise<void> {
  await ctx.db.prisma.$transaction(async (tx) => {
    const res = await tx.feedbackAnswer.updateMany({ where: { id }, data: { commentHidden: hidden } });
    if (res.count === 0) throw notFound("Cet avis");
    await audit(ctx, tx, hidden ? "feedback.comment.hide" : "feedback.comment.show", { type: "FeedbackAnswer", id });
  });
}
