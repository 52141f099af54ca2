import type {
  Audience,
  ClassLevel,
  CollegeRequestStatus,
  CollegeTopic,
  DashboardMetric,
  MediationTheme,
  OpeningHours,
  PartnerKind,
  PlaceService,
  PlaceType,
  RequesterRole,
  WorkshopLevel,
  WorkshopTheme,
} from "@medianum/domain";

// Hand-written demo content. Communes are real (looked up by name in the official list);
// addresses, people and e-mails are fictitious (phone numbers are in the ranges ARCEP reserves
// for fiction, 05 36 49 and 06 39 98). Staff e-mails use the reserved .test TLD; the public's use
// @exemple.fr, which is NOT a reserved domain: keep SMTP unconfigured on a demo instance.

export const DEMO_PASSWORD = "medianum-demo";

export const STAFF = [
  { key: "admin", email: "admin@medianum.test", displayName: "Hélène Marchal", role: "admin" },
  { key: "coordination", email: "coordination@medianum.test", displayName: "Sophie Lagarde", role: "coordinator" },
] as const;

export interface CounsellorSeed {
  email: string;
  displayName: string;
  phone: string;
  usualPlace: string;
  /** Names of EPCIs (normalised match) of the counsellor's territory. */
  territory: string[];
  postStartsOn: string;
}

export const COUNSELLORS: CounsellorSeed[] = [
  {
    email: "conseiller1@medianum.test",
    displayName: "Julien Castaing",
    phone: "06 39 98 20 11",
    usualPlace: "cms-agen",
    territory: ["Agglomération d'Agen", "Confluent et Coteaux de Prayssas"],
    postStartsOn: "2021-09-01",
  },
  {
    email: "conseiller2@medianum.test",
    displayName: "Amandine Dupuy",
    phone: "06 39 98 20 12",
    usualPlace: "fs-villeneuve",
    territory: ["Grand Villeneuvois", "Lot et Tolzac"],
    postStartsOn: "2022-01-03",
  },
  {
    email: "conseiller3@medianum.test",
    displayName: "Karim Benali",
    phone: "06 39 98 20 13",
    usualPlace: "cms-marmande",
    territory: ["Val de Garonne Agglomération", "Pays de Duras"],
    postStartsOn: "2022-03-14",
  },
  {
    email: "conseiller4@medianum.test",
    displayName: "Laura Sabathé",
    phone: "06 39 98 20 14",
    usualPlace: "fs-nerac",
    territory: ["Albret Communauté", "Coteaux et Landes de Gascogne"],
    postStartsOn: "2021-11-15",
  },
  {
    email: "conseiller5@medianum.test",
    displayName: "Thomas Lafargue",
    phone: "06 39 98 20 15",
    usualPlace: "fs-fumel",
    territory: ["Fumel Vallée du Lot", "Bastides en Haut Agenais Périgord"],
    postStartsOn: "2023-02-01",
  },
  {
    email: "conseiller6@medianum.test",
    displayName: "Nadia Ferreira",
    phone: "06 39 98 20 16",
    usualPlace: "fs-miramont",
    territory: ["Pays de Lauzun", "Pays de Duras", "Bastides en Haut Agenais Périgord"],
    postStartsOn: "2024-04-02",
  },
];

// ─── Opening hours ──────────────────────────────────────────────────────────

