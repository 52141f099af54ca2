import { describe, expect, it } from "vitest";
import { FEEDBACK_MIN_ANSWERS, feedbackGroup, feedbackGroups, feedbackMonth, sumFeedbackGroups, type FeedbackGroupSums } from "./figures.js";
import { feedbackAnswers } from "./questions.js";

const g = (key: string, answers: number, usefulnessSum = answers * 3, useful = answers, recommend = answers): FeedbackGroupSums => ({ key, label: key, answers, usefulnessSum, useful, recommend });

describe("feedback threshold", () => {
  it("hides a group of fewer than 5 answers, even its number", () => {
    expect(FEEDBACK_MIN_ANSWERS).toBe(5);
    expect(feedbackGroup(g("a", 4))).toEqual({ shown: false, key: "a", label: "a" });
  });

  it("shows a group from 5 answers on, with its figures", () => {
    expect(feedbackGroup(g("a", 5, 17, 4, 3))).toEqual({ shown: true, key: "a", label: "a", answers: 5, usefulnessAverage: 3.4, usefulPercent: 80, recommendPercent: 60 });
  });

  it("hides a second group when one small group could be found by subtracting from the total", () => {
    const view = feedbackGroups([g("big", 40), g("mid", 6), g("tiny", 2)]);
    expect(view.groups.map((v) => v.key)).toEqual(["big"]);
    expect(view.hidden).toBe(2);
    const total = sumFeedbackGroups([g("big", 40), g("mid", 6), g("tiny", 2)]);
    expect(total.answers).toBe(48);
  });

  it("keeps every large group when two or more small ones are hidden", () => {
    const view = feedbackGroups([g("big", 40), g("mid", 6), g("t1", 2), g("t2", 1)]);
    expect(view.groups.map((v) => v.key)).toEqual(["big", "mid"]);
    expect(view.hidden).toBe(2);
  });
});

describe("feedback answers", () => {
  it("accepts a complete answer and keeps only the month", () => {
    expect(feedbackAnswers.parse({ usefulness: "4", recommend: "yes", change: "  ", comment: "Merci\nà vous" })).toEqual({ usefulness: 4, recommend: "yes", change: undefined, comment: "Merci\nà vous" });
    expect(feedbackMonth("2026-11-28")).toBe("2026-11-01");
  });

  it("refuses an out-of-scale usefulness and control characters, in French", () => {
    const r = feedbackAnswers.safeParse({ usefulness: 5, recommend: "yes", comment: "a\u0000b" });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => i.message).join(" ");
    expect(messages).toContain("Utilité : choisissez une réponse de 1 à 4.");
    expect(messages).toContain("Commentaire");
  });
});
