import { describe, expect, it } from "vitest";
import { feedFilters } from "./feeds.js";

describe("feed filters from a partner's address", () => {
  it("reads a commune by INSEE code (Corsica too), an intercommunalité by SIREN and a theme by code; blanks and unknown parameters count for nothing", () => {
    expect(feedFilters.parse({ commune: "47001", epci: "200035459", theme: "screens", utm_source: "mairie" })).toEqual({ commune: "47001", epci: "200035459", theme: "screens" });
    expect(feedFilters.parse({ commune: "2A004" })).toEqual({ commune: "2A004" });
    expect(feedFilters.parse({ commune: "", epci: "", theme: "" })).toEqual({});
  });

  it("says in French what to write instead", () => {
    const messages = (q: Record<string, unknown>) => {
      const r = feedFilters.safeParse(q);
      return r.success ? [] : r.error.issues.map((i) => i.message);
    };
    expect(messages({ commune: "Agen" })).toEqual(["commune : attendu le code INSEE de la commune, 5 caractères (par ex. 47001)."]);
    expect(messages({ epci: "2000" })).toEqual(["epci : attendu le numéro SIREN de l'intercommunalité, 9 chiffres (par ex. 200035459)."]);
    expect(messages({ theme: "poker" })[0]).toMatch(/^theme : thème inconnu ; valeurs possibles : screens, /);
    expect(messages({ commune: ["47001", "47157"] })).toEqual(["commune : une seule valeur est possible."]);
  });
});