function weekdays(days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat")[], slots: [string, string][]): OpeningHours {
  return days.flatMap((day) => slots.map(([opens, closes]) => ({ day, opens, closes })));
}
const OFFICE = weekdays(["mon", "tue", "wed", "thu", "fri"], [["08:30", "12:00"], ["13:30", "17:00"]]);
const FRANCE_SERVICES: OpeningHours = [
  ...weekdays(["mon", "tue", "wed", "thu"], [["09:00", "12:30"], ["13:30", "17:00"]]),
  ...weekdays(["fri"], [["09:00", "12:30"]]),
];
const LIBRARY: OpeningHours = [
  ...weekdays(["tue", "thu", "fri"], [["14:00", "18:30"]]),
  ...weekdays(["wed", "sat"], [["10:00", "12:30"], ["14:00", "18:00"]]),
];
const SMALL_MAIRIE: OpeningHours = weekdays(["mon", "tue", "thu", "fri"], [["09:00", "12:00"]]);
const SOCIAL_CENTRE: OpeningHours = weekdays(["mon", "tue", "wed", "thu", "fri"], [["09:00", "12:00"], ["14:00", "18:00"]]);
const EHPAD: OpeningHours = weekdays(["mon", "tue", "wed", "thu", "fri", "sat"], [["10:30", "12:00"], ["14:00", "18:00"]]);
const COLLEGE: OpeningHours = [
  ...weekdays(["mon", "tue", "thu", "fri"], [["08:00", "17:30"]]),
  ...weekdays(["wed"], [["08:00", "12:30"]]),
];

// ─── Places ─────────────────────────────────────────────────────────────────

export interface PlaceSeed {
  key: string;
  name: string;
  type: PlaceType;
  commune: string;
  address: string;
  phone?: string;
  email?: string;
  services: PlaceService[];
  hours: OpeningHours;
  accessInfo?: string;
  lat: number;
  lon: number;
  partner?: string;
}

const CMS_SERVICES: PlaceService[] = ["accompaniment", "admin_help", "social_support", "pass_numerique"];
const FS_SERVICES: PlaceService[] = ["accompaniment", "admin_help", "free_access", "aidants_connect", "pass_numerique"];
const CMS_ACCESS = "Permanence numérique hebdomadaire sur rendez-vous ou sans rendez-vous, au rez-de-chaussée.";

