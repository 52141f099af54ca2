import { PERSONAL_LINK_MASK, type personalLinkKinds, type ValueOf } from "@medianum/domain";
import { escapeHtml } from "./layout.js";

// A personal link (set a password, manage a registration, follow a collège request) opens
// someone's account or data to whoever holds it. Its token is never written to the outbox: the
// message keeps PERSONAL_LINK where the link goes and a reference to what it opens, and the
// delivery worker creates the token the moment the message leaves for the SMTP server. Staff
// reading the outbox, a database dump or a backup find no usable link, before or after delivery.

export type PersonalLinkKind = ValueOf<typeof personalLinkKinds>;

/** Where a message's personal link goes, in its text and HTML. */
export const PERSONAL_LINK = "[[LIEN_PERSONNEL]]";

/** The link an e-mail will carry: what it opens, and the address before its token. */
export interface PersonalLinkRef {
  kind: PersonalLinkKind;
  /** UserToken id (set_password), Registration id (manage_registration), CollegeRequest id (college_tracking). */
  targetId: string;
  /** The link without its token, e.g. "https://…/inscription/". */
  prefix: string;
}

/**
 * A personal link written out in full (a programming mistake, or a link pasted into a message):
 * never stored as such. Tokens are base64url, at least 20 characters.
 */
const PLAIN_PERSONAL_LINK = /(\/inscription\/|\/colleges\/suivi\/|\/avis\/|jeton=)[A-Za-z0-9_%-]{20,}/g;

/** Masks any personal link written out in full (defence in depth: enqueueEmail runs it). */
export function maskPlainLinks(s: string): string {
  return s.replace(PLAIN_PERSONAL_LINK, (_m, path: string) => `${path}${PERSONAL_LINK_MASK}`);
}

/** The message as staff see it: the personal link's place is masked. */
export function maskedText(text: string): string {
  return text.replaceAll(PERSONAL_LINK, PERSONAL_LINK_MASK);
}

/** The message as it leaves: the freshly created link in its place (escaped in the HTML). */
export function withLink(body: { text: string; html: string | null }, url: string): { text: string; html: string | null } {
  return { text: body.text.replaceAll(PERSONAL_LINK, url), html: body.html?.replaceAll(PERSONAL_LINK, escapeHtml(url)) ?? null };
}
