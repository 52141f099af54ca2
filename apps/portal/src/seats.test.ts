import { describe, expect, it } from "vitest";
import { seatsLeftLabel as domainLabel } from "@medianum/domain";
import { seatsLeftLabel } from "./seats.js";

describe("seatsLeftLabel (portal copy)", () => {
  it("says exactly what the domain says, full sessions included", () => {
    for (const n of [-1, 0, 1, 2, 3, 12]) expect(seatsLeftLabel(n)).toBe(domainLabel(n));
    expect(seatsLeftLabel(0)).toBe("Complet");
  });
});
