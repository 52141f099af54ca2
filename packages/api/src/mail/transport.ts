import nodemailer, { type SendMailOptions } from "nodemailer";

/** What the delivery worker needs from a mail transport (nodemailer's SMTP transport, or a test double of it). */
export interface MailTransport {
  sendMail(message: SendMailOptions): Promise<unknown>;
  close?(): void;
}

/** A pooled SMTP transport from a URL such as smtp://user:pass@host:587 or smtps://host:465. */
export function createSmtpTransport(url: string): MailTransport {
  return nodemailer.createTransport(url.includes("?") ? `${url}&pool=true` : `${url}?pool=true`);
}
