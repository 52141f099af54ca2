/**
 * ProConnect (the State's OpenID Connect federation for public agents): why a login through it
 * was refused. The server puts the code in the login page's address (`?proconnect=<code>`), the
 * page shows the message; one list so that both sides agree.
 */
export const PROCONNECT_REFUSALS = {
  "compte-inconnu": "Aucun compte Médianum actif n'est associé à cette adresse ProConnect. Demandez une invitation à votre coordination.",
  "compte-desactive": "Votre compte Médianum est désactivé. Demandez à votre coordination de le réactiver.",
  "sans-email": "ProConnect n'a pas transmis d'adresse e-mail : la connexion est impossible. Réessayez ou connectez-vous avec votre mot de passe.",
  "etat-invalide": "La connexion ProConnect a expiré ou ne vient pas de cette page. Cliquez de nouveau sur « Se connecter avec ProConnect ».",
  "echec": "La connexion avec ProConnect a échoué. Réessayez dans un instant ou connectez-vous avec votre mot de passe.",
  "annulee": "La connexion avec ProConnect a été annulée.",
  "trop-de-tentatives": "Trop de tentatives de connexion avec ProConnect : réessayez dans quelques minutes.",
  "indisponible": "La connexion avec ProConnect n'est pas disponible sur cette instance : connectez-vous avec votre mot de passe.",
} as const;
export type ProConnectRefusal = keyof typeof PROCONNECT_REFUSALS;

/** The refusal behind `?proconnect=<code>`, or null for anything else (a code we never send). */
export function proConnectRefusalMessage(code: string | null | undefined): string | null {
  return code && Object.hasOwn(PROCONNECT_REFUSALS, code) ? PROCONNECT_REFUSALS[code as ProConnectRefusal] : null;
}

/** Where each app starts a ProConnect login and comes back to (its login page). */
export const PROCONNECT_APPS = { pilotage: "/pilotage/", conseiller: "/conseiller/" } as const;
export type ProConnectApp = keyof typeof PROCONNECT_APPS;
export const PROCONNECT_LOGIN_PATH = "/api/auth/proconnect/login";
export const PROCONNECT_CONFIG_PATH = "/api/auth/proconnect/config";
