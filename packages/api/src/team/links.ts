import type { Prisma } from "@medianum/db";
import { SET_PASSWORD_PATH, USER_TOKEN_TTL_HOURS, type UserTokenKind } from "@medianum/domain";
import { enqueueEmail } from "../mail/outbox.js";
import { hashToken, newToken } from "../shared/tokens.js";

/**
 * Creates a single-use link (invitation or password reset) and queues its e-mail in the same
 * transaction. Earlier unused links of the same account stop working: only the last one counts.
 */
export async function sendUserLink(
  tx: Prisma.TransactionClient,
  opts: { user: { id: string; email: string; displayName: string }; kind: UserTokenKind; publicUrl: string; now: Date; invitedBy?: string },
): Promise<void> {
  const { user, kind, now } = opts;
  await tx.userToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
  const token = newToken();
  const ttl = USER_TOKEN_TTL_HOURS[kind];
  await tx.userToken.create({
    data: { userId: user.id, kind, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + ttl * 3_600_000), createdAt: now },
  });
  const link = `${opts.publicUrl}${SET_PASSWORD_PATH}?jeton=${encodeURIComponent(token)}`;
  const validity = ttl >= 48 ? `${Math.round(ttl / 24)} jours` : `${ttl} heures`;
  const text =
    kind === "invite"
      ? `Bonjour ${user.displayName},\n\n${opts.invitedBy ?? "L'équipe de coordination"} vous invite à utiliser Médianum, l'outil de l'équipe d'inclusion numérique du Département.\n\nPour choisir votre mot de passe et activer votre compte, ouvrez ce lien (valable ${validity}, une seule fois) :\n${link}\n\nVotre identifiant est cette adresse e-mail : ${user.email}\n\nSi vous n'attendiez pas cette invitation, ignorez ce message.`
      : `Bonjour ${user.displayName},\n\nUne réinitialisation de votre mot de passe Médianum a été demandée par l'équipe de coordination.\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable ${validity}, une seule fois) :\n${link}\n\nSi vous n'êtes pas à l'origine de cette demande, prévenez votre coordinateur ou coordinatrice.`;
  await enqueueEmail(
    tx,
    { to: user.email, subject: kind === "invite" ? "Votre accès à Médianum" : "Choisir un nouveau mot de passe Médianum", text },
    now,
  );
}