export const PLACES: PlaceSeed[] = [
  { key: "mairie-agen", name: "Mairie d'Agen — espace accueil citoyen", type: "mairie", commune: "Agen", address: "Place du Docteur-Esquirol", phone: "05 36 49 10 01", services: ["admin_help", "free_access"], hours: OFFICE, lat: 44.2036, lon: 0.6163 },
  { key: "media-agen", name: "Médiathèque Lacépède", type: "mediatheque", commune: "Agen", address: "2 rue Lacépède", services: ["workshops", "free_access", "accompaniment"], hours: LIBRARY, accessInfo: "Salle multimédia au 1er étage, ascenseur.", lat: 44.2042, lon: 0.6187 },
  { key: "cms-agen", name: "Centre médico-social d'Agen", type: "centre_medico_social", commune: "Agen", address: "1 rue de Bellevue", phone: "05 36 49 10 02", services: CMS_SERVICES, hours: OFFICE, accessInfo: CMS_ACCESS, lat: 44.1985, lon: 0.6121, partner: "cd47" },
  { key: "cms-boe", name: "Centre médico-social de Boé", type: "centre_medico_social", commune: "Boé", address: "12 avenue de la Gare", services: CMS_SERVICES, hours: OFFICE, accessInfo: CMS_ACCESS, lat: 44.1601, lon: 0.6293, partner: "cd47" },
  { key: "cs-le-passage", name: "Centre social de Le Passage", type: "centre_social", commune: "Le Passage", address: "5 rue Lamartine", services: ["workshops", "accompaniment", "social_support"], hours: SOCIAL_CENTRE, lat: 44.2012, lon: 0.6041 },
  { key: "fs-villeneuve", name: "France services de Villeneuve-sur-Lot", type: "france_services", commune: "Villeneuve-sur-Lot", address: "14 boulevard de la République", phone: "05 36 49 10 03", services: FS_SERVICES, hours: FRANCE_SERVICES, lat: 44.4081, lon: 0.7047 },
  { key: "cms-villeneuve", name: "Centre médico-social de Villeneuve-sur-Lot", type: "centre_medico_social", commune: "Villeneuve-sur-Lot", address: "23 rue de Penne", services: CMS_SERVICES, hours: OFFICE, accessInfo: CMS_ACCESS, lat: 44.4063, lon: 0.7011, partner: "cd47" },
  { key: "cms-sainte-livrade", name: "Centre médico-social de Sainte-Livrade-sur-Lot", type: "centre_medico_social", commune: "Sainte-Livrade-sur-Lot", address: "8 place de la Mairie", services: CMS_SERVICES, hours: OFFICE, accessInfo: CMS_ACCESS, lat: 44.3985, lon: 0.5912, partner: "cd47" },
  { key: "mairie-castelmoron", name: "Mairie de Castelmoron-sur-Lot", type: "mairie", commune: "Castelmoron-sur-Lot", address: "Place de l'Hôtel de Ville", services: ["admin_help"], hours: SMALL_MAIRIE, accessInfo: "Permanence numérique le 2e jeudi du mois, salle du conseil.", lat: 44.3975, lon: 0.4951 },
  { key: "media-marmande", name: "Médiathèque Albert-Camus", type: "mediatheque", commune: "Marmande", address: "Place du Marché", services: ["workshops", "free_access"], hours: LIBRARY, lat: 44.4999, lon: 0.1654 },
  { key: "cms-marmande", name: "Centre médico-social de Marmande", type: "centre_medico_social", commune: "Marmande", address: "30 rue Léopold-Faye", phone: "05 36 49 10 04", services: CMS_SERVICES, hours: OFFICE, accessInfo: CMS_ACCESS, lat: 44.5016, lon: 0.1689, partner: "cd47" },
  { key: "cms-tonneins", name: "Centre médico-social de Tonneins", type: "centre_medico_social", commune: "Tonneins", address: "4 cours de l'Yser", services: CMS_SERVICES, hours: OFFICE, accessInfo: CMS_ACCESS, lat: 44.3912, lon: 0.3091, partner: "cd47" },
  { key: "cs-tonneins", name: "Centre social La Manu", type: "centre_social", commune: "Tonneins", address: "17 rue de la Manufacture", services: ["workshops", "accompaniment", "social_support", "equipment"], hours: SOCIAL_CENTRE, lat: 44.3897, lon: 0.3065 },
  { key: "fs-nerac", name: "France services de Nérac", type: "france_services", commune: "Nérac", address: "9 allées d'Albret", services: FS_SERVICES, hours: FRANCE_SERVICES, lat: 44.1358, lon: 0.3392 },
  { key: "cms-nerac", name: "Centre médico-social de Nérac", type: "centre_medico_social", commune: "Nérac", address: "2 rue Sully", services: CMS_SERVICES, hours: OFFICE, accessInfo: CMS_ACCESS, lat: 44.1366, lon: 0.3421, partner: "cd47" },
  { key: "college-casteljaloux", name: "Collège Jean-Rostand", type: "college", commune: "Casteljaloux", address: "Route de Villefranche", services: ["workshops"], hours: COLLEGE, accessInfo: "Ateliers parents au CDI, entrée par le portail du parking.", lat: 44.3128, lon: 0.0903 },
  { key: "fs-fumel", name: "France services de Fumel", type: "france_services", commune: "Fumel", address: "6 place Georges-Escande", services: FS_SERVICES, hours: FRANCE_SERVICES, lat: 44.4982, lon: 0.9663 },
  { key: "cms-fumel", name: "Centre médico-social de Fumel", type: "centre_medico_social", commune: "Fumel", address: "21 avenue de l'Usine", services: CMS_SERVICES, hours: OFFICE, accessInfo: CMS_ACCESS, lat: 44.4963, lon: 0.9702, partner: "cd47" },
  { key: "mairie-duras", name: "Mairie de Duras", type: "mairie", commune: "Duras", address: "Boulevard Jean-Brisseau", services: ["admin_help", "free_access"], hours: SMALL_MAIRIE, accessInfo: "Réseau mobile faible : l'ordinateur de la mairie est relié à la fibre.", lat: 44.6762, lon: 0.1826 },
  { key: "media-castillonnes", name: "Médiathèque de Castillonnès", type: "mediatheque", commune: "Castillonnès", address: "Rue de la Paix", services: ["workshops", "free_access"], hours: LIBRARY, lat: 44.6524, lon: 0.5918 },
  { key: "ehpad-monflanquin", name: "EHPAD Les Tilleuls", type: "ehpad", commune: "Monflanquin", address: "Chemin de la Bastide", services: ["accompaniment", "workshops"], hours: EHPAD, accessInfo: "Ateliers tablette pour les résidents, le mardi après-midi.", lat: 44.5318, lon: 0.7672 },
  { key: "fs-miramont", name: "France services de Miramont-de-Guyenne", type: "france_services", commune: "Miramont-de-Guyenne", address: "1 place de l'Hôtel de Ville", services: FS_SERVICES, hours: FRANCE_SERVICES, lat: 44.6021, lon: 0.3618 },
  { key: "mairie-lauzun", name: "Mairie de Lauzun", type: "mairie", commune: "Lauzun", address: "Place de la Mairie", services: ["admin_help"], hours: SMALL_MAIRIE, lat: 44.6302, lon: 0.4617 },
  { key: "asso-aiguillon", name: "Association Le Lien numérique", type: "association", commune: "Aiguillon", address: "3 rue Thiers", services: ["accompaniment", "workshops", "equipment", "pass_numerique"], hours: weekdays(["tue", "wed", "thu"], [["14:00", "18:00"]]), lat: 44.3008, lon: 0.3382, partner: "lien-numerique" },
];

