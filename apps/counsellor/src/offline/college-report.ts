import { collegeReportRefusal, type CollegeReport, type CounsellorCollegeSessionView, type Refusal } from "@medianum/domain";
import type { DeviceDb } from "./db.js";
import { enqueue, retryNow } from "./outbox.js";

/**
 * Queues a collège session's report (or sends a refused one again, corrected) after the rules the
 * server applies: not before the session starts, not for a cancelled one, exactly its classes.
 * `session` is the device's copy, or the server's answer when the device has none. A refusal
 * queues nothing.
 */
export async function queueCollegeReport(
  db: DeviceDb,
  session: Pick<CounsellorCollegeSessionView, "id" | "status" | "startsAt" | "classes" | "establishmentName">,
  report: CollegeReport,
  correctingSeq?: number,
  now = new Date(),
): Promise<Refusal | null> {
  const refused = collegeReportRefusal({ status: session.status, startsAt: session.startsAt, classIds: session.classes.map((c) => c.id) }, report, now);
  if (refused) return refused;
  if (correctingSeq !== undefined) await retryNow(db, correctingSeq, report);
  else await enqueue(db, { kind: "college.report", payload: report, entityId: report.id, summary: `Compte rendu : ${session.establishmentName}` });
  return null;
}
