import { z } from "zod";
import { valueList, type ValueOf } from "../shared/value-list.js";
import {
  activityTypes,
  administrativeThemes,
  ageBrackets,
  autonomyLevels,
  equipment,
  genders,
  locationTypes,
  mediationThemes,
  redirectionStructures,
  socialStatuses,
  workshopLevels,
} from "../activity/coop-lists.js";
import { registrationStatuses } from "../booking/registration.js";
import { sessionStatuses } from "../workshop/workshop.js";
import { classLevels, collegeTopics } from "../college/request.js";
import { statsFilters } from "../stats/filters.js";
import { feedbackKinds } from "../feedback/questions.js";

export const exportKinds = valueList([
  { value: "activities", label: "Activité des conseillers (format Coop)" },
  { value: "registrations", label: "Inscriptions aux ateliers e-parentalité" },
  { value: "college-sessions", label: "Séances en collège" },
  { value: "feedback", label: "Avis des participants (chiffres)" },
  { value: "feedback-comments", label: "Avis des participants (commentaires)" },
]);
export type ExportKind = ValueOf<typeof exportKinds>;

export const exportFormats = valueList([
  { value: "xlsx", label: "Tableur (XLSX)" },
  { value: "csv", label: "Texte séparé par des points-virgules (CSV)" },
]);
export type ExportFormat = ValueOf<typeof exportFormats>;

/** An export link's query string: the dashboard's filters, so an export shows what the screen shows. */
export const exportQuery = statsFilters;

/** Columns of one export, in order: key (stable) and French header. */
export interface ExportColumn<Row> {
  header: string;
  value: (row: Row) => string | number | null;
  /**
   * The value is a Paris calendar day ("2027-03-29") or day and time ("2027-03-29 04:04"): CSV
   * writes it as is, XLSX as a real date cell showing that Paris wall clock.
   */
  date?: "day" | "dateTime";
}

// Raw SQL may hand an empty array back as null: both read as "nothing".
const list = <L extends { label(v: never): string; has(v: string): boolean }>(l: L, values: readonly string[] | null) =>
  (values ?? []).map((v) => (l.has(v) ? l.label(v as never) : v)).join(", ");
const one = <L extends { label(v: never): string; has(v: string): boolean }>(l: L, v: string | null) =>
  v === null ? null : l.has(v) ? l.label(v as never) : v;

/** One activity record as the export reads it (plain values, no Prisma type). */
export interface ActivityExportRow {
  id: string;
  date: string;
  type: string;
  counsellorName: string;
  participantsCount: number;
  locationType: string;
  placeName: string | null;
  communeName: string | null;
  communeInsee: string | null;
  durationMinutes: number;
  workshopTitle: string | null;
  workshopLevel: string | null;
  themes: string[];
  administrativeThemes: string[];
  administrativeDetail: string | null;
  equipment: string[];
  autonomy: string | null;
  redirectionStructure: string | null;
  gender: string | null;
  ageBracket: string | null;
  socialStatus: string | null;
  followed: boolean;
}

/** The Coop's "CRA" columns, with its labels, so a file can be compared or consolidated nationally. */
export const activityColumns: ExportColumn<ActivityExportRow>[] = [
  { header: "Identifiant", value: (r) => r.id },
  { header: "Date", value: (r) => r.date, date: "day" },
  { header: "Type", value: (r) => one(activityTypes, r.type) },
  { header: "Médiateur", value: (r) => r.counsellorName },
  { header: "Nombre de participants", value: (r) => r.participantsCount },
  { header: "Canal (type de lieu)", value: (r) => one(locationTypes, r.locationType) },
  { header: "Lieu d'activité", value: (r) => r.placeName },
  { header: "Commune", value: (r) => r.communeName },
  { header: "Code INSEE", value: (r) => r.communeInsee },
  { header: "Durée (minutes)", value: (r) => r.durationMinutes },
  { header: "Titre de l'atelier", value: (r) => r.workshopTitle },
  { header: "Niveau de l'atelier", value: (r) => one(workshopLevels, r.workshopLevel) },
  { header: "Thématiques", value: (r) => list(mediationThemes, r.themes) },
  { header: "Thématiques de la démarche administrative", value: (r) => list(administrativeThemes, r.administrativeThemes) },
  { header: "Précisions sur la démarche", value: (r) => r.administrativeDetail },
  { header: "Matériel utilisé", value: (r) => list(equipment, r.equipment) },
  { header: "Autonomie du bénéficiaire", value: (r) => one(autonomyLevels, r.autonomy) },
  { header: "Orientation", value: (r) => one(redirectionStructures, r.redirectionStructure) },
  { header: "Genre", value: (r) => one(genders, r.gender) },
  { header: "Tranche d'âge", value: (r) => one(ageBrackets, r.ageBracket) },
  { header: "Statut du bénéficiaire", value: (r) => one(socialStatuses, r.socialStatus) },
  { header: "Bénéficiaire suivi", value: (r) => (r.type === "Individuel" ? (r.followed ? "Oui" : "Non") : null) },
];

