import type { Prisma, PrismaClient } from "@medianum/db";
import { SET_PASSWORD_PATH, USER_TOKEN_TTL_HOURS, type UserTokenKind } from "@medianum/domain";
import { enqueueEmail } from "../mail/outbox.js";
import { PERSONAL_LINK } from "../mail/personal-link.js";
import { hashToken, newToken } from "../shared/tokens.js";

type Db = PrismaClient | Prisma.TransactionClient;

/** A link to hand over: given once, to the administrator who asked for it. */
export interface UserLink {
  url: string;
  expiresAt: Date;
}

const setPasswordPrefix = (publicUrl: string) => `${publicUrl}${SET_PASSWORD_PATH}?jeton=`;

/**
 * Creates a single-use link (invitation or password reset). Earlier unused links of the account
 * stop working: only the last one counts.
 * - `byEmail` (an SMTP server is configured): its e-mail is queued in the same transaction and
 *   gets its token when it is sent (mintSetPasswordToken), so the link exists only in the
 *   recipient's mailbox. Returns null.
 * - Otherwise no e-mail is queued: the link is returned, once, for the administrator to hand over.
 *   Only its hash is stored; nobody can read it again.
 */
export async function issueUserLink(
  tx: Prisma.TransactionClient,
  opts: { user: { id: string; email: string; displayName: string }; kind: UserTokenKind; publicUrl: string; now: Date; byEmail: boolean; invitedBy?: string },
): Promise<UserLink | null> {
  const { user, kind, now } = opts;
  await tx.userToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
  const token = newToken();
  const ttl = USER_TOKEN_TTL_HOURS[kind];
  const expiresAt = new Date(now.getTime() + ttl * 3_600_000);
  const row = await tx.userToken.create({ data: { userId: user.id, kind, tokenHash: hashToken(token), expiresAt, createdAt: now } });
  if (!opts.byEmail) return { url: `${setPasswordPrefix(opts.publicUrl)}${token}`, expiresAt };

  // `token` is dropped unseen: the e-mail's own token replaces its hash when the message is sent.
  const validity = ttl >= 48 ? `${Math.round(ttl / 24)} jours` : `${ttl} heures`;
  const text =
    kind === "invite"
      ? `Bonjour ${user.displayName},\n\n${opts.invitedBy ?? "L'équipe de coordination"} vous invite à utiliser Médianum, l'outil de l'équipe d'inclusion numérique du Département.\n\nPour choisir votre mot de passe et activer votre compte, ouvrez ce lien (valable ${validity}, une seule fois) :\n${PERSONAL_LINK}\n\nVotre identifiant est cette adresse e-mail : ${user.email}\n\nSi vous n'attendiez pas cette invitation, ignorez ce message.`
      : `Bonjour ${user.displayName},\n\nUne réinitialisation de votre mot de passe Médianum a été demandée par l'équipe de coordination.\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable ${validity}, une seule fois) :\n${PERSONAL_LINK}\n\nSi vous n'êtes pas à l'origine de cette demande, prévenez votre coordinateur ou coordinatrice.`;
  await enqueueEmail(
    tx,
    {
      to: user.email,
      subject: kind === "invite" ? "Votre accès à Médianum" : "Choisir un nouveau mot de passe Médianum",
      text,
      personalLink: { kind: "set_password", targetId: row.id, prefix: setPasswordPrefix(opts.publicUrl) },
    },
    now,
  );
  return null;
}

/**
 * The token of an invitation or reset e-mail, created as it leaves: it replaces the hash of the
 * link's row. Null when that link no longer counts (a newer one replaced it, it was used, it
 * expired, or the account was disabled): the message is then not sent.
 */
export async function mintSetPasswordToken(db: Db, userTokenId: string, now: Date): Promise<string | null> {
  const token = newToken();
  const res = await db.userToken.updateMany({
    where: { id: userTokenId, usedAt: null, expiresAt: { gt: now }, user: { disabledAt: null } },
    data: { tokenHash: hashToken(token) },
  });
  return res.count === 1 ? token : null;
}
