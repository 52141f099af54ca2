import { valueList, type ValueOf } from "../shared/value-list.js";

// Value lists of "La Coop de la médiation numérique" (ANCT), with the Coop's own codes, so that
// records can be consolidated nationally without translation.

export const activityTypes = valueList([
  { value: "Individuel", label: "Accompagnement individuel" },
  { value: "Collectif", label: "Atelier collectif" },
]);
export type ActivityType = ValueOf<typeof activityTypes>;

export const mediationThemes = valueList([
  { value: "DiagnosticNumerique", label: "Diagnostic numérique" },
  { value: "PrendreEnMainDuMateriel", label: "Prendre en main du matériel" },
  { value: "MaintenanceDeMateriel", label: "Maintenance de matériel" },
  { value: "GereSesContenusNumeriques", label: "Gérer ses contenus numériques" },
  { value: "NavigationSurInternet", label: "Navigation sur internet" },
  { value: "Email", label: "E-mail" },
  { value: "Bureautique", label: "Bureautique" },
  { value: "ReseauxSociaux", label: "Réseaux sociaux" },
  { value: "Sante", label: "Santé" },
  { value: "BanqueEtAchatsEnLigne", label: "Banque et achats en ligne" },
  { value: "Entrepreneuriat", label: "Entrepreneuriat" },
  { value: "InsertionProfessionnelle", label: "Insertion professionnelle" },
  { value: "SecuriteNumerique", label: "Sécurité numérique" },
  { value: "Parentalite", label: "Parentalité" },
  { value: "ScolariteEtNumerique", label: "Scolarité et numérique" },
  { value: "CreerAvecLeNumerique", label: "Créer avec le numérique" },
  { value: "CultureNumerique", label: "Culture numérique" },
  { value: "IntelligenceArtificielle", label: "Intelligence artificielle" },
  { value: "AideAuxDemarchesAdministratives", label: "Aide aux démarches administratives" },
]);
export type MediationTheme = ValueOf<typeof mediationThemes>;

export const administrativeThemes = valueList([
  { value: "PapiersElectionsCitoyennete", label: "Papiers, élections, citoyenneté" },
  { value: "FamilleScolarite", label: "Famille, scolarité" },
  { value: "SocialSante", label: "Social, santé" },
  { value: "TravailFormation", label: "Travail, formation" },
  { value: "Logement", label: "Logement" },
  { value: "TransportsMobilite", label: "Transports, mobilité" },
  { value: "ArgentImpots", label: "Argent, impôts" },
  { value: "Justice", label: "Justice" },
  { value: "EtrangersEurope", label: "Étrangers, Europe" },
  { value: "LoisirsSportsCulture", label: "Loisirs, sports, culture" },
  { value: "Associations", label: "Associations" },
]);
export type AdministrativeTheme = ValueOf<typeof administrativeThemes>;

export const locationTypes = valueList([
  { value: "LieuActivite", label: "Lieu d'activité" },
  { value: "Domicile", label: "À domicile" },
  { value: "ADistance", label: "À distance" },
  { value: "Autre", label: "Autre lieu" },
]);
export type LocationType = ValueOf<typeof locationTypes>;

export const equipment = valueList([
  { value: "Ordinateur", label: "Ordinateur" },
  { value: "Telephone", label: "Téléphone" },
  { value: "Tablette", label: "Tablette" },
  { value: "Autre", label: "Autre matériel" },
  { value: "Aucun", label: "Pas de matériel" },
]);
export type Equipment = ValueOf<typeof equipment>;

export const autonomyLevels = valueList([
  { value: "EntierementAccompagne", label: "Entièrement accompagné" },
  { value: "PartiellementAutonome", label: "Partiellement autonome" },
  { value: "Autonome", label: "Autonome" },
]);
export type AutonomyLevel = ValueOf<typeof autonomyLevels>;

export const redirectionStructures = valueList([
  { value: "Administration", label: "Administration" },
  { value: "MediationNumerique", label: "Structure de médiation numérique" },
  { value: "OperateurOuOrganismeEnCharge", label: "Opérateur ou organisme en charge" },
  { value: "AideSociale", label: "Structure d'aide sociale" },
  { value: "InsertionProfessionnelle", label: "Structure d'insertion professionnelle" },
  { value: "AideAuxDemarchesAdministratives", label: "Aide aux démarches administratives (France services…)" },
  { value: "Autre", label: "Autre" },
]);
export type RedirectionStructure = ValueOf<typeof redirectionStructures>;

export const workshopLevels = valueList([
  { value: "Debutant", label: "Débutant" },
  { value: "Intermediaire", label: "Intermédiaire" },
  { value: "Avance", label: "Avancé" },
]);
export type WorkshopLevel = ValueOf<typeof workshopLevels>;

export const genders = valueList([
  { value: "Masculin", label: "Masculin" },
  { value: "Feminin", label: "Féminin" },
  { value: "NonCommunique", label: "Non communiqué" },
]);
export type Gender = ValueOf<typeof genders>;

export const ageBrackets = valueList([
  { value: "MoinsDeDouze", label: "Moins de 12 ans" },
  { value: "DouzeDixHuit", label: "12 à 17 ans" },
  { value: "DixHuitVingtQuatre", label: "18 à 24 ans" },
  { value: "VingtCinqTrenteNeuf", label: "25 à 39 ans" },
  { value: "QuaranteCinquanteNeuf", label: "40 à 59 ans" },
  { value: "SoixanteSoixanteNeuf", label: "60 à 69 ans" },
  { value: "SoixanteDixPlus", label: "70 ans et plus" },
  { value: "NonCommunique", label: "Non communiqué" },
]);
export type AgeBracket = ValueOf<typeof ageBrackets>;

export const socialStatuses = valueList([
  { value: "Scolarise", label: "Scolarisé(e)" },
  { value: "SansEmploi", label: "Sans emploi" },
  { value: "EnEmploi", label: "En emploi" },
  { value: "Retraite", label: "Retraité(e)" },
  { value: "NonCommunique", label: "Non communiqué" },
]);
export type SocialStatus = ValueOf<typeof socialStatuses>;
