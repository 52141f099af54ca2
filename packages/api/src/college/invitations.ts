import type { Prisma } from "@medianum/db";
import { classLevels, formatDateTime, formatDuration } from "@medianum/domain";
import { buildIcs, organizerOf, type CalendarAttendee, type IcsMethod } from "../mail/ics.js";
import { renderEmail } from "../mail/layout.js";
import { enqueueEmail } from "../mail/outbox.js";
import type { ApiConfig } from "../shared/config.js";

type Config = Pick<ApiConfig, "mailFrom" | "publicUrl">;

/** The iCalendar UID of a collège session: the same entry in the collège's and the counsellors' calendars. */
export const collegeSessionUid = (sessionId: string) => `seance-college-${sessionId}@medianum`;

/**
 * Queues the calendar invitations of collège sessions, in the caller's transaction: one message
 * per person (the collège's contact, each assigned counsellor), each naming its one ATTENDEE.
 * REQUEST when sessions are planned; CANCEL (SEQUENCE raised and stored first) when they are
 * called off, so that every calendar that holds the entry removes it.
 */
export async function queueCollegeInvitations(tx: Prisma.TransactionClient, config: Config, sessionIds: readonly string[], method: IcsMethod, now: Date): Promise<void> {
  if (sessionIds.length === 0) return;
  if (method === "CANCEL") {
    await tx.collegeSession.updateMany({ where: { id: { in: [...sessionIds] } }, data: { icsSequence: { increment: 1 } } });
  }
  const sessions = await tx.collegeSession.findMany({
    where: { id: { in: [...sessionIds] } },
    orderBy: { startsAt: "asc" },
    include: {
      request: { select: { establishmentName: true, address: true, requesterName: true, email: true, commune: { select: { name: true } } } },
      place: { select: { name: true, address: true, postalCode: true, commune: { select: { name: true } } } },
      classes: { include: { class: { select: { name: true, level: true } } } },
      counsellors: { include: { counsellor: { include: { user: { select: { email: true, displayName: true, disabledAt: true } } } } } },
    },
  });
  const organizer = organizerOf(config.mailFrom);
  for (const s of sessions) {
    const r = s.request;
    const where = s.place
      ? `${s.place.name}, ${s.place.address}, ${s.place.postalCode} ${s.place.commune.name}`
      : [r.establishmentName, s.room, r.address, r.commune.name].filter(Boolean).join(", ");
    const classes = s.classes.map((c) => c.class.name ?? classLevels.label(c.class.level as "6e")).join(", ");
    const title = `Sensibilisation au numérique — ${r.establishmentName}`;
    const people: { attendee: CalendarAttendee; counsellor: boolean }[] = [
      // The collège asked for it: accepted already.
      { attendee: { name: r.requesterName, email: r.email, partstat: "ACCEPTED", rsvp: false }, counsellor: false },
      // A counsellor is assigned by the coordination: their calendar asks them to take it in.
      ...s.counsellors
        .filter((c) => c.counsellor.user.disabledAt === null)
        .map((c) => ({ attendee: { name: c.counsellor.user.displayName, email: c.counsellor.user.email, partstat: "NEEDS-ACTION" as const, rsvp: false }, counsellor: true })),
    ];
    for (const { attendee, counsellor } of people) {
      const when = formatDateTime(s.startsAt);
      const cancel = method === "CANCEL";
      const body = renderEmail({
        greeting: "Bonjour,",
        paragraphs: [
          cancel
            ? "Cette séance de sensibilisation est annulée. Le fichier joint la retire de votre agenda."
            : counsellor
              ? "Vous animez cette séance de sensibilisation. Le rendez-vous est joint : ouvrez-le pour l'ajouter à votre agenda."
              : "Voici le rendez-vous de la séance de sensibilisation prévue dans votre établissement : ouvrez-le pour l'ajouter à votre agenda.",
        ],
        details: [
          ["Établissement", r.establishmentName],
          ["Date", `${when} (${formatDuration(s.durationMinutes)})`],
          ["Lieu", where],
          ...(classes ? [["Classes", classes] as [string, string]] : []),
        ],
        footer: counsellor ? ["Le détail de la séance est dans l'application des conseillers."] : ["Pour toute question, répondez depuis votre page de suivi (lien reçu dans nos messages)."],
      });
      await enqueueEmail(
        tx,
        {
          to: attendee.email,
          subject: `${cancel ? "Annulé" : "Invitation"} : séance de sensibilisation, ${when} — ${r.establishmentName}`,
          ...body,
          ics: buildIcs({
            uid: collegeSessionUid(s.id),
            sequence: s.icsSequence,
            method,
            title,
            description: classes ? `Classes : ${classes}.` : "Séance de sensibilisation au numérique.",
            start: s.startsAt,
            durationMinutes: s.durationMinutes,
            location: where,
            url: counsellor ? `${config.publicUrl}/conseiller/` : undefined,
            organizer,
            attendee,
          }),
          // One invitation per person, session, method and sequence, even if the change is replayed.
          dedupeKey: `college-ics:${s.id}:${method}:${s.icsSequence}:${attendee.email.toLowerCase()}`,
        },
        now,
      );
    }
  }
}

/** Calls off every session still planned for a request (the request is cancelled) and takes them out of everyone's calendar. */
export async function cancelPlannedSessions(tx: Prisma.TransactionClient, config: Config, requestId: string, now: Date): Promise<void> {
  const planned = await tx.collegeSession.findMany({ where: { requestId, status: "scheduled" }, select: { id: true } });
  await tx.collegeSession.updateMany({ where: { requestId, status: "scheduled" }, data: { status: "cancelled", updatedAt: now } });
  await queueCollegeInvitations(
    tx,
    config,
    planned.map((p) => p.id),
    "CANCEL",
    now,
  );
}
