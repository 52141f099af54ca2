import {
  activityTypes,
  administrativeThemes,
  ageBrackets,
  auditActions,
  audiences,
  autonomyLevels,
  classLevels,
  collegeRequestStatuses,
  collegeSlotStatuses,
  collegeTopics,
  equipment,
  feedbackKinds,
  fragilityGroups,
  genders,
  locationTypes,
  mediationThemes,
  partnerKinds,
  passChequeStatuses,
  placeServices,
  placeTypes,
  recommendAnswers,
  redirectionStructures,
  registrationSources,
  registrationStatuses,
  requesterRoles,
  roles,
  sessionStatuses,
  socialStatuses,
  syncOperationKinds,
  workshopLevels,
  workshopThemes,
} from "@medianum/domain";

/**
 * Columns that hold a code of a domain value list, and that list. The list in `domain` is the one
 * source of truth; the database refuses any other code through a CHECK constraint named
 * `<table>_<column>_check`, written in a migration (Prisma cannot describe CHECK constraints).
 * `test/checks.test.ts` compares every constraint with its list: a code added to a list without
 * its migration fails there, and the failure prints the statement to put in a new migration.
 */
export const VALUE_CHECKS: ReadonlyArray<{ table: string; column: string; values: readonly string[]; array?: boolean }> = [
  { table: "Epci", column: "fragilityGroup", values: fragilityGroups.values },
  { table: "Place", column: "type", values: placeTypes.values },
  { table: "Place", column: "services", values: placeServices.values, array: true },
  { table: "Partner", column: "kind", values: partnerKinds.values },
  { table: "Partner", column: "services", values: placeServices.values, array: true },
  { table: "User", column: "role", values: roles.values },
  { table: "ActivityRecord", column: "type", values: activityTypes.values },
  { table: "ActivityRecord", column: "locationType", values: locationTypes.values },
  { table: "ActivityRecord", column: "themes", values: mediationThemes.values, array: true },
  { table: "ActivityRecord", column: "administrativeThemes", values: administrativeThemes.values, array: true },
  { table: "ActivityRecord", column: "equipment", values: equipment.values, array: true },
  { table: "ActivityRecord", column: "autonomy", values: autonomyLevels.values },
  { table: "ActivityRecord", column: "redirectionStructure", values: redirectionStructures.values },
  { table: "ActivityRecord", column: "gender", values: genders.values },
  { table: "ActivityRecord", column: "ageBracket", values: ageBrackets.values },
  { table: "ActivityRecord", column: "socialStatus", values: socialStatuses.values },
  { table: "ActivityRecord", column: "workshopLevel", values: workshopLevels.values },
  { table: "Workshop", column: "theme", values: workshopThemes.values },
  { table: "Workshop", column: "audience", values: audiences.values },
  { table: "WorkshopSession", column: "status", values: sessionStatuses.values },
  { table: "Registration", column: "status", values: registrationStatuses.values },
  { table: "Registration", column: "source", values: registrationSources.values },
  { table: "CollegeRequest", column: "status", values: collegeRequestStatuses.values },
  { table: "CollegeRequest", column: "requesterRole", values: requesterRoles.values },
  { table: "CollegeRequest", column: "topics", values: collegeTopics.values, array: true },
  { table: "CollegeRequestEvent", column: "toStatus", values: collegeRequestStatuses.values },
  { table: "CollegeRequestEvent", column: "fromStatus", values: collegeRequestStatuses.values },
  { table: "CollegeClass", column: "level", values: classLevels.values },
  { table: "CollegeSession", column: "status", values: sessionStatuses.values },
  { table: "CollegeSlot", column: "status", values: collegeSlotStatuses.values },
  { table: "CollegeSlot", column: "topics", values: collegeTopics.values, array: true },
  { table: "PassCheque", column: "status", values: passChequeStatuses.values },
  { table: "SyncReceipt", column: "kind", values: syncOperationKinds.values },
  { table: "FeedbackInvitation", column: "kind", values: feedbackKinds.values },
  { table: "FeedbackAnswer", column: "kind", values: feedbackKinds.values },
  { table: "FeedbackAnswer", column: "recommend", values: recommendAnswers.values },
  // A new audit action needs its migration too: the log takes no code the viewer cannot name.
  { table: "AuditLog", column: "action", values: auditActions.values },
];

const literal = (v: string) => `'${v.replace(/'/g, "''")}'`;

/** The statement that creates a column's constraint (NULL passes: optional columns stay optional). */
export function valueCheckSql({ table, column, values, array }: (typeof VALUE_CHECKS)[number]): string {
  const list = values.map(literal).join(", ");
  const condition = array ? `"${column}" <@ ARRAY[${list}]::TEXT[]` : `"${column}" IN (${list})`;
  return `ALTER TABLE "${table}" ADD CONSTRAINT "${table}_${column}_check" CHECK (${condition});`;
}
