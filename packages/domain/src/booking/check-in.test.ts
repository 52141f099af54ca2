import { describe, expect, it } from "vitest";
import { instantToParisDayTime, parisDayTimeToInstant } from "../shared/clock.js";
import { CHECK_IN_CANCELLED, CHECK_IN_TOO_EARLY, checkInOpensAt, checkInOpensText, checkInRefusal, markRefusal } from "./check-in.js";

const at = (day: string, time: string) => parisDayTimeToInstant(day, time);
const ms = (d: Date, delta: number) => new Date(d.getTime() + delta);

describe("check-in window", () => {
  const startsAt = at("2026-12-03", "14:00");
  const session = { startsAt, status: "scheduled" };

  it("opens exactly 2 hours before the start, not a millisecond earlier", () => {
    expect(checkInRefusal(session, at("2026-12-03", "12:00"))).toBeNull();
    expect(checkInRefusal(session, ms(at("2026-12-03", "12:00"), -1))).toEqual({ message: CHECK_IN_TOO_EARLY });
    expect(checkInRefusal(session, at("2026-11-30", "14:00"))?.message).toBe("Le pointage ouvre 2 heures avant le début de la séance.");
  });

  it("stays open during and long after the session: a sheet ticked offline may reach the server days later", () => {
    expect(checkInRefusal(session, startsAt)).toBeNull();
    expect(checkInRefusal(session, at("2026-12-10", "09:00"))).toBeNull();
  });

  it("is shut for a cancelled session, whatever the time", () => {
    expect(checkInRefusal({ startsAt, status: "cancelled" }, startsAt)).toEqual({ message: CHECK_IN_CANCELLED });
    expect(checkInRefusal({ startsAt, status: "cancelled" }, at("2026-11-01", "10:00"))).toEqual({ message: CHECK_IN_CANCELLED });
  });

  it("counts 2 real hours across the spring change: a 04:00 session opens at 01:00 (the clock skips 02:00–03:00)", () => {
    const s = at("2026-03-29", "04:00");
    expect(instantToParisDayTime(checkInOpensAt(s))).toEqual({ day: "2026-03-29", time: "01:00" });
    expect(checkInRefusal({ startsAt: s, status: "scheduled" }, at("2026-03-29", "01:00"))).toBeNull();
    expect(checkInRefusal({ startsAt: s, status: "scheduled" }, ms(at("2026-03-29", "01:00"), -1))?.message).toBe(CHECK_IN_TOO_EARLY);
  });

  it("counts 2 real hours across the autumn change: a 03:00 session opens at the first 02:00 (summer time)", () => {
    const s = at("2026-10-25", "03:00");
    const opens = checkInOpensAt(s);
    expect(opens.toISOString()).toBe("2026-10-25T00:00:00.000Z");
    expect(instantToParisDayTime(opens)).toEqual({ day: "2026-10-25", time: "02:00" });
    // The second 02:00 (winter time) is an hour later: open by then.
    expect(checkInRefusal({ startsAt: s, status: "scheduled" }, ms(opens, 3_600_000))).toBeNull();
    expect(checkInRefusal({ startsAt: s, status: "scheduled" }, ms(opens, -1))?.message).toBe(CHECK_IN_TOO_EARLY);
  });

  it("says when it opens in plain French: the time alone on the same Paris day, the full date otherwise", () => {
    expect(checkInOpensText(startsAt, at("2026-12-03", "08:00"))).toBe("Pointage possible à partir de 12:00.");
    expect(checkInOpensText(startsAt, at("2026-12-02", "23:30"))).toBe("Pointage possible à partir du jeudi 3 décembre 2026 à 12:00.");
    // 00:30 in Paris on the 3rd is still the 2nd in UTC: the day is Paris's.
    expect(checkInOpensText(startsAt, at("2026-12-03", "00:30"))).toBe("Pointage possible à partir de 12:00.");
  });
});

describe("marking a registration", () => {
  it("refuses a registration not on the sheet or cancelled, accepts the others", () => {
    expect(markRefusal(undefined)?.message).toBe("Cette inscription ne fait pas partie de la séance.");
    expect(markRefusal({ status: "cancelled" })?.message).toBe("Cette inscription a été annulée.");
    expect(markRefusal({ status: "confirmed" })).toBeNull();
    expect(markRefusal({ status: "no_show" })).toBeNull();
  });
});
