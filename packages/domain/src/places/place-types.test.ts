import { describe, expect, it } from "vitest";
import { formatOpeningHours, openingHoursSchema, type OpeningHours } from "./place-types.js";

describe("openingHoursSchema", () => {
  it("accepts several slots per day", () => {
    const hours = [
      { day: "mon", opens: "09:00", closes: "12:00" },
      { day: "mon", opens: "14:00", closes: "17:30" },
      { day: "sat", opens: "00:00", closes: "23:59" },
    ];
    expect(openingHoursSchema.parse(hours)).toEqual(hours);
    expect(openingHoursSchema.parse([])).toEqual([]);
  });

  it("refuses a slot that closes before or when it opens", () => {
    for (const [opens, closes] of [
      ["14:00", "12:00"],
      ["09:00", "09:00"],
    ]) {
      const res = openingHoursSchema.safeParse([{ day: "tue", opens, closes }]);
      expect(res.success).toBe(false);
      expect(res.error?.issues[0]?.message).toBe("L'heure de fermeture doit suivre l'heure d'ouverture.");
    }
  });

  it("refuses hours not written HH:MM", () => {
    for (const bad of ["9:00", "24:00", "12:60", "12h00", "1200", ""]) {
      const res = openingHoursSchema.safeParse([{ day: "wed", opens: bad, closes: "23:00" }]);
      expect(res.success).toBe(false);
      expect(res.error?.issues[0]).toMatchObject({ path: [0, "opens"], message: "Heure invalide (format HH:MM)." });
    }
  });

  it("refuses an unknown day", () => {
    const res = openingHoursSchema.safeParse([{ day: "lundi", opens: "09:00", closes: "12:00" }]);
    expect(res.error?.issues[0]).toMatchObject({ path: [0, "day"], message: "Choisissez une valeur dans la liste." });
  });

  it("allows at most 28 slots (4 per day)", () => {
    const slot = { day: "fri", opens: "09:00", closes: "10:00" } as const;
    expect(openingHoursSchema.safeParse(Array.from({ length: 28 }, () => slot)).success).toBe(true);
    expect(openingHoursSchema.safeParse(Array.from({ length: 29 }, () => slot)).success).toBe(false);
  });
});

describe("formatOpeningHours", () => {
  it("writes the days in French, in week order, with their slots", () => {
    const hours: OpeningHours = [
      { day: "thu", opens: "14:00", closes: "17:00" },
      { day: "mon", opens: "09:00", closes: "12:00" },
      { day: "mon", opens: "14:00", closes: "17:00" },
    ];
    expect(formatOpeningHours(hours)).toBe("Lundi 09:00–12:00, 14:00–17:00 ; Jeudi 14:00–17:00");
  });

  it("lists a day's slots in time order whatever order they were typed in", () => {
    const hours: OpeningHours = [
      { day: "wed", opens: "14:00", closes: "17:00" },
      { day: "wed", opens: "09:00", closes: "12:00" },
    ];
    expect(formatOpeningHours(hours)).toBe("Mercredi 09:00–12:00, 14:00–17:00");
  });

  it("shows Sunday last and every day once", () => {
    const hours: OpeningHours = [
      { day: "sun", opens: "10:00", closes: "12:00" },
      { day: "sat", opens: "10:00", closes: "12:00" },
    ];
    expect(formatOpeningHours(hours)).toBe("Samedi 10:00–12:00 ; Dimanche 10:00–12:00");
  });

  it("is empty without any slot", () => {
    expect(formatOpeningHours([])).toBe("");
  });
});
