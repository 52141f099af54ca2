import { Prisma, type PrismaClient } from "@medianum/db";
import {
  dateColumnToDay,
  feedbackMonth,
  instantToParisDay,
  parisToday,
  type FeedbackAnswers,
  type FeedbackKind,
  type FeedbackLinkView,
} from "@medianum/domain";
import { UserFacingError } from "../shared/errors.js";
import { hashToken } from "../shared/tokens.js";
import { optOutHash } from "./invite-parents.js";

type Tx = Prisma.TransactionClient;

const LINK_NOT_FOUND = "Ce lien de questionnaire n'est pas valide : vérifiez qu'il a été copié en entier depuis l'e-mail ou le QR code.";
const ALREADY = "Vous avez déjà répondu à ce questionnaire : merci !";
const CLOSED = "Ce questionnaire est fermé : il n'accepte plus de réponse.";

/** What an answer row keeps besides the answers: enough for the figures, nothing about the person. */
interface AnswerContext {
  kind: FeedbackKind;
  month: string;
  workshopId?: string | null;
  workshopSessionId?: string | null;
  collegeSessionId?: string | null;
  activityRecordId?: string | null;
  counsellorIds: string[];
  themes: string[];
}

/**
 * Stores one answer. Never given the invitation: the row cannot point back to it. Called in the
 * transaction that counted the answer on the invitation, so both happen or neither.
 */
async function insertAnswer(tx: Tx, c: AnswerContext, a: FeedbackAnswers): Promise<void> {
  await tx.feedbackAnswer.create({
    data: {
      kind: c.kind,
      month: new Date(`${c.month}T00:00:00Z`),
      workshopId: c.workshopId ?? null,
      workshopSessionId: c.workshopSessionId ?? null,
      collegeSessionId: c.collegeSessionId ?? null,
      activityRecordId: c.activityRecordId ?? null,
      counsellorIds: c.counsellorIds,
      themes: c.themes,
      usefulness: a.usefulness,
      recommend: a.recommend,
      change: a.change ?? null,
      comment: a.comment ?? null,
    },
  });
}

/**
 * Takes one answer slot of an invitation in a single statement: two submissions at once (a double
 * tap, two tabs) cannot both get the last slot. Returns the invitation, or why it was refused.
 */
async function takeSlot(tx: Tx, where: Prisma.Sql, now: Date) {
  const rows = await tx.$queryRaw<Array<{ id: string; kind: string; workshopSessionId: string | null; collegeSessionId: string | null; counsellorId: string | null; activityRecordId: string | null }>>`
    UPDATE "FeedbackInvitation" SET "answerCount" = "answerCount" + 1
    WHERE ${where} AND "answerCount" < "maxAnswers" AND "expiresAt" > ${now}
    RETURNING id::text, kind, "workshopSessionId"::text, "collegeSessionId"::text, "counsellorId"::text, "activityRecordId"::text`;
  return rows[0] ?? null;
}

async function refusal(db: PrismaClient | Tx, where: Prisma.FeedbackInvitationWhereInput, now: Date): Promise<UserFacingError> {
  const inv = await db.feedbackInvitation.findFirst({ where, select: { answerCount: true, maxAnswers: true, expiresAt: true } });
  if (!inv) return new UserFacingError("NOT_FOUND", LINK_NOT_FOUND);
  if (inv.expiresAt <= now) return new UserFacingError("CONFLICT", CLOSED);
  return new UserFacingError("CONFLICT", inv.maxAnswers === 1 ? ALREADY : CLOSED);
}

/** What the questionnaire page shows above the form. */
export async function feedbackLinkView(prisma: PrismaClient, token: string, now: Date): Promise<FeedbackLinkView> {
  const inv = await prisma.feedbackInvitation.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!inv || inv.kind === "college_session") throw new UserFacingError("NOT_FOUND", LINK_NOT_FOUND);
  if (inv.expiresAt <= now) return { status: "closed" };
  if (inv.answerCount >= inv.maxAnswers) return inv.maxAnswers === 1 ? { status: "answered" } : { status: "closed" };
  if (inv.kind === "workshop_session" && inv.workshopSessionId) {
    const s = await prisma.workshopSession.findUnique({ where: { id: inv.workshopSessionId }, select: { startsAt: true, workshop: { select: { title: true } } } });
    if (s) return { status: "open", kind: "workshop_session", title: s.workshop.title, day: instantToParisDay(s.startsAt) };
  }
  return { status: "open", kind: inv.kind as FeedbackKind, title: "Atelier collectif", day: null };
}

/**
 * A parent's answer (e-mail link) or a participant's (QR code of a collective workshop). The QR
 * code also names the workshop record it was shown for: the first answer ties the key to it.
 */
