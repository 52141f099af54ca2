import { roles } from "../users/roles.js";
import { valueList } from "../shared/value-list.js";

/**
 * What the audit log records, in the words staff use. One list: the API writes these codes, the
 * viewer shows these labels and offers them as filters. A code missing here still shows (as is).
 */
export const auditActions = valueList([
  { value: "auth.login", label: "Connexion" },
  { value: "auth.login_failed", label: "Connexion refusée (mot de passe erroné)" },
  { value: "auth.proconnect_refused", label: "Connexion ProConnect refusée" },
  { value: "auth.second_factor", label: "Code de double authentification accepté" },
  { value: "auth.second_factor_failed", label: "Code de double authentification refusé" },
  { value: "auth.totp_enabled", label: "Double authentification activée" },
  { value: "auth.totp_disabled", label: "Double authentification désactivée" },
  { value: "team.totp_reset", label: "Double authentification d'un collègue réinitialisée" },
  { value: "team.invite", label: "Invitation d'un membre de l'équipe" },
  { value: "team.password_reset", label: "Lien de nouveau mot de passe envoyé" },
  { value: "team.password_set", label: "Mot de passe choisi" },
  { value: "team.change_role", label: "Changement de rôle" },
  { value: "team.disable", label: "Compte désactivé" },
  { value: "team.enable", label: "Compte réactivé" },
  { value: "team.update_post", label: "Poste de conseiller modifié" },
  { value: "team.create_admin", label: "Administrateur créé depuis le serveur" },
  { value: "workshop.create", label: "Atelier créé" },
  { value: "workshop.update", label: "Atelier modifié" },
  { value: "workshop.session_create", label: "Séance créée" },
  { value: "workshop.session_update", label: "Séance modifiée" },
  { value: "workshop.session_duplicate", label: "Séance dupliquée" },
  { value: "workshop.session_cancel", label: "Séance annulée" },
  { value: "booking.staff_create", label: "Inscription ajoutée par l'équipe" },
  { value: "booking.staff_cancel", label: "Inscription annulée par l'équipe" },
  { value: "booking.staff_move", label: "Inscription déplacée vers une autre séance" },
  { value: "booking.export", label: "Liste des inscrits téléchargée" },
  { value: "college.review", label: "Demande de collège prise en charge" },
  { value: "college.schedule", label: "Séance en collège programmée" },
  { value: "college-slot.publish", label: "Créneaux collèges publiés" },
  { value: "college-slot.withdraw", label: "Créneau collèges retiré" },
  { value: "college.decline", label: "Demande de collège refusée" },
  { value: "college.cancel", label: "Demande de collège annulée" },
  { value: "college.cancelSession", label: "Séance en collège annulée" },
  { value: "college.message", label: "Message envoyé au collège" },
  { value: "places.create", label: "Lieu créé" },
  { value: "places.update", label: "Lieu modifié" },
  { value: "places.delete", label: "Lieu supprimé" },
  { value: "places.partner_create", label: "Partenaire créé" },
  { value: "places.partner_update", label: "Partenaire modifié" },
  { value: "places.partner_delete", label: "Partenaire supprimé" },
  { value: "stats.objectives_set", label: "Objectifs de l'année modifiés" },
  { value: "territory.fragility_imported", label: "Indices de fragilité importés" },
  { value: "exports.download", label: "Export téléchargé" },
  { value: "mail.retry", label: "Nouvel essai d'envoi d'un e-mail" },
  { value: "sync.push", label: "Envoi depuis l'application des conseillers" },
  { value: "feedback.comment.hide", label: "Commentaire d'avis masqué" },
  { value: "feedback.comment.show", label: "Commentaire d'avis de nouveau affiché" },
]);

/** The label of an action code, or the code itself for one this version does not know. */
export function auditActionLabel(code: string): string {
  return auditActions.has(code) ? auditActions.label(code) : code;
}

/** What an entry is about, by kind. */
export const auditEntityTypes = valueList([
  { value: "User", label: "Compte" },
  { value: "Counsellor", label: "Poste" },
  { value: "Workshop", label: "Atelier" },
  { value: "WorkshopSession", label: "Séance" },
  { value: "Registration", label: "Inscription" },
  { value: "CollegeRequest", label: "Demande de collège" },
  { value: "CollegeSession", label: "Séance en collège" },
  { value: "CollegeSlot", label: "Créneau collèges" },
  { value: "Place", label: "Lieu" },
  { value: "Partner", label: "Partenaire" },
  { value: "YearlyObjective", label: "Objectifs" },
  { value: "Export", label: "Export" },
  { value: "OutboxEmail", label: "E-mail" },
  { value: "FeedbackAnswer", label: "Avis" },
]);

const DETAIL_LABELS: Record<string, string> = {
  name: "Nom",
  email: "Adresse e-mail",
  role: "Rôle",
  from: "Avant",
  to: "Après",
  delivery: "Transmission du lien",
  method: "Moyen",
  sub: "Identifiant ProConnect",
  issuer: "Fournisseur d'identité",
  detail: "Détail",
  sessionsEnded: "Sessions fermées",
  kind: "Type de lien",
  format: "Format",
  filters: "Filtres",
  capacity: "Places",
  promoted: "Inscriptions confirmées depuis la liste d'attente",
  reason: "Motif",
  registrations: "Inscriptions concernées",
  applied: "Opérations appliquées",
  received: "Opérations reçues",
  updated: "Lignes mises à jour",
  rejected: "Lignes refusées",
  objectives: "Objectifs",
  created: "Compte créé",
  postStartsOn: "Début du poste",
  postEndsOn: "Fin du poste",
  territoryEpciCodes: "Intercommunalités",
  usualPlaceId: "Lieu habituel",
  phone: "Téléphone",
  sessionIds: "Séances",
  conflictsConfirmed: "Conflits de conseiller acceptés",
  outsidePeriodsConfirmed: "Séances hors des périodes demandées acceptées",
};

const VALUE_LABELS: Record<string, string> = {
  handover: "remis en main propre (affiché une fois)",
  email: "par e-mail",
  invite: "invitation",
  password_reset: "nouveau mot de passe",
  console: "depuis le serveur",
  proconnect: "ProConnect",
  password: "mot de passe",
  ...roles.labels,
};

function describeValue(v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "boolean") return v ? "oui" : "non";
  if (typeof v === "number") return new Intl.NumberFormat("fr-FR").format(v);
  if (typeof v === "string") return VALUE_LABELS[v] ?? v;
  if (Array.isArray(v)) return v.length ? v.map(describeValue).join(", ") : "—";
  return Object.entries(v as Record<string, unknown>)
    .map(([k, x]) => `${DETAIL_LABELS[k] ?? k} : ${describeValue(x)}`)
    .join(" ; ");
}

/** The details of an entry as "label : value" lines, in French; anything unknown shows as recorded. */
export function describeAuditDetails(details: unknown): Array<{ label: string; value: string }> {
  if (details === null || details === undefined) return [];
  if (typeof details !== "object" || Array.isArray(details)) return [{ label: "Détail", value: describeValue(details) }];
  return Object.entries(details as Record<string, unknown>).map(([k, v]) => ({ label: DETAIL_LABELS[k] ?? k, value: describeValue(v) }));
}
