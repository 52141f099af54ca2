import { valueList, type ValueOf } from "../shared/value-list.js";
import type { DashboardMetric } from "./metrics.js";

/** The four axes of the département's roadmap, for the annual review. */
export const roadmapAxes = valueList([
  { value: "autonomy", label: "Autonomie des publics", hint: "Accompagner les personnes vers l'autonomie numérique." },
  { value: "coordination", label: "Coordination de l'offre", hint: "Mailler le territoire et animer le réseau des acteurs." },
  { value: "equipment", label: "Accès à l'équipement", hint: "Faciliter l'accès au matériel et à la formation (Pass numérique)." },
  { value: "steering", label: "Pilotage", hint: "Suivre l'activité et rendre compte." },
]);
export type RoadmapAxis = ValueOf<typeof roadmapAxes>;

/** Which dashboard figures tell each axis's story in the annual review. */
export const AXIS_METRICS: Record<RoadmapAxis, readonly DashboardMetric[]> = {
  autonomy: ["peopleHelped", "individualAccompaniments", "collectiveWorkshops", "workshopParticipants", "hours"],
  coordination: ["collegesReached", "collegePupils", "parentsReached"],
  equipment: ["passPrescribed", "passUsed"],
  steering: [],
};