export async function submitFeedback(prisma: PrismaClient, token: string, answers: FeedbackAnswers, now: Date, activityRecordId?: string): Promise<void> {
  const tokenHash = hashToken(token);
  await prisma.$transaction(async (tx) => {
    const inv = await takeSlot(tx, Prisma.sql`"tokenHash" = ${tokenHash}`, now);
    if (!inv || inv.kind === "college_session") throw await refusal(tx, { tokenHash }, now);
    if (inv.kind === "workshop_session") {
      const s = await tx.workshopSession.findUniqueOrThrow({
        where: { id: inv.workshopSessionId! },
        select: { id: true, startsAt: true, workshopId: true, workshop: { select: { theme: true } }, counsellors: { select: { counsellorId: true } } },
      });
      await insertAnswer(
        tx,
        {
          kind: "workshop_session",
          month: feedbackMonth(instantToParisDay(s.startsAt)),
          workshopId: s.workshopId,
          workshopSessionId: s.id,
          counsellorIds: s.counsellors.map((c) => c.counsellorId),
          themes: [s.workshop.theme],
        },
        answers,
      );
      return;
    }
    // collective_workshop: a QR key of a counsellor's device.
    const recordId = inv.activityRecordId ?? activityRecordId ?? null;
    if (inv.activityRecordId && activityRecordId && activityRecordId !== inv.activityRecordId) throw new UserFacingError("CONFLICT", CLOSED);
    if (!inv.activityRecordId && recordId) await tx.feedbackInvitation.update({ where: { id: inv.id }, data: { activityRecordId: recordId } });
    const record = recordId
      ? await tx.activityRecord.findUnique({ where: { id: recordId }, select: { id: true, counsellorId: true, date: true, themes: true, participantsCount: true, type: true } })
      : null;
    // A record of another counsellor is never attached to this key's answers.
    const own = record && record.counsellorId === inv.counsellorId && record.type === "Collectif" ? record : null;
    if (own) {
      const answered = await tx.feedbackInvitation.findUniqueOrThrow({ where: { id: inv.id }, select: { answerCount: true } });
      if (answered.answerCount > Math.max(own.participantsCount, 1)) throw new UserFacingError("CONFLICT", "Tous les participants de cet atelier ont déjà répondu : merci !");
    }
    await insertAnswer(
      tx,
      {
        kind: "collective_workshop",
        month: feedbackMonth(own ? dateColumnToDay(own.date) : parisToday(now)),
        activityRecordId: recordId,
        counsellorIds: inv.counsellorId ? [inv.counsellorId] : [],
        themes: own?.themes ?? [],
      },
      answers,
    );
  });
}

/** The parent does not want questionnaires any more: this link closes and later sessions send none. */
export async function refuseFeedback(prisma: PrismaClient, token: string, now: Date): Promise<void> {
  const inv = await prisma.feedbackInvitation.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, kind: true, registration: { select: { email: true } } } });
  if (!inv || inv.kind !== "workshop_session") throw new UserFacingError("NOT_FOUND", LINK_NOT_FOUND);
  await prisma.$transaction(async (tx) => {
    if (inv.registration?.email) await tx.feedbackOptOut.createMany({ data: [{ emailHash: optOutHash(inv.registration.email), createdAt: now }], skipDuplicates: true });
    await tx.feedbackInvitation.update({ where: { id: inv.id }, data: { expiresAt: now } });
  });
}

/** Sessions of a collège request whose feedback is awaited (reported, not yet answered). */
export async function collegeFeedbackPending(prisma: PrismaClient, requestId: string, now: Date) {
  const rows = await prisma.feedbackInvitation.findMany({
    where: { kind: "college_session", collegeSession: { requestId }, expiresAt: { gt: now } },
    select: { answerCount: true, maxAnswers: true, collegeSession: { select: { id: true, startsAt: true } } },
    orderBy: { collegeSession: { startsAt: "asc" } },
  });
  return rows.map((r) => ({ sessionId: r.collegeSession!.id, startsAt: r.collegeSession!.startsAt, answered: r.answerCount >= r.maxAnswers }));
}

/** The collège contact's answer about one reported session, from its tracking page. */
export async function submitCollegeFeedback(prisma: PrismaClient, requestId: string, sessionId: string, answers: FeedbackAnswers, now: Date): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const s = await tx.collegeSession.findFirst({
      where: { id: sessionId, requestId },
      select: { id: true, startsAt: true, topicsCovered: true, counsellors: { select: { counsellorId: true } } },
    });
    if (!s) throw new UserFacingError("NOT_FOUND", "Cette séance ne fait pas partie de votre demande.");
    const inv = await takeSlot(tx, Prisma.sql`"collegeSessionId" = ${sessionId}::uuid AND kind = 'college_session'`, now);
    if (!inv) {
      const why = await refusal(tx, { collegeSessionId: sessionId }, now);
      throw why.code === "NOT_FOUND" ? new UserFacingError("CONFLICT", "Le questionnaire de cette séance n'est pas encore ouvert : il l'est une fois son compte rendu fait.") : why;
    }
    await insertAnswer(
      tx,
      {
        kind: "college_session",
        month: feedbackMonth(instantToParisDay(s.startsAt)),
        collegeSessionId: s.id,
        counsellorIds: s.counsellors.map((c) => c.counsellorId),
        themes: s.topicsCovered,
      },
      answers,
    );
  });
}
