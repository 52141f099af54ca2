import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatDuration, formatTime } from "./dates.js";
import { TIME_ZONE } from "./clock.js";

describe("formatDuration", () => {
  it.each([
    [45, "45 min"],
    [5, "5 min"],
    [0, "0 min"],
    [60, "1 h"],
    [65, "1 h 05"],
    [90, "1 h 30"],
    [120, "2 h"],
    [135, "2 h 15"],
    [720, "12 h"],
  ])("%i → %s", (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text);
  });
});

describe("dates in Europe/Paris", () => {
  it("uses the département's time zone", () => {
    expect(TIME_ZONE).toBe("Europe/Paris");
  });

  it("shows a winter instant at UTC+1", () => {
    const d = new Date("2026-01-15T13:00:00Z");
    expect(formatDateTime(d)).toMatch(/^jeudi 15 janvier 2026( à|,) 14:00$/);
    expect(formatTime(d)).toBe("14:00");
  });

  it("shows a summer instant at UTC+2", () => {
    const d = new Date("2026-07-15T13:00:00Z");
    expect(formatDateTime(d)).toMatch(/^mercredi 15 juillet 2026( à|,) 15:00$/);
    expect(formatTime(d)).toBe("15:00");
  });

  it("follows the daylight-saving switches", () => {
    // 29 March 2026: 02:00 → 03:00; 25 October 2026: 03:00 → 02:00.
    expect(formatTime(new Date("2026-03-29T00:59:00Z"))).toBe("01:59");
    expect(formatTime(new Date("2026-03-29T01:00:00Z"))).toBe("03:00");
    expect(formatTime(new Date("2026-10-25T00:59:00Z"))).toBe("02:59");
    expect(formatTime(new Date("2026-10-25T01:00:00Z"))).toBe("02:00");
  });

  it("shows the Paris calendar day, not the UTC one, late in the evening", () => {
    expect(formatDate(new Date("2026-12-31T23:30:00Z"))).toBe("vendredi 1 janvier 2027");
    expect(formatDate(new Date("2026-06-30T22:30:00Z"))).toBe("mercredi 1 juillet 2026");
  });
});
