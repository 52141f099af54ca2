import { describe, expect, it } from "vitest";
import { attendanceInput, countPresent } from "./attendance.js";
import { canChangeRegistration, changeDeadline, manageReduceInput, manageTokenSchema, maskContact } from "./manage.js";
import { reminderWindow, retentionCutoff } from "./retention.js";
import { availabilityLabel } from "./seats.js";

const start = new Date("2026-12-10T14:00:00Z");

describe("manage link rules", () => {
  it("closes online changes the configured number of hours before the start", () => {
    expect(changeDeadline(start, 4).toISOString()).toBe("2026-12-10T10:00:00.000Z");
    const r = { status: "confirmed", startsAt: start, sessionStatus: "scheduled" };
    expect(canChangeRegistration(r, new Date("2026-12-10T10:00:00Z"), 4)).toBe(true);
    expect(canChangeRegistration(r, new Date("2026-12-10T10:00:01Z"), 4)).toBe(false);
    expect(canChangeRegistration(r, new Date("2026-12-10T11:00:00Z"), 2)).toBe(true);
  });

  it("allows no change on a cancelled registration or a cancelled session", () => {
    const now = new Date("2026-12-01T10:00:00Z");
    expect(canChangeRegistration({ status: "cancelled", startsAt: start, sessionStatus: "scheduled" }, now, 4)).toBe(false);
    expect(canChangeRegistration({ status: "confirmed", startsAt: start, sessionStatus: "cancelled" }, now, 4)).toBe(false);
    expect(canChangeRegistration({ status: "waitlisted", startsAt: start, sessionStatus: "scheduled" }, now, 4)).toBe(true);
  });

  it("accepts only tokens shaped like ours", () => {
    expect(manageTokenSchema.safeParse("a".repeat(43)).success).toBe(true);
    expect(manageTokenSchema.safeParse("short").success).toBe(false);
    expect(manageTokenSchema.safeParse(`${"a".repeat(40)}' OR 1=1`).success).toBe(false);
  });

  it("reduces to at least one seat with a French message", () => {
    const res = manageReduceInput.safeParse({ token: "a".repeat(43), seats: 0 });
    expect(res.error?.issues[0]?.message).toMatch(/annulez l'inscription/);
  });

  it("masks the contact shown on the manage page", () => {
    expect(maskContact("nadia@exemple.fr", null)).toBe("n•••@exemple.fr");
    expect(maskContact(null, "0612345678")).toBe("06 •• •• •• 78");
  });
});

describe("availabilityLabel", () => {
  it("says the waitlist is open when the session is full", () => {
    expect(availabilityLabel(0)).toBe("Complet — liste d'attente ouverte");
    expect(availabilityLabel(3)).toBe("3 places restantes");
    expect(availabilityLabel(1)).toBe("1 place restante");
  });
});

describe("attendance", () => {
  it("validates a mark and a walk-in with its device id", () => {
    const sessionId = "0b7e5c2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b";
    expect(attendanceInput.safeParse({ kind: "mark", sessionId, registrationId: sessionId, mark: "present" }).success).toBe(true);
    const walkIn = attendanceInput.parse({ kind: "walk_in", sessionId, clientId: sessionId, firstName: " Lina ", seats: 2 });
    expect(walkIn).toMatchObject({ firstName: "Lina", lastName: "", seats: 2 });
    expect(attendanceInput.safeParse({ kind: "walk_in", sessionId, clientId: "x", firstName: "Lina", seats: 1 }).success).toBe(false);
    expect(attendanceInput.safeParse({ kind: "mark", sessionId, registrationId: sessionId, mark: "maybe" }).error?.issues[0]?.message).toBe(
      "Indiquez présent ou absent.",
    );
  });

  it("counts the seats of present registrations only", () => {
    expect(countPresent([{ status: "attended", seats: 2 }, { status: "no_show", seats: 3 }, { status: "attended", seats: 1 }, { status: "confirmed", seats: 4 }])).toBe(3);
  });
});

describe("scheduled-job windows", () => {
  it("anonymises sessions older than the retention period", () => {
    expect(retentionCutoff(new Date("2026-11-25T10:00:00Z"), 6).toISOString()).toBe("2026-05-25T10:00:00.000Z");
  });
  it("reminds about sessions starting within the next hours", () => {
    const w = reminderWindow(new Date("2026-11-25T10:00:00Z"), 48);
    expect(w.to.toISOString()).toBe("2026-11-27T10:00:00.000Z");
  });
});