// ─── Partners ───────────────────────────────────────────────────────────────

export interface PartnerSeed {
  key: string;
  name: string;
  kind: PartnerKind;
  description: string;
  services: PlaceService[];
  commune: string;
  address: string;
  phone?: string;
  website?: string;
  hours: OpeningHours;
}

export const PARTNERS: PartnerSeed[] = [
  { key: "cd47", name: "Conseil départemental — mission inclusion numérique", kind: "public_administration", description: "Pilote l'équipe des conseillers numériques du département et les permanences des centres médico-sociaux.", services: ["accompaniment", "workshops", "pass_numerique"], commune: "Agen", address: "Hôtel du Département, 1633 avenue du Général-Leclerc", hours: OFFICE },
  { key: "ccas-agen", name: "CCAS d'Agen", kind: "social_services", description: "Aides sociales facultatives, domiciliation, accompagnement des personnes âgées.", services: ["social_support", "admin_help"], commune: "Agen", address: "Rue Voltaire", hours: OFFICE },
  { key: "ft-marmande", name: "France Travail — agence de Marmande", kind: "employment", description: "Inscription, actualisation, ateliers de recherche d'emploi en ligne.", services: ["admin_help", "free_access"], commune: "Marmande", address: "Avenue Jean-Jaurès", hours: weekdays(["mon", "tue", "wed", "thu", "fri"], [["08:30", "12:30"]]) },
  { key: "ml-villeneuve", name: "Mission locale de la moyenne vallée du Lot", kind: "employment", description: "Accompagnement des 16–25 ans : emploi, formation, mobilité.", services: ["social_support", "accompaniment"], commune: "Villeneuve-sur-Lot", address: "Rue de Casseneuil", hours: OFFICE },
  { key: "fs-casteljaloux", name: "France services de Casteljaloux", kind: "france_services", description: "Démarches CAF, CPAM, impôts, retraite, carte grise ; habilitée Aidants Connect.", services: FS_SERVICES, commune: "Casteljaloux", address: "Place Gambetta", hours: FRANCE_SERVICES },
  { key: "aidants-duras", name: "Aidants Connect — secrétariat de mairie de Duras", kind: "aidants_connect", description: "Secrétaires de mairie habilitées à faire des démarches en ligne pour le compte d'un usager.", services: ["aidants_connect", "admin_help"], commune: "Duras", address: "Boulevard Jean-Brisseau", hours: SMALL_MAIRIE },
  { key: "media-nerac", name: "Médiathèque de Nérac", kind: "library", description: "Postes en accès libre, prêt de liseuses, club informatique le samedi.", services: ["free_access", "workshops"], commune: "Nérac", address: "Rue du Château", hours: LIBRARY },
  { key: "lien-numerique", name: "Le Lien numérique (association)", kind: "association", description: "Ateliers d'initiation, reconditionnement et don d'ordinateurs, Pass numérique accepté.", services: ["workshops", "equipment", "pass_numerique", "accompaniment"], commune: "Aiguillon", address: "3 rue Thiers", hours: weekdays(["tue", "wed", "thu"], [["14:00", "18:00"]]) },
  { key: "familles-rurales", name: "Familles rurales — fédération départementale", kind: "association", description: "Ateliers parentalité et numérique dans les communes rurales.", services: ["workshops"], commune: "Villeneuve-sur-Lot", address: "Rue des Cieutat", hours: OFFICE },
  { key: "caf47", name: "Caisse d'allocations familiales de Lot-et-Garonne", kind: "public_administration", description: "Rendez-vous en visio et accompagnement aux démarches sur caf.fr.", services: ["admin_help"], commune: "Agen", address: "Rue Paul-Bert", hours: OFFICE },
  { key: "college-chaumie", name: "Collège Joseph-Chaumié", kind: "education", description: "Partenaire des séances de sensibilisation et des ateliers e-parentalité.", services: ["workshops"], commune: "Agen", address: "Boulevard de la Liberté", hours: COLLEGE },
  { key: "repair-fumel", name: "Repair café de la vallée du Lot", kind: "other", description: "Réparation de matériel informatique un samedi par mois.", services: ["equipment"], commune: "Fumel", address: "Salle des fêtes, place du Saint-Esprit", hours: weekdays(["sat"], [["09:30", "12:30"]]) },
];

