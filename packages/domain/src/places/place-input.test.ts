import { describe, expect, it } from "vitest";
import { placeInput, toOsmOpeningHours } from "./place-input.js";

describe("toOsmOpeningHours", () => {
  it("writes the OpenStreetMap syntax of the national standard, days in order, slots sorted", () => {
    expect(
      toOsmOpeningHours([
        { day: "wed", opens: "14:00", closes: "17:00" },
        { day: "mon", opens: "14:00", closes: "17:00" },
        { day: "mon", opens: "09:00", closes: "12:00" },
      ]),
    ).toBe("Mo 09:00-12:00,14:00-17:00; We 14:00-17:00");
    expect(toOsmOpeningHours([])).toBeUndefined();
  });
});

describe("placeInput", () => {
  const base = { name: "Mairie", type: "mairie", address: "1 place", postalCode: "47000", communeInsee: "47001" };
  it("normalises SIRET and RNA, and empties optional fields", () => {
    expect(placeInput.parse({ ...base, siret: "213 700 865 00013", email: "", phone: "" })).toMatchObject({ siret: "21370086500013", email: null, phone: null });
    expect(placeInput.parse({ ...base, siret: "w123456789" }).siret).toBe("W123456789");
  });
  it("refuses a bad SIRET or postal code with a French message", () => {
    const r = placeInput.safeParse({ ...base, siret: "1234", postalCode: "470" });
    expect(r.success).toBe(false);
    const msgs = Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(msgs.postalCode).toBe("Code postal invalide (5 chiffres).");
    expect(msgs.siret).toMatch(/SIRET \(14 chiffres\)/);
  });
});
