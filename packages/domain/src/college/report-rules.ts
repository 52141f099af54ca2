import type { Refusal } from "../shared/refusal.js";

/**
 * Whether a collège session can receive this report now; null when it can. The classes must be
 * exactly the session's, each once: a class moved or removed by the coordination since the
 * device's copy makes the report wrong, not just incomplete.
 */
export function collegeReportRefusal(
  session: { status: string; startsAt: Date; classIds: readonly string[] },
  report: { classes: ReadonlyArray<{ classId: string }> },
  now: Date,
): Refusal | null {
  if (session.status === "cancelled") return { message: "Cette séance a été annulée : elle ne peut pas recevoir de compte rendu." };
  if (session.startsAt.getTime() > now.getTime()) {
    return { message: "Cette séance n'a pas encore commencé : le compte rendu se remplit après la séance." };
  }
  const expected = new Set(session.classIds);
  const given = new Set(report.classes.map((c) => c.classId));
  if (given.size !== report.classes.length || given.size !== expected.size || [...given].some((id) => !expected.has(id))) {
    return { message: "Indiquez les élèves présents pour chacune des classes de la séance, et seulement pour elles.", field: "classes" };
  }
  return null;
}