// ─── E-parentalité workshops ───────────────────────────────────────────────

export interface WorkshopSeed {
  title: string;
  theme: WorkshopTheme;
  audience: Audience;
  description: string;
  whatToBring: string | null;
}

export const WORKSHOPS: WorkshopSeed[] = [
  {
    title: "Les écrans à la maison : trouver le bon équilibre",
    theme: "screens",
    audience: "parents",
    description:
      "Combien de temps d'écran selon l'âge ? Comment poser des règles sans conflit ? Un temps d'échange entre parents, avec des repères simples et des astuces pour toute la famille.",
    whatToBring: null,
  },
  {
    title: "Réseaux sociaux : ce que font nos ados en ligne",
    theme: "social_networks",
    audience: "parents",
    description:
      "TikTok, Snapchat, Instagram : à quoi servent-ils, comment fonctionnent-ils, quels réglages de confidentialité activer ? Nous regardons ensemble les applications que vos enfants utilisent.",
    whatToBring: "Votre téléphone si vous souhaitez régler vos propres comptes.",
  },
  {
    title: "Cyberharcèlement : repérer, réagir, protéger",
    theme: "cyberbullying",
    audience: "parents",
    description:
      "Reconnaître les signes, savoir à qui s'adresser (3018, établissement, plateformes), conserver les preuves. Un atelier pour être prêt à aider son enfant.",
    whatToBring: null,
  },
  {
    title: "Pronote et ÉduConnect pas à pas",
    theme: "school_tools",
    audience: "parents",
    description:
      "Se connecter avec ÉduConnect, consulter les notes, le cahier de textes et les absences, écrire aux professeurs. Nous avançons lentement, chacun sur son propre compte.",
    whatToBring: "Votre téléphone ou votre tablette, et vos identifiants ÉduConnect (courrier de l'établissement) si vous les avez.",
  },
  {
    title: "Contrôle parental sur téléphone, tablette et console",
    theme: "parental_control",
    audience: "parents",
    description:
      "Installer et régler le contrôle parental (Family Link, Temps d'écran, consoles) : limiter le temps, filtrer les contenus, garder le dialogue.",
    whatToBring: "L'appareil de votre enfant et le vôtre, chargés, avec les mots de passe des comptes.",
  },
  {
    title: "Jeux vidéo : comprendre pour mieux accompagner",
    theme: "video_games",
    audience: "parents",
    description:
      "Âges conseillés (PEGI), achats intégrés, jeux en ligne : découvrir l'univers de vos enfants et en parler avec eux.",
    whatToBring: null,
  },
];

