import { valueList, type ValueOf } from "../shared/value-list.js";

/**
 * The dashboard's figures, defined once: their codes are also the `metric` of a YearlyObjective,
 * so that an objective set by staff is compared with the figure of the same name.
 */
export const dashboardMetrics = valueList([
  {
    value: "peopleHelped",
    label: "Personnes accompagnées",
    hint: "Chaque accompagnement individuel anonyme compte une personne ; une personne suivie compte une seule fois sur la période, quel que soit le nombre de ses accompagnements ; chaque atelier collectif compte ses participants.",
  },
  { value: "individualAccompaniments", label: "Accompagnements individuels" },
  { value: "collectiveWorkshops", label: "Ateliers collectifs", hint: "Ateliers enregistrés par les conseillers, y compris les séances e-parentalité et en collège." },
  { value: "workshopParticipants", label: "Participants aux ateliers collectifs" },
  { value: "hours", label: "Heures d'accompagnement", hint: "Durée cumulée des accompagnements et des ateliers, en heures." },
  { value: "collegesReached", label: "Collèges touchés", hint: "Collèges distincts ayant eu au moins une séance réalisée." },
  { value: "collegePupils", label: "Élèves sensibilisés", hint: "Élèves présents aux séances réalisées (effectif de la classe quand la présence n'a pas été saisie)." },
  { value: "parentsReached", label: "Parents touchés", hint: "Places des inscriptions marquées « présent » aux ateliers e-parentalité." },
  { value: "passPrescribed", label: "Chèques Pass numérique prescrits", hint: "Chèques remis lors d'une prescription datée de la période ; pour une commune ou un EPCI, selon la commune de la personne suivie quand elle est connue." },
  { value: "passUsed", label: "Chèques Pass numérique utilisés", hint: "Chèques encaissés pendant la période, rattachés comme les prescriptions." },
]);
export type DashboardMetric = ValueOf<typeof dashboardMetrics>;

/** Short definition shown next to the "people accompanied" figure, everywhere it appears. */
export const PEOPLE_HELPED_DEFINITION = dashboardMetrics.items[0].hint;
