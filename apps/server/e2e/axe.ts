import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { expect } from "vitest";

// One axe-core sweep for every e2e file: the same rules (WCAG 2.1 A and AA) and the same way of
// saying what is wrong, so a failure reads alike whichever journey found it.

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** The page's WCAG 2.1 A/AA violations, each as « rule (impact) : help — first elements ». */
export async function axeViolations(page: Page): Promise<string[]> {
  const res = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return res.violations.map((v) => `${v.id} (${v.impact ?? "?"}) : ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

/** Fails the test with the violations found on `where`, if any. */
export async function expectNoAxeViolations(page: Page, where: string) {
  expect(await axeViolations(page), `axe sur ${where}`).toEqual([]);
}