// ─── Coop themes, weighted as the Tarn figures rank them (seed 000) ─────────

export const THEME_WEIGHTS: Partial<Record<MediationTheme, number>> = {
  PrendreEnMainDuMateriel: 30,
  AideAuxDemarchesAdministratives: 20,
  CultureNumerique: 15,
  NavigationSurInternet: 14,
  SecuriteNumerique: 12,
  Email: 9,
  GereSesContenusNumeriques: 6,
  BanqueEtAchatsEnLigne: 5,
  Sante: 4,
  Bureautique: 3,
  ReseauxSociaux: 3,
  InsertionProfessionnelle: 3,
  DiagnosticNumerique: 2,
  MaintenanceDeMateriel: 2,
  IntelligenceArtificielle: 2,
  Parentalite: 1,
  ScolariteEtNumerique: 1,
  CreerAvecLeNumerique: 1,
  Entrepreneuriat: 1,
};

export interface CollectiveTitle {
  title: string;
  themes: MediationTheme[];
  level: WorkshopLevel;
}

export const COLLECTIVE_TITLES: CollectiveTitle[] = [
  { title: "Premiers pas avec sa tablette", themes: ["PrendreEnMainDuMateriel"], level: "Debutant" },
  { title: "Bien utiliser son smartphone", themes: ["PrendreEnMainDuMateriel", "CultureNumerique"], level: "Debutant" },
  { title: "Créer et gérer sa boîte mail", themes: ["Email"], level: "Debutant" },
  { title: "Naviguer sur internet en confiance", themes: ["NavigationSurInternet", "SecuriteNumerique"], level: "Intermediaire" },
  { title: "Repérer les arnaques en ligne", themes: ["SecuriteNumerique", "CultureNumerique"], level: "Intermediaire" },
  { title: "Ranger ses photos et ses documents", themes: ["GereSesContenusNumeriques"], level: "Intermediaire" },
  { title: "Découvrir l'intelligence artificielle", themes: ["IntelligenceArtificielle", "CultureNumerique"], level: "Avance" },
  { title: "Mon espace santé et ameli.fr", themes: ["Sante", "AideAuxDemarchesAdministratives"], level: "Intermediaire" },
];

// ─── Collège requests ───────────────────────────────────────────────────────

export interface CollegeSeed {
  /** The 4 digits after "047"; the check letter is computed. */
  number: string;
  name: string;
  /** Street address (fictitious), shown to the counsellor on the day. */
  address: string;
  commune: string;
  status: CollegeRequestStatus;
  requester: { name: string; role: RequesterRole };
  classes: { level: ClassLevel; name: string; pupils: number }[];
  topics: CollegeTopic[];
  otherTopic?: string;
  /** Days from `now` when the request arrived (negative = past). */
  receivedDaysAgo: number;
  /** Days from `now` of the session, for scheduled and done requests. */
  sessionInDays?: number;
  place?: string;
  declineReason?: string;
  constraints?: string;
  counsellor: number;
  /** Booked on a slot the coordination published (portal), not requested and triaged. */
  bookedSlot?: boolean;
}

