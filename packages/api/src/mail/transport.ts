import { readFileSync } from "node:fs";
import nodemailer, { type SendMailOptions } from "nodemailer";

/** What the delivery worker needs from a mail transport (nodemailer's SMTP transport, or a test double of it). */
export interface MailTransport {
  sendMail(message: SendMailOptions): Promise<unknown>;
  close?(): void;
}

/** DKIM signing of every message: the private key's selector published in DNS at <selector>._domainkey.<domain>. */
export interface DkimSettings {
  domainName: string;
  keySelector: string;
  /** PEM text of the private key. */
  privateKey: string;
}

/** The PEM key of DKIM_PRIVATE_KEY (the key itself, with \n for line breaks in an env file) or of a file. */
export function readDkimKey(value: string | undefined, file: string | undefined): string | undefined {
  if (value) return value.replace(/\\n/g, "\n");
  return file ? readFileSync(file, "utf8") : undefined;
}

/** A pooled SMTP transport from a URL such as smtp://user:pass@host:587 or smtps://host:465, signing with DKIM when set. */
export function createSmtpTransport(url: string, opts: { dkim?: DkimSettings | undefined } = {}): MailTransport {
  return nodemailer.createTransport({ url, pool: true, ...(opts.dkim ? { dkim: opts.dkim } : {}) });
}
