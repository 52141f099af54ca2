import type { PrismaClient } from "@medianum/db";
import { FEEDBACK_MIN_ANSWERS, feedbackGroupings, type FeedbackCommentExportRow, type FeedbackExportRow, type FeedbackGroupView, type StatsFilters } from "@medianum/domain";
import { commentRows } from "./comments.js";
import { feedbackFigures } from "./figures.js";

const row = (grouping: string, g: FeedbackGroupView): FeedbackExportRow =>
  g.shown
    ? { grouping, group: g.label, answers: g.answers, usefulnessAverage: g.usefulnessAverage, usefulPercent: g.usefulPercent, recommendPercent: g.recommendPercent }
    : { grouping, group: g.label, answers: null, usefulnessAverage: null, usefulPercent: null, recommendPercent: null };

/** The dashboard's satisfaction figures, every grouping one after the other, with the same threshold. */
export async function* feedbackExportRows(prisma: PrismaClient, f: StatsFilters): AsyncGenerator<FeedbackExportRow> {
  let first = true;
  for (const groupBy of feedbackGroupings.values) {
    const view = await feedbackFigures(prisma, f, groupBy);
    if (first) yield row("Ensemble", view.total);
    first = false;
    for (const g of view.groups) yield row(feedbackGroupings.label(groupBy), g);
    if (view.hiddenGroups > 0) {
      const group = `${view.hiddenGroups} groupe${view.hiddenGroups > 1 ? "s" : ""} de moins de ${FEEDBACK_MIN_ANSWERS} réponses`;
      yield { grouping: feedbackGroupings.label(groupBy), group, answers: null, usefulnessAverage: null, usefulPercent: null, recommendPercent: null };
    }
  }
}

/** Free texts of the period, hidden ones left out. */
export async function* feedbackCommentExportRows(prisma: PrismaClient, f: StatsFilters): AsyncGenerator<FeedbackCommentExportRow> {
  for await (const c of commentRows(prisma, f, { includeHidden: false })) {
    yield { month: c.month, kind: c.kind, about: c.about, usefulness: c.usefulness, change: c.change, comment: c.comment };
  }
}
