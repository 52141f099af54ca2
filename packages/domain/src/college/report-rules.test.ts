import { describe, expect, it } from "vitest";
import { parisDayTimeToInstant } from "../shared/clock.js";
import { collegeReportRefusal } from "./report-rules.js";

const startsAt = parisDayTimeToInstant("2027-01-14", "09:00");
const session = { status: "scheduled", startsAt, classIds: ["a", "b"] };
const report = { classes: [{ classId: "a" }, { classId: "b" }] };

describe("collège report", () => {
  it("can be filed from the very start of the session, not a millisecond before", () => {
    expect(collegeReportRefusal(session, report, startsAt)).toBeNull();
    expect(collegeReportRefusal(session, report, new Date(startsAt.getTime() - 1))?.message).toBe(
      "Cette séance n'a pas encore commencé : le compte rendu se remplit après la séance.",
    );
    expect(collegeReportRefusal(session, report, parisDayTimeToInstant("2027-03-01", "10:00"))).toBeNull();
  });

  it("is refused for a cancelled session", () => {
    expect(collegeReportRefusal({ ...session, status: "cancelled" }, report, startsAt)?.message).toBe(
      "Cette séance a été annulée : elle ne peut pas recevoir de compte rendu.",
    );
  });

  it("needs exactly the session's classes, each once", () => {
    const refusal = { message: "Indiquez les élèves présents pour chacune des classes de la séance, et seulement pour elles.", field: "classes" };
    expect(collegeReportRefusal(session, { classes: [{ classId: "a" }] }, startsAt)).toEqual(refusal);
    expect(collegeReportRefusal(session, { classes: [{ classId: "a" }, { classId: "b" }, { classId: "c" }] }, startsAt)).toEqual(refusal);
    expect(collegeReportRefusal(session, { classes: [{ classId: "a" }, { classId: "a" }] }, startsAt)).toEqual(refusal);
    expect(collegeReportRefusal(session, { classes: [{ classId: "b" }, { classId: "a" }] }, startsAt)).toBeNull();
  });
});
