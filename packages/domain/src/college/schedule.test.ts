import { describe, expect, it } from "vitest";
import { collegeInboxFilters, periodsMeet, sessionsOutsidePeriods, scheduleSessionsInput, slotsOverlap } from "./schedule.js";

const A = "7d9f3c1e-2b4a-4c8e-9f10-1a2b3c4d5e6f";
const B = "8e0a4d2f-3c5b-4d9f-8a21-2b3c4d5e6f70";
const C = "9f1b5e30-4d6c-4e0a-9b32-3c4d5e6f7081";
const REQ = "0a2c6f41-5e7d-4f1b-8c43-4d5e6f708192";

const session = (classIds: string[], overrides: Record<string, unknown> = {}) => ({
  classIds,
  day: "2027-01-14",
  time: "09:00",
  durationMinutes: 55,
  counsellorIds: [C],
  ...overrides,
});

describe("scheduleSessionsInput", () => {
  it("accepts one session per class or classes grouped", () => {
    expect(scheduleSessionsInput.safeParse({ requestId: REQ, sessions: [session([A]), session([B], { time: "10:00" })] }).success).toBe(true);
    const grouped = scheduleSessionsInput.parse({ requestId: REQ, sessions: [session([A, B])] });
    expect(grouped.confirmConflicts).toBe(false);
  });

  it("refuses a class planned twice in the same batch", () => {
    const res = scheduleSessionsInput.safeParse({ requestId: REQ, sessions: [session([A]), session([A, B])] });
    expect(res.error?.issues[0]).toMatchObject({ path: ["sessions"], message: expect.stringContaining("une seule") });
  });

  it("explains each bad field in French", () => {
    const res = scheduleSessionsInput.safeParse({
      requestId: REQ,
      sessions: [session([], { time: "9h", durationMinutes: 10, counsellorIds: [] })],
    });
    const byPath = Object.fromEntries(res.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(byPath).toEqual({
      "sessions.0.classIds": "Cochez au moins une classe.",
      "sessions.0.time": "Heure invalide (format HH:MM, par exemple 09:30).",
      "sessions.0.durationMinutes": "Une séance dure au moins 30 minutes.",
      "sessions.0.counsellorIds": "Choisissez au moins un conseiller ou une conseillère.",
    });
  });
});

describe("slotsOverlap", () => {
  const at = (iso: string, durationMinutes: number) => ({ startsAt: new Date(iso), durationMinutes });
  it("sees overlapping slots", () => {
    expect(slotsOverlap(at("2027-01-14T08:00:00Z", 60), at("2027-01-14T08:30:00Z", 60))).toBe(true);
    expect(slotsOverlap(at("2027-01-14T08:00:00Z", 240), at("2027-01-14T09:00:00Z", 30))).toBe(true);
  });
  it("does not count slots that only touch or are apart", () => {
    expect(slotsOverlap(at("2027-01-14T08:00:00Z", 60), at("2027-01-14T09:00:00Z", 60))).toBe(false);
    expect(slotsOverlap(at("2027-01-14T08:00:00Z", 60), at("2027-01-15T08:00:00Z", 60))).toBe(false);
  });
});

describe("periodsMeet", () => {
  const periods = [{ from: "2027-01-11", to: "2027-01-22" }];
  it("keeps requests whose preferred periods meet the range", () => {
    expect(periodsMeet(periods)).toBe(true);
    expect(periodsMeet(periods, "2027-01-20", "2027-02-10")).toBe(true);
    expect(periodsMeet(periods, "2027-01-22")).toBe(true);
    expect(periodsMeet(periods, undefined, "2027-01-11")).toBe(true);
  });
  it("drops the others", () => {
    expect(periodsMeet(periods, "2027-01-23")).toBe(false);
    expect(periodsMeet(periods, "2026-12-01", "2027-01-10")).toBe(false);
  });
});

describe("collegeInboxFilters", () => {
  it("accepts known statuses and topics only", () => {
    expect(collegeInboxFilters.safeParse({ status: "received", topic: "e_reputation" }).success).toBe(true);
    expect(collegeInboxFilters.safeParse({ status: "lost" }).success).toBe(false);
  });
});

describe("sessionsOutsidePeriods", () => {
  const periods = [
    { from: "2027-01-11", to: "2027-01-22" },
    { from: "2027-03-01", to: "2027-03-05" },
  ];
  it("warns of the sessions outside every requested period, bounds included", () => {
    const days = ["2027-01-11", "2027-01-23", "2027-03-05", "2027-02-15"].map((day) => ({ day }));
    expect(sessionsOutsidePeriods(periods, days)).toEqual([
      { sessionIndex: 1, day: "2027-01-23" },
      { sessionIndex: 3, day: "2027-02-15" },
    ]);
  });
  it("has nothing to say when the collège asked for no period", () => {
    expect(sessionsOutsidePeriods([], [{ day: "2027-02-15" }])).toEqual([]);
  });
});
