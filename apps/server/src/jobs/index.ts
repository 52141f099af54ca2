import {
  anonymiseExpiredRegistrations,
  createSmtpTransport,
  eraseExpiredCollegeContacts,
  deliverOutbox,
  purgeOldSyncReceipts,
  sendFeedbackInvitations,
  sendReminders,
  type ApiConfig,
  type DeliveryLog,
  type MailTransport,
  type RateLimiter,
} from "@medianum/api";
import type { Database } from "@medianum/db";
import type { ServerConfig } from "../config.js";
import type { Job } from "./runner.js";

export { JobRunner, type Job, type JobRunResult } from "./runner.js";

const MINUTE = 60_000;

/** The product's scheduled jobs: e-mail delivery (when SMTP is configured), reminders, retention, expired rate-limit counters. */
export function productJobs(db: Database, config: ServerConfig, api: ApiConfig, transport: MailTransport | null, rateLimiter: RateLimiter, log?: DeliveryLog): Job[] {
  const jobs: Job[] = [];
  if (transport) {
    jobs.push({
      name: "outbox-delivery",
      description: "envoie les e-mails en attente (SMTP_URL)",
      everyMs: 0,
      leaseMs: 5 * MINUTE,
      run: async (now) => ({ ...(await deliverOutbox(db.prisma, transport, { from: config.mailFrom, replyTo: config.mailReplyTo, now, log })) }),
    });
  }
  jobs.push(
    { name: "booking-reminders", description: "met en file les rappels des séances à venir", everyMs: 10 * MINUTE, leaseMs: 10 * MINUTE, run: async (now) => ({ ...(await sendReminders(db.prisma, api, now)) }) },
    {
      name: "registration-retention",
      description: "anonymise les inscriptions des séances passées depuis REGISTRATION_RETENTION_MONTHS mois",
      everyMs: 24 * 60 * MINUTE,
      leaseMs: 30 * MINUTE,
      run: async (now) => ({ ...(await anonymiseExpiredRegistrations(db.prisma, api.registrationRetentionMonths, now)) }),
    },
    { name: "college-retention", description: "efface les coordonnées des demandes de collège closes depuis longtemps", everyMs: 24 * 60 * MINUTE, leaseMs: 30 * MINUTE, run: async (now) => ({ ...(await eraseExpiredCollegeContacts(db.prisma, now)) }) },
    { name: "rate-limit-sweep", description: "supprime les compteurs de limitation expirés", everyMs: 60 * MINUTE, leaseMs: 10 * MINUTE, run: async () => ({ ...(await rateLimiter.sweep()) }) },
    { name: "sync-receipts-retention", description: "supprime les anciens accusés de synchronisation hors ligne", everyMs: 24 * 60 * MINUTE, leaseMs: 30 * MINUTE, run: async (now) => ({ ...(await purgeOldSyncReceipts(db.prisma, now)) }) },
    {
      name: "feedback-invitations",
      description: "invite par e-mail, le lendemain, les parents présents à une séance à donner leur avis",
      everyMs: 60 * MINUTE,
      leaseMs: 10 * MINUTE,
      run: async (now) => ({ ...(await sendFeedbackInvitations(db.prisma, api, now)) }),
    },
  );
  return jobs;
}

export function createMailTransport(config: ServerConfig): MailTransport | null {
  return config.smtpUrl ? createSmtpTransport(config.smtpUrl, { dkim: config.dkim ?? undefined }) : null;
}
