import { describe, expect, it } from "vitest";
import { hhmmSchema, localDateTime, toLocalDayTime } from "./local-time.js";

describe("local time in Europe/Paris", () => {
  it("converts a winter and a summer wall-clock time to the right instant", () => {
    expect(localDateTime("2027-01-14", "09:30").toISOString()).toBe("2027-01-14T08:30:00.000Z");
    expect(localDateTime("2027-06-14", "09:30").toISOString()).toBe("2027-06-14T07:30:00.000Z");
  });

  it("handles the days of the daylight-saving changes", () => {
    // 28 March 2027: 02:00 → 03:00; 31 October 2027: 03:00 → 02:00.
    expect(localDateTime("2027-03-28", "10:00").toISOString()).toBe("2027-03-28T08:00:00.000Z");
    expect(localDateTime("2027-10-31", "10:00").toISOString()).toBe("2027-10-31T09:00:00.000Z");
  });

  it("reads an instant back as day and time", () => {
    expect(toLocalDayTime(new Date("2027-01-14T08:30:00Z"))).toEqual({ day: "2027-01-14", time: "09:30" });
    expect(toLocalDayTime(new Date("2027-06-30T22:15:00Z"))).toEqual({ day: "2027-07-01", time: "00:15" });
  });

  it("validates HH:MM", () => {
    expect(hhmmSchema.safeParse("08:05").success).toBe(true);
    expect(hhmmSchema.safeParse("8:05").success).toBe(false);
    expect(hhmmSchema.safeParse("24:00").error?.issues[0]?.message).toBe("Heure invalide (format HH:MM, par exemple 09:30).");
  });
});
