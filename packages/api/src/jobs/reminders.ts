import type { PrismaClient } from "@medianum/db";
import { reminderWindow } from "@medianum/domain";
import { mailSessionInclude, queueBookingEmail } from "../booking/emails.js";
import type { ApiConfig } from "../shared/config.js";

/**
 * Queues a reminder for each confirmed registration (with an e-mail) of the scheduled sessions
 * starting within the next `reminderHoursBefore` hours. Sent once: the outbox's dedupeKey
 * ("reminder:<registration>:<start>") makes a second run, a restart or a second server instance
 * queue nothing new; a session moved to another date gets a new reminder. Parents who booked
 * inside the window already have a fresh confirmation and are skipped. Past and cancelled
 * sessions are never selected.
 */
export async function sendReminders(prisma: PrismaClient, config: Pick<ApiConfig, "publicUrl" | "cancellationDeadlineHours" | "reminderHoursBefore" | "mailFrom">, now: Date) {
  const { from, to } = reminderWindow(now, config.reminderHoursBefore);
  const sessions = await prisma.workshopSession.findMany({
    where: { status: "scheduled", startsAt: { gt: from, lte: to } },
    include: { ...mailSessionInclude, registrations: { where: { status: "confirmed", email: { not: null }, anonymisedAt: null } } },
  });
  let queued = 0;
  for (const s of sessions) {
    const windowStart = new Date(s.startsAt.getTime() - config.reminderHoursBefore * 3_600_000);
    await prisma.$transaction(async (tx) => {
      for (const r of s.registrations) {
        if (r.createdAt > windowStart && !r.promotedAt) continue;
        const before = await tx.outboxEmail.count({ where: { dedupeKey: reminderKey(r.id, s.startsAt) } });
        if (before > 0) continue;
        await queueBookingEmail(tx, config, "reminder", r, s, now, { dedupeKey: reminderKey(r.id, s.startsAt) });
        queued += 1;
      }
      await tx.workshopSession.update({ where: { id: s.id }, data: { reminderSentAt: now } });
    });
  }
  return { sessions: sessions.length, queued };
}

export const reminderKey = (registrationId: string, startsAt: Date) => `reminder:${registrationId}:${startsAt.toISOString()}`;
