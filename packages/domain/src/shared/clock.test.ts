import { describe, expect, it } from "vitest";
import {
  addParisDays,
  dateColumnToDay,
  dayToDateColumn,
  daysBetween,
  instantToParisDay,
  instantToParisDayTime,
  instantToParisTime,
  parisDayRange,
  parisDayTimeToInstant,
  parisMidnight,
  parisToday,
  parisWallClock,
  parisYear,
} from "./clock.js";
import { formatDay } from "./dates.js";
import { hhmmSchema } from "./schemas.js";

const iso = (d: Date) => d.toISOString();
const HOUR = 3_600_000;

// 2026: summer time starts Sunday 29 March (02:00 → 03:00) and ends Sunday 25 October (03:00 → 02:00).
describe("the Paris clock", () => {
  it("converts winter and summer wall-clock times to the right instant", () => {
    expect(iso(parisDayTimeToInstant("2027-01-14", "09:30"))).toBe("2027-01-14T08:30:00.000Z");
    expect(iso(parisDayTimeToInstant("2027-06-14", "09:30"))).toBe("2027-06-14T07:30:00.000Z");
  });

  it("is right on the days after each switch (a session at 04:04)", () => {
    expect(iso(parisDayTimeToInstant("2026-03-30", "04:04"))).toBe("2026-03-30T02:04:00.000Z");
    expect(iso(parisDayTimeToInstant("2026-10-26", "04:04"))).toBe("2026-10-26T03:04:00.000Z");
    expect(iso(parisDayTimeToInstant("2027-03-29", "04:04"))).toBe("2027-03-29T02:04:00.000Z");
  });

  it("is right on the switch days themselves, around the changed hour", () => {
    expect(iso(parisDayTimeToInstant("2026-03-29", "01:59"))).toBe("2026-03-29T00:59:00.000Z");
    expect(iso(parisDayTimeToInstant("2026-03-29", "03:00"))).toBe("2026-03-29T01:00:00.000Z");
    expect(iso(parisDayTimeToInstant("2026-03-29", "04:04"))).toBe("2026-03-29T02:04:00.000Z");
    expect(iso(parisDayTimeToInstant("2026-10-25", "01:59"))).toBe("2026-10-24T23:59:00.000Z");
    expect(iso(parisDayTimeToInstant("2026-10-25", "03:00"))).toBe("2026-10-25T02:00:00.000Z");
    expect(iso(parisDayTimeToInstant("2026-10-25", "04:04"))).toBe("2026-10-25T03:04:00.000Z");
  });

  it("moves a time in the spring gap forward by the gap: 02:30 on 29 March is 03:30 summer time", () => {
    const t = parisDayTimeToInstant("2026-03-29", "02:30");
    expect(iso(t)).toBe("2026-03-29T01:30:00.000Z");
    expect(instantToParisDayTime(t)).toEqual({ day: "2026-03-29", time: "03:30" });
  });

  it("takes the first of the two 02:30 of 25 October (summer time)", () => {
    const t = parisDayTimeToInstant("2026-10-25", "02:30");
    expect(iso(t)).toBe("2026-10-25T00:30:00.000Z");
    // Both instants read back as 02:30.
    expect(instantToParisTime(t)).toBe("02:30");
    expect(instantToParisTime(new Date(t.getTime() + HOUR))).toBe("02:30");
  });

  it("reads instants back as Paris days and times, across midnight and both switches", () => {
    expect(instantToParisDayTime(new Date("2027-01-14T08:30:00Z"))).toEqual({ day: "2027-01-14", time: "09:30" });
    expect(instantToParisDayTime(new Date("2027-06-30T22:15:00Z"))).toEqual({ day: "2027-07-01", time: "00:15" });
    expect(instantToParisDayTime(new Date("2026-03-29T00:59:00Z"))).toEqual({ day: "2026-03-29", time: "01:59" });
    expect(instantToParisDayTime(new Date("2026-03-29T01:00:00Z"))).toEqual({ day: "2026-03-29", time: "03:00" });
    expect(instantToParisDay(new Date("2026-10-25T22:59:00Z"))).toBe("2026-10-25");
    expect(instantToParisDay(new Date("2026-10-25T23:00:00Z"))).toBe("2026-10-26");
    expect(parisToday(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    expect(parisYear(new Date("2026-12-31T23:30:00Z"))).toBe(2027);
    expect(parisYear(new Date("2026-12-31T22:30:00Z"))).toBe(2026);
  });

  it("round-trips every quarter hour of both switch days", () => {
    for (const day of ["2026-03-29", "2026-10-25"]) {
      const { start, end } = parisDayRange(day);
      for (let t = start.getTime(); t < end.getTime(); t += 15 * 60_000) {
        const back = instantToParisDayTime(new Date(t));
        expect(back.day).toBe(day);
        // Unambiguous times map back to the same instant; the repeated hour maps to its first occurrence.
        const again = parisDayTimeToInstant(back.day, back.time).getTime();
        expect(again === t || again === t - HOUR).toBe(true);
      }
    }
  });

  it("computes day ranges from Paris midnights: 23 h in March, 25 h in October, 24 h otherwise", () => {
    const len = (from: string, to?: string) => {
      const r = parisDayRange(from, to);
      return (r.end.getTime() - r.start.getTime()) / HOUR;
    };
    expect(len("2026-03-29")).toBe(23);
    expect(len("2026-10-25")).toBe(25);
    expect(len("2026-06-01")).toBe(24);
    expect(len("2026-03-28", "2026-03-30")).toBe(71);
    expect(iso(parisMidnight("2026-03-29"))).toBe("2026-03-28T23:00:00.000Z");
    expect(iso(parisMidnight("2026-03-30"))).toBe("2026-03-29T22:00:00.000Z");
    expect(iso(parisMidnight("2026-10-25"))).toBe("2026-10-24T22:00:00.000Z");
    expect(iso(parisMidnight("2026-10-26"))).toBe("2026-10-25T23:00:00.000Z");
  });

  it("adds calendar days and counts them, whatever the switches", () => {
    expect(addParisDays("2026-03-28", 1)).toBe("2026-03-29");
    expect(addParisDays("2026-03-29", 1)).toBe("2026-03-30");
    expect(addParisDays("2026-10-25", -1)).toBe("2026-10-24");
    expect(addParisDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addParisDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(daysBetween("2026-03-01", "2026-11-01")).toBe(245);
  });

  it("keeps date-only columns zone-free and writes spreadsheet cells as Paris wall clock", () => {
    expect(iso(dayToDateColumn("2026-03-29"))).toBe("2026-03-29T00:00:00.000Z");
    expect(dateColumnToDay(new Date("2026-03-29T00:00:00Z"))).toBe("2026-03-29");
    expect(iso(parisWallClock(new Date("2027-03-29T02:04:00Z")))).toBe("2027-03-29T04:04:00.000Z");
    expect(iso(parisWallClock(new Date("2026-10-26T03:04:00Z")))).toBe("2026-10-26T04:04:00.000Z");
    expect(iso(parisWallClock("2026-10-25"))).toBe("2026-10-25T00:00:00.000Z");
  });

  it("refuses malformed days and times rather than guessing", () => {
    expect(() => parisDayTimeToInstant("2026-3-29", "04:04")).toThrow(RangeError);
    expect(() => parisDayTimeToInstant("2026-03-29", "4:04")).toThrow(RangeError);
  });

  it("labels a calendar day the same in every season", () => {
    expect(formatDay("2026-03-29")).toBe("dimanche 29 mars 2026");
    expect(formatDay("2026-10-25")).toBe("dimanche 25 octobre 2026");
  });

  it("validates HH:MM", () => {
    expect(hhmmSchema.safeParse("08:05").success).toBe(true);
    expect(hhmmSchema.safeParse("8:05").success).toBe(false);
    expect(hhmmSchema.safeParse("24:00").error?.issues[0]?.message).toBe("Heure invalide (format HH:MM, par exemple 09:30).");
  });
});
