import { describe, expect, it } from "vitest";
import {
  allowedTransitions,
  checkTransition,
  collegeRequestStatuses,
  isTerminal,
  type CollegeRequestActor,
  type CollegeRequestStatus,
} from "./request-status.js";

const ACTORS: readonly CollegeRequestActor[] = ["staff", "college", "counsellor"];

/**
 * The expected workflow, written out by hand: "from>to" → who may do it. Every triple not
 * listed here must be refused.
 */
const EXPECTED: Record<string, readonly CollegeRequestActor[]> = {
  "received>under_review": ["staff"],
  "received>declined": ["staff"],
  "received>cancelled": ["staff", "college"],
  "under_review>scheduled": ["staff"],
  "under_review>declined": ["staff"],
  "under_review>cancelled": ["staff", "college"],
  "scheduled>done": ["staff", "counsellor"],
  "scheduled>under_review": ["staff"],
  "scheduled>cancelled": ["staff", "college"],
};
const NEEDS_REASON = new Set(["received>declined", "under_review>declined"]);

function expectedAllowed(from: string, to: string, actor: CollegeRequestActor): boolean {
  return EXPECTED[`${from}>${to}`]?.includes(actor) ?? false;
}

const ALL_STATUSES = collegeRequestStatuses.values;

describe("college request status machine", () => {
  it("knows the six statuses with French labels", () => {
    expect([...ALL_STATUSES]).toEqual(["received", "under_review", "scheduled", "done", "declined", "cancelled"]);
    expect(collegeRequestStatuses.label("under_review")).toBe("En cours d'étude");
    expect(collegeRequestStatuses.label("declined")).toBe("Déclinée");
  });

  const combos: [CollegeRequestStatus, CollegeRequestStatus, CollegeRequestActor][] = [];
  for (const from of ALL_STATUSES) for (const to of ALL_STATUSES) for (const actor of ACTORS) combos.push([from, to, actor]);

  it("covers 6 × 6 × 3 combinations, 13 of them allowed", () => {
    expect(combos).toHaveLength(108);
    expect(combos.filter(([f, t, a]) => expectedAllowed(f, t, a))).toHaveLength(13);
  });

  it.each(combos)("%s → %s by %s matches the expected table", (from, to, actor) => {
    const key = `${from}>${to}`;
    // Give a reason so that only the table decides; the reason rule is tested below.
    const res = checkTransition(from, to, actor, "Aucune date possible avant la fin de l'année.");
    expect(res.ok).toBe(expectedAllowed(from, to, actor));
    if (!res.ok) {
      if (EXPECTED[key]) {
        // The move exists but not for this actor.
        expect(res.message).toBe(`Vous ne pouvez pas faire passer cette demande à « ${collegeRequestStatuses.label(to)} ».`);
      } else {
        expect(res.message).toBe(
          `Une demande « ${collegeRequestStatuses.label(from)} » ne peut pas passer à « ${collegeRequestStatuses.label(to)} ».`,
        );
      }
    }
  });

  it("lists the allowed transitions per actor as in the table", () => {
    for (const from of ALL_STATUSES) {
      for (const actor of ACTORS) {
        const expected = ALL_STATUSES.filter((to) => expectedAllowed(from, to, actor));
        expect([...allowedTransitions(from, actor)].sort()).toEqual([...expected].sort());
      }
      const anyActor = ALL_STATUSES.filter((to) => ACTORS.some((a) => expectedAllowed(from, to, a)));
      expect([...allowedTransitions(from)].sort()).toEqual([...anyActor].sort());
    }
  });

  it("refuses representative illegal moves with a French message", () => {
    expect(checkTransition("received", "scheduled", "staff")).toEqual({
      ok: false,
      message: "Une demande « Reçue » ne peut pas passer à « Programmée ».",
    });
    expect(checkTransition("done", "cancelled", "staff")).toMatchObject({ ok: false });
    expect(checkTransition("scheduled", "scheduled", "staff")).toMatchObject({ ok: false });
    expect(checkTransition("under_review", "scheduled", "college")).toEqual({
      ok: false,
      message: "Vous ne pouvez pas faire passer cette demande à « Programmée ».",
    });
    expect(checkTransition("scheduled", "cancelled", "counsellor")).toMatchObject({ ok: false });
    expect(checkTransition("received", "declined", "college", "pas intéressé")).toMatchObject({ ok: false });
  });

  describe("decline", () => {
    it.each([...NEEDS_REASON])("%s requires a reason", (key) => {
      const [from, to] = key.split(">") as [CollegeRequestStatus, CollegeRequestStatus];
      const missing = { ok: false, message: "Indiquez un motif : il sera communiqué au collège." };
      expect(checkTransition(from, to, "staff")).toEqual(missing);
      expect(checkTransition(from, to, "staff", null)).toEqual(missing);
      expect(checkTransition(from, to, "staff", "")).toEqual(missing);
      expect(checkTransition(from, to, "staff", "   ")).toEqual(missing);
      expect(checkTransition(from, to, "staff", "Plus de créneau disponible ce trimestre.")).toEqual({ ok: true });
    });

    it("no other allowed move needs a reason", () => {
      for (const [key, actors] of Object.entries(EXPECTED)) {
        if (NEEDS_REASON.has(key)) continue;
        const [from, to] = key.split(">") as [CollegeRequestStatus, CollegeRequestStatus];
        for (const actor of actors) expect(checkTransition(from, to, actor)).toEqual({ ok: true });
      }
    });
  });

  it("treats done, declined and cancelled as terminal", () => {
    const terminal = ALL_STATUSES.filter((s) => isTerminal(s));
    expect(terminal).toEqual(["done", "declined", "cancelled"]);
    for (const s of terminal) expect(allowedTransitions(s)).toEqual([]);
  });
});