export const COLLEGES: CollegeSeed[] = [
  { number: "0018", name: "Collège Joseph-Chaumié", address: "14 rue Lamennais", commune: "Agen", status: "done", requester: { name: "Claire Bousquet", role: "cpe" }, classes: [{ level: "4e", name: "4e A", pupils: 26 }, { level: "4e", name: "4e B", pupils: 25 }], topics: ["cyberbullying", "e_reputation"], receivedDaysAgo: 75, sessionInDays: -34, counsellor: 0 },
  { number: "0873", name: "Collège Crochepierre", address: "2 allée des Tilleuls", commune: "Villeneuve-sur-Lot", status: "done", requester: { name: "Marc Delpech", role: "principal" }, classes: [{ level: "6e", name: "6e 1", pupils: 24 }, { level: "6e", name: "6e 2", pupils: 23 }, { level: "6e", name: "6e 3", pupils: 25 }], topics: ["cyberbullying"], receivedDaysAgo: 110, sessionInDays: -60, counsellor: 1 },
  { number: "0027", name: "Collège Jasmin", address: "9 boulevard de la République", commune: "Agen", status: "scheduled", requester: { name: "Isabelle Roques", role: "teacher" }, classes: [{ level: "5e", name: "5e 1", pupils: 27 }, { level: "5e", name: "5e 2", pupils: 26 }, { level: "5e", name: "5e 3", pupils: 28 }], topics: ["social_network_economics", "e_reputation"], receivedDaysAgo: 30, sessionInDays: 12, counsellor: 0, constraints: "Pas de séance le mercredi ; salle informatique disponible le jeudi matin." },
  { number: "0552", name: "Collège Jean-Rostand", address: "5 avenue du Lac", commune: "Casteljaloux", status: "scheduled", requester: { name: "Patrick Lannes", role: "cpe" }, classes: [{ level: "4e", name: "4e A", pupils: 22 }, { level: "3e", name: "3e A", pupils: 24 }], topics: ["cyberbullying", "other"], otherTopic: "Les jeux d'argent en ligne", receivedDaysAgo: 21, sessionInDays: 19, place: "college-casteljaloux", counsellor: 3 },
  { number: "0331", name: "Collège Théophile-de-Viau", address: "21 rue des Écoles", commune: "Le Passage", status: "under_review", requester: { name: "Nathalie Garcia", role: "principal" }, classes: [{ level: "6e", name: "6e A", pupils: 25 }, { level: "6e", name: "6e B", pupils: 24 }], topics: ["cyberbullying"], receivedDaysAgo: 9, counsellor: 0 },
  { number: "0664", name: "Collège Paul-Froment", address: "3 place du Foirail", commune: "Sainte-Livrade-sur-Lot", status: "received", requester: { name: "Sébastien Mouly", role: "teacher" }, classes: [{ level: "3e", name: "3e 1", pupils: 27 }], topics: ["e_reputation", "social_network_economics"], receivedDaysAgo: 2, counsellor: 1 },
  { number: "0419", name: "Collège Lucie-Aubrac", address: "1 chemin du Collège", commune: "Duras", status: "received", requester: { name: "Émilie Fauré", role: "cpe" }, classes: [{ level: "5e", name: "5e A", pupils: 21 }, { level: "4e", name: "4e A", pupils: 23 }], topics: ["cyberbullying", "e_reputation"], receivedDaysAgo: 4, counsellor: 5, constraints: "Transport scolaire : séances entre 9 h et 16 h uniquement." },
  { number: "0725", name: "Collège Germillac", address: "40 rue de la Gare", commune: "Tonneins", status: "declined", requester: { name: "Olivier Lacoste", role: "teacher" }, classes: [{ level: "3e", name: "3e C", pupils: 28 }], topics: ["social_network_economics"], receivedDaysAgo: 40, counsellor: 2, declineReason: "Les dates demandées tombent pendant la semaine où toute l'équipe anime le salon départemental ; nous vous proposons de refaire une demande pour le trimestre suivant." },
  { number: "0246", name: "Collège Val-de-Garonne", address: "17 avenue Jean-Jaurès", commune: "Marmande", status: "cancelled", requester: { name: "Anne Lescure", role: "principal" }, classes: [{ level: "6e", name: "6e B", pupils: 26 }], topics: ["cyberbullying"], receivedDaysAgo: 50, counsellor: 2 },
  // Booked on the portal, on the slots coordination published for Agen's counsellor (Tuesday and Thursday mornings).
  { number: "0415", name: "Collège Ducos-du-Hauron", address: "6 rue Pierre-Loti", commune: "Agen", status: "done", bookedSlot: true, requester: { name: "Hélène Sabathé", role: "cpe" }, classes: [{ level: "5e", name: "5e C", pupils: 25 }, { level: "5e", name: "5e D", pupils: 24 }], topics: ["cyberbullying", "e_reputation"], receivedDaysAgo: 33, sessionInDays: -19, counsellor: 0 },
  { number: "0342", name: "Collège Édouard-Herriot", address: "12 avenue Gambetta", commune: "Boé", status: "scheduled", bookedSlot: true, requester: { name: "Karim Benali", role: "teacher" }, classes: [{ level: "4e", name: "4e 2", pupils: 27 }], topics: ["social_network_economics"], receivedDaysAgo: 6, sessionInDays: 8, counsellor: 0 },
  { number: "0509", name: "Collège Jean-Moulin", address: "8 rue du Stade", commune: "Bon-Encontre", status: "scheduled", bookedSlot: true, requester: { name: "Sophie Gaubert", role: "principal" }, classes: [{ level: "6e", name: "6e A", pupils: 24 }, { level: "6e", name: "6e B", pupils: 23 }], topics: ["cyberbullying"], receivedDaysAgo: 3, sessionInDays: 15, counsellor: 0 },
];

