import { z } from "zod";
import { uuidSchema } from "../shared/schemas.js";
import { valueList, type ValueOf } from "../shared/value-list.js";
import { statsFilters } from "../stats/filters.js";
import { feedbackKinds } from "./questions.js";

/**
 * Below this number of answers a group's figures are not shown anywhere (dashboard, annual
 * review, exports): a workshop with three participants would otherwise tell who answered what.
 * Applied on the server, so small groups never leave it.
 */
export const FEEDBACK_MIN_ANSWERS = 5;

export const feedbackGroupings = valueList([
  { value: "theme", label: "Par thématique" },
  { value: "workshop", label: "Par atelier" },
  { value: "counsellor", label: "Par conseiller" },
  { value: "month", label: "Par mois" },
]);
export type FeedbackGrouping = ValueOf<typeof feedbackGroupings>;

export const feedbackFiguresInput = statsFilters.and(z.object({ groupBy: feedbackGroupings.schema.default("theme") }));

/** Sums of one group as SQL returns them (before the threshold). */
export interface FeedbackGroupSums {
  key: string;
  label: string;
  answers: number;
  /** Sum of the 1–4 usefulness answers. */
  usefulnessSum: number;
  /** Answers of 3 or 4. */
  useful: number;
  /** Answers "yes" to "would you recommend". */
  recommend: number;
}

export const feedbackGroupView = z.discriminatedUnion("shown", [
  z.object({
    shown: z.literal(true),
    key: z.string(),
    label: z.string(),
    answers: z.number().int(),
    /** Mean usefulness, 1–4, one decimal. */
    usefulnessAverage: z.number(),
    usefulPercent: z.number().int(),
    recommendPercent: z.number().int(),
  }),
  /** Fewer than FEEDBACK_MIN_ANSWERS answers: not even their number is shown. */
  z.object({ shown: z.literal(false), key: z.string(), label: z.string() }),
]);
export type FeedbackGroupView = z.infer<typeof feedbackGroupView>;

export const feedbackFiguresView = z.object({
  groupBy: feedbackGroupings.schema,
  total: feedbackGroupView,
  /** Groups shown, FEEDBACK_MIN_ANSWERS answers or more each. */
  groups: z.array(feedbackGroupView),
  /** Groups left out: not even their name leaves the server. */
  hiddenGroups: z.number().int(),
  minAnswers: z.number().int(),
});
export type FeedbackFiguresView = z.infer<typeof feedbackFiguresView>;

const percent = (part: number, whole: number) => Math.round((100 * part) / whole);

/** One group as it may be shown: its figures from FEEDBACK_MIN_ANSWERS answers on, nothing below. */
export function feedbackGroup(s: FeedbackGroupSums): FeedbackGroupView {
  if (s.answers < FEEDBACK_MIN_ANSWERS) return { shown: false, key: s.key, label: s.label };
  return {
    shown: true,
    key: s.key,
    label: s.label,
    answers: s.answers,
    usefulnessAverage: Math.round((10 * s.usefulnessSum) / s.answers) / 10,
    usefulPercent: percent(s.useful, s.answers),
    recommendPercent: percent(s.recommend, s.answers),
  };
}

/**
 * Groups as they may be shown: those under the threshold are left out, with only their number
 * kept. When exactly one group is under the threshold, the total minus the
 * shown groups would give its figures away: the smallest shown group is hidden with it.
 */
export function feedbackGroups(sums: readonly FeedbackGroupSums[]): { groups: FeedbackGroupView[]; hidden: number } {
  const small = sums.filter((s) => s.answers < FEEDBACK_MIN_ANSWERS);
  let alsoHidden: string | null = null;
  if (small.length === 1) {
    const shown = sums.filter((s) => s.answers >= FEEDBACK_MIN_ANSWERS).sort((a, b) => a.answers - b.answers);
    alsoHidden = shown[0]?.key ?? null;
  }
  const shown = sums.filter((s) => s.answers >= FEEDBACK_MIN_ANSWERS && s.key !== alsoHidden).map(feedbackGroup);
  return { groups: shown, hidden: sums.length - shown.length };
}

/** The total of several groups (before the threshold: the total is checked on its own). */
export function sumFeedbackGroups(groups: readonly FeedbackGroupSums[], label = "Ensemble"): FeedbackGroupSums {
  return groups.reduce(
    (t, g) => ({ ...t, answers: t.answers + g.answers, usefulnessSum: t.usefulnessSum + g.usefulnessSum, useful: t.useful + g.useful, recommend: t.recommend + g.recommend }),
    { key: "total", label, answers: 0, usefulnessSum: 0, useful: 0, recommend: 0 },
  );
}

/** Free comments, read by coordination: no respondent, only what the answer was about and its month. */
export const feedbackCommentsInput = statsFilters.and(
  z.object({ includeHidden: z.boolean().default(false), page: z.number().int().min(0).max(10_000).default(0) }),
);
export const feedbackCommentView = z.object({
  id: z.uuid(),
  kind: feedbackKinds.schema,
  /** "2026-11": answers carry their month only. */
  month: z.string(),
  about: z.string(),
  usefulness: z.number().int(),
  change: z.string().nullable(),
  comment: z.string().nullable(),
  hidden: z.boolean(),
});
export type FeedbackCommentView = z.infer<typeof feedbackCommentView>;
export const feedbackCommentsView = z.object({ items: z.array(feedbackCommentView), total: z.number().int(), pageSize: z.number().int() });

export const feedbackHideInput = z.object({ id: uuidSchema, hidden: z.boolean({ error: "Indiquez s'il faut masquer ou afficher le commentaire." }) });

/** The first day of an answer's month: answers keep no finer time, so they cannot be matched to an invitation. */
export function feedbackMonth(day: string): string {
  return `${day.slice(0, 7)}-01`;
}
