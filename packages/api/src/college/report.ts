import { Prisma, type PrismaClient } from "@medianum/db";
import {
  collegeActivityTitle,
  collegeReportRefusal,
  collegeReportInput,
  dayToDateColumn,
  instantToParisDay,
  mediationThemesOf,
  type CollegeReportInput,
  type CollegeReportResult,
  type CollegeRequestStatus,
  type CollegeTopic,
} from "@medianum/domain";
import { openCollegeFeedback } from "../feedback/invite-college.js";
import { UserFacingError } from "../shared/errors.js";
import { notifyCollege, statusSubject } from "./notify.js";
import { applyTransition, lockRequest } from "./transition.js";

const NOT_MINE = "Cette séance est introuvable dans votre agenda.";

/**
 * Files the counsellor's report of a collège session: pupils present per class, topics covered,
 * duration, remarks. It marks the session done, creates the collective activity record (its id
 * is the report's `id`, generated on the device) and, once every session of the request is
 * reported, marks the request done and tells the collège.
 *
 * Idempotent: submitting again (a retried offline sync, a double click) returns the stored
 * result with `alreadyReported: true` and changes nothing. Concurrent submissions are decided
 * one after the other on the request's row lock.
 */
export async function fileCollegeReport(
  prisma: PrismaClient,
  counsellorId: string,
  rawInput: CollegeReportInput,
  now: Date,
  /** For the tracking link in the e-mail sent when the request is done (ctx.config.publicUrl). */
  publicUrl: string,
): Promise<CollegeReportResult> {
  const input = collegeReportInput.parse(rawInput);
  const head = await prisma.collegeSession.findFirst({
    where: { id: input.sessionId, counsellors: { some: { counsellorId } } },
    select: { requestId: true },
  });
  if (!head) throw new UserFacingError("NOT_FOUND", NOT_MINE);

  return prisma.$transaction(async (tx) => {
    const request = await lockRequest(tx, head.requestId);
    const session = await tx.collegeSession.findUniqueOrThrow({
      where: { id: input.sessionId },
      include: { classes: true, activity: { select: { id: true, version: true } } },
    });
    if (session.activity) {
      return { activityRecordId: session.activity.id, version: session.activity.version, requestStatus: request.status as CollegeRequestStatus, alreadyReported: true };
    }
    const clash = await tx.activityRecord.findUnique({ where: { id: input.id }, select: { id: true } });
    if (clash) throw new UserFacingError("CONFLICT", "Cet identifiant de compte rendu est déjà utilisé par un autre enregistrement.");
    // The device checks the same rule before queueing the report.
    const refused = collegeReportRefusal({ status: session.status, startsAt: session.startsAt, classIds: session.classes.map((c) => c.classId) }, input, now);
    if (refused) throw new UserFacingError(refused.field ? "BAD_REQUEST" : "CONFLICT", refused.message, refused.field ? { field: refused.field } : undefined);

    const pupils = input.classes.reduce((n, c) => n + c.pupilsPresent, 0);
    for (const c of input.classes) {
      await tx.collegeSessionClass.update({
        where: { sessionId_classId: { sessionId: session.id, classId: c.classId } },
        data: { pupilsPresent: c.pupilsPresent },
      });
    }
    await tx.collegeSession.update({
      where: { id: session.id },
      data: { status: "done", reportedAt: now, topicsCovered: input.topicsCovered, remarks: input.remarks ?? null, updatedAt: now },
    });
    const topics = input.topicsCovered as CollegeTopic[];
    const record = await tx.activityRecord.create({
      data: {
        id: input.id,
        counsellorId,
        type: "Collectif",
        date: dayToDateColumn(instantToParisDay(session.startsAt)),
        durationMinutes: input.durationMinutes,
        // Held at the collège, which is not one of our places of activity.
        locationType: session.placeId ? "LieuActivite" : "Autre",
        placeId: session.placeId,
        communeInsee: request.communeInsee,
        themes: mediationThemesOf(topics),
        administrativeThemes: [],
        equipment: [],
        notes: input.remarks ?? null,
        workshopTitle: collegeActivityTitle(topics, request.establishmentName),
        participantsCount: pupils,
        // Pupils are all "scolarisés"; age and gender are not counted in a classroom.
        participantBreakdown: { gender: {}, ageBracket: {}, socialStatus: { Scolarise: pupils } } satisfies Prisma.InputJsonValue,
        collegeSessionId: session.id,
        createdAt: now,
        updatedAt: now,
      },
      select: { id: true, version: true },
    });

    const feedback = await openCollegeFeedback(tx, session, now);
    const open = await tx.collegeSession.count({ where: { requestId: request.id, status: "scheduled" } });
    if (open > 0 || request.status !== "scheduled") {
      await notifyCollege(
        tx,
        { requestId: request.id, to: request.email, establishmentName: request.establishmentName, subject: "Votre avis sur la séance de sensibilisation", paragraphs: ["La séance de sensibilisation a eu lieu. Merci pour votre accueil !", feedback] },
        publicUrl,
        now,
      );
    }
    if (open === 0 && request.status === "scheduled") {
      const user = await tx.counsellor.findUniqueOrThrow({ where: { id: counsellorId }, select: { userId: true } });
      await applyTransition(tx, request, "done", { actor: "counsellor", userId: user.userId }, now);
      await notifyCollege(
        tx,
        {
          requestId: request.id,
          to: request.email,
          establishmentName: request.establishmentName,
          subject: statusSubject("done"),
          paragraphs: [
            "Les séances de sensibilisation prévues pour votre établissement ont eu lieu. Merci pour votre accueil !",
            "Statut de votre demande : Réalisée.",
            feedback,
            "Pour d'autres classes ou d'autres sujets, vous pouvez faire une nouvelle demande sur notre portail.",
          ],
        },
        publicUrl,
        now,
      );
    }
    return { activityRecordId: record.id, version: record.version, requestStatus: request.status as CollegeRequestStatus, alreadyReported: false };
  });
}