// ─── People of the public (fictitious) ──────────────────────────────────────

export const FIRST_NAMES = [
  "Marie", "Nathalie", "Isabelle", "Sylvie", "Céline", "Sandrine", "Aurélie", "Julie", "Émilie", "Sarah",
  "Fatima", "Inès", "Laetitia", "Camille", "Stéphanie", "Jean", "Philippe", "Christophe", "David", "Nicolas",
  "Sébastien", "Mehdi", "Julien", "Anthony", "Cédric", "Romain", "Kevin", "Franck", "Yannick", "Mathieu",
];
export const LAST_NAMES = [
  "Martin", "Bernard", "Dubois", "Laporte", "Garcia", "Lafon", "Fournier", "Ducasse", "Moreau", "Lambert",
  "Baqué", "Boué", "Castex", "Delmas", "Faure", "Gouget", "Labat", "Larrieu", "Mestre", "Navarro",
  "Pujol", "Rossi", "Santos", "Sarrazin", "Tessier", "Vidal", "Benaïssa", "Pereira", "Marty", "Cazaux",
];

export const REGISTRATION_NEEDS = [
  "Mon fils entre en 6e, je ne sais pas utiliser Pronote.",
  "Ma fille passe beaucoup de temps sur son téléphone le soir.",
  "Je voudrais comprendre Snapchat.",
  "Je n'ai pas d'ordinateur, seulement un téléphone.",
  null,
  null,
  null,
] as const;

export const PRESCRIPTION_NEEDS = [
  "Formation aux bases de l'ordinateur",
  "Apprendre à utiliser son smartphone",
  "Démarches administratives en ligne en autonomie",
  "Créer et utiliser une adresse e-mail",
  "Sécuriser ses comptes et repérer les arnaques",
];

/** Metric names are the dashboard's (domain: dashboardMetrics), so objectives meet their figures. */
export const YEARLY_OBJECTIVES = [
  { metric: "peopleHelped", value: 3500 },
  { metric: "individualAccompaniments", value: 4200 },
  { metric: "collectiveWorkshops", value: 180 },
  { metric: "collegePupils", value: 600 },
] satisfies ReadonlyArray<{ metric: DashboardMetric; value: number }>;
