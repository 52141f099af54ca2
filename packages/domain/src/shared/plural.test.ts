import { describe, expect, it } from "vitest";
import { countOf, formatCount, pluralWord } from "./plural.js";

describe("French plural agreement", () => {
  it("puts 0 and 1 in the singular, 2 and more in the plural", () => {
    expect(countOf(0, "place")).toBe("0 place");
    expect(countOf(1, "participant")).toBe("1 participant");
    expect(countOf(2, "participant")).toBe("2 participants");
    expect(countOf(1.5, "heure")).toBe("1,5 heure");
  });
  it("takes irregular plurals and groups thousands as French readers expect", () => {
    expect(countOf(3, "travail", "travaux")).toBe("3 travaux");
    expect(countOf(1200, "élève")).toBe("1\u202f200 élèves");
    expect(pluralWord(2, "est réservée", "sont réservées")).toBe("sont réservées");
  });
  it("writes a count alone the way countOf writes it, for a figure shown apart from its word", () => {
    expect(formatCount(1200)).toBe("1\u202f200");
    expect(`${formatCount(56)} ${pluralWord(56, "accompagnement")}`).toBe(countOf(56, "accompagnement"));
  });
});
