import { describe, expect, it } from "vitest";
import * as domain from "../index.js";
import { valueList } from "./value-list.js";

interface AnyValueList {
  items: readonly { value: string; label: string; hint?: string }[];
  values: readonly string[];
  labels: Record<string, string>;
  schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } };
  label(v: string): string;
  has(v: string): boolean;
}

function isValueList(x: unknown): x is AnyValueList {
  return typeof x === "object" && x !== null && "items" in x && "values" in x && "labels" in x && "schema" in x;
}

const lists = Object.entries(domain as Record<string, unknown>).filter((entry): entry is [string, AnyValueList] => isValueList(entry[1]));

/** English words that must not show up in a French label. */
const ENGLISH = /\b(the|and|with|other|pending|confirmed|cancelled|canceled|scheduled|declined|received|done|waitlist(ed)?|used|expired|level)\b/i;

describe("every exported value list", () => {
  it("is found in the package's exports", () => {
    const names = lists.map(([name]) => name);
    expect(names).toEqual(
      expect.arrayContaining([
        "registrationStatuses",
        "collegeRequestStatuses",
        "classLevels",
        "collegeTopics",
        "mediationThemes",
        "administrativeThemes",
        "ageBrackets",
        "durationBuckets",
        "placeTypes",
        "weekdays",
        "fragilityGroups",
        "roles",
        "workshopThemes",
        "passChequeStatuses",
      ]),
    );
    expect(lists.length).toBeGreaterThanOrEqual(27);
  });

  describe.each(lists)("%s", (_name, list) => {
    it("has unique values and unique labels", () => {
      expect(new Set(list.values).size).toBe(list.values.length);
      const labels = list.items.map((i) => i.label);
      expect(new Set(labels).size).toBe(labels.length);
    });

    it("has French labels: non-empty, trimmed, capitalised, no code leaking", () => {
      for (const item of list.items) {
        expect(item.label.trim()).toBe(item.label);
        expect(item.label.length).toBeGreaterThan(0);
        expect(item.label).toMatch(/^[\p{Lu}\d]/u);
        expect(item.label).not.toMatch(/_/);
        expect(item.label).not.toMatch(ENGLISH);
        if (item.hint !== undefined) expect(item.hint.trim().length).toBeGreaterThan(0);
      }
    });

    it("keeps values, labels and label() consistent", () => {
      expect([...list.values]).toEqual(list.items.map((i) => i.value));
      for (const item of list.items) {
        expect(list.labels[item.value]).toBe(item.label);
        expect(list.label(item.value)).toBe(item.label);
        expect(list.has(item.value)).toBe(true);
        expect(list.schema.safeParse(item.value).success).toBe(true);
      }
    });

    it("refuses unknown codes with a French message", () => {
      // A label typed instead of its code is refused too (when the two differ).
      const first = list.items[0]!;
      const labelInsteadOfCode = first.label === first.value ? "xyz" : first.label;
      for (const unknown of ["__inconnu__", "", labelInsteadOfCode]) {
        expect(list.has(unknown)).toBe(false);
        const res = list.schema.safeParse(unknown);
        expect(res.success).toBe(false);
        expect(res.error?.issues[0]?.message).toBe("Choisissez une valeur dans la liste.");
      }
      expect(list.schema.safeParse(undefined).error?.issues[0]?.message).toBe("Choisissez une valeur dans la liste.");
    });
  });
});

describe("valueList", () => {
  const colours = valueList([
    { value: "red", label: "Rouge" },
    { value: "blue", label: "Bleu", hint: "Comme le ciel." },
  ]);

  it("exposes items, values, labels and a schema", () => {
    expect(colours.values).toEqual(["red", "blue"]);
    expect(colours.labels).toEqual({ red: "Rouge", blue: "Bleu" });
    expect(colours.label("blue")).toBe("Bleu");
    expect(colours.items[1]?.hint).toBe("Comme le ciel.");
    expect(colours.schema.parse("red")).toBe("red");
  });

  it("is case-sensitive on codes", () => {
    expect(colours.has("RED")).toBe(false);
    expect(colours.schema.safeParse("Red").success).toBe(false);
  });
});