/** Registrations carry no contact details in exports: steering needs counts, not addresses. */
export interface RegistrationExportRow {
  id: string;
  sessionDate: string;
  workshopTitle: string;
  placeName: string;
  communeName: string;
  status: string;
  seats: number;
  source: string;
  registeredOn: string;
}
const sources: Record<string, string> = { portal: "Portail", staff: "Équipe", walk_in: "Sur place" };
export const registrationColumns: ExportColumn<RegistrationExportRow>[] = [
  { header: "Identifiant", value: (r) => r.id },
  { header: "Date de la séance", value: (r) => r.sessionDate, date: "dateTime" },
  { header: "Atelier", value: (r) => r.workshopTitle },
  { header: "Lieu", value: (r) => r.placeName },
  { header: "Commune", value: (r) => r.communeName },
  { header: "Statut", value: (r) => one(registrationStatuses, r.status) },
  { header: "Places", value: (r) => r.seats },
  { header: "Origine", value: (r) => sources[r.source] ?? r.source },
  { header: "Inscription le", value: (r) => r.registeredOn, date: "day" },
];

export interface CollegeSessionExportRow {
  id: string;
  date: string;
  establishmentName: string;
  uai: string;
  communeName: string;
  status: string;
  durationMinutes: number;
  classes: string[];
  pupilsPlanned: number;
  pupilsPresent: number | null;
  topicsCovered: string[];
  counsellors: string[];
}
export const collegeSessionColumns: ExportColumn<CollegeSessionExportRow>[] = [
  { header: "Identifiant", value: (r) => r.id },
  { header: "Date", value: (r) => r.date, date: "dateTime" },
  { header: "Collège", value: (r) => r.establishmentName },
  { header: "UAI", value: (r) => r.uai },
  { header: "Commune", value: (r) => r.communeName },
  { header: "Statut", value: (r) => one(sessionStatuses, r.status) },
  { header: "Durée (minutes)", value: (r) => r.durationMinutes },
  { header: "Classes", value: (r) => r.classes.map((c) => (classLevels.has(c) ? classLevels.label(c) : c)).join(", ") },
  { header: "Élèves prévus", value: (r) => r.pupilsPlanned },
  { header: "Élèves présents", value: (r) => r.pupilsPresent },
  { header: "Sujets traités", value: (r) => list(collegeTopics, r.topicsCovered) },
  { header: "Conseillers", value: (r) => r.counsellors.join(", ") },
];

/** One group of satisfaction figures (groups under the threshold carry no figure). */
export interface FeedbackExportRow {
  grouping: string;
  group: string;
  answers: number | null;
  usefulnessAverage: number | null;
  usefulPercent: number | null;
  recommendPercent: number | null;
}
export const feedbackColumns: ExportColumn<FeedbackExportRow>[] = [
  { header: "Regroupement", value: (r) => r.grouping },
  { header: "Groupe", value: (r) => r.group },
  { header: "Réponses", value: (r) => r.answers },
  { header: "Utilité moyenne (sur 4)", value: (r) => r.usefulnessAverage },
  { header: "Utile ou très utile (%)", value: (r) => r.usefulPercent },
  { header: "Recommandent (%)", value: (r) => r.recommendPercent },
];

/** One free text of an answer: its month and what it was about, nothing about who wrote it. */
export interface FeedbackCommentExportRow {
  month: string;
  kind: string;
  about: string;
  usefulness: number;
  change: string | null;
  comment: string | null;
}
export const feedbackCommentColumns: ExportColumn<FeedbackCommentExportRow>[] = [
  { header: "Mois", value: (r) => r.month },
  { header: "Type", value: (r) => one(feedbackKinds, r.kind) },
  { header: "Sur", value: (r) => r.about },
  { header: "Utilité (1 à 4)", value: (r) => r.usefulness },
  { header: "Ce qui va changer", value: (r) => r.change },
  { header: "Commentaire", value: (r) => r.comment },
];

export const exportFileName = (kind: ExportKind, from: string, to: string, format: ExportFormat) =>
  `medianum-${kind}-${from}-au-${to}.${format}`;

export const exportParams = z.object({ kind: exportKinds.schema, format: exportFormats.schema });
