/** Settings the API needs, read once by the server from the environment (see README). */
export interface ApiConfig {
  /** "production" sets the Secure flag on cookies and hides error details. */
  environment: "production" | "development" | "test";
  /** Lifetime of a login session, sliding. Long enough for a counsellor's offline week. */
  sessionTtlHours: number;
  /** Address people use to reach the product, for links in e-mails (no trailing slash). */
  publicUrl: string;
  /** Parents can cancel or reduce online until this many hours before the session. */
  cancellationDeadlineHours: number;
  /** Reminder e-mails go out this many hours before a session. */
  reminderHoursBefore: number;
  /** Registrants' personal data is anonymised this many months after the session. */
  registrationRetentionMonths: number;
  /** True when SMTP_URL is set (the outbox viewer says whether messages leave the server). */
  smtpConfigured: boolean;
  /** MAIL_FROM: the département's sender, also the ORGANIZER of every calendar invitation. */
  mailFrom: string;
}

export const DEFAULT_MAIL_FROM = "Médianum <ne-pas-repondre@medianum.localhost>";

export const defaultApiConfig: ApiConfig = {
  environment: "development",
  sessionTtlHours: 24 * 14,
  publicUrl: "http://localhost:3000",
  cancellationDeadlineHours: 4,
  reminderHoursBefore: 48,
  registrationRetentionMonths: 6,
  smtpConfigured: false,
  mailFrom: DEFAULT_MAIL_FROM,
};
