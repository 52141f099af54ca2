import { z } from "zod";
import { placeOption, recordDefaults } from "../activity/views.js";
import { agendaItem } from "../agenda/views.js";
import { counsellorCollegeSessionView } from "../college/views.js";
import { directoryEntry } from "../directory/entries.js";
import { passChequeView, passPrescriptionView } from "../pass-numerique/prescription.js";
import { activityRecordView } from "./records.js";

/** Everything the device keeps to work offline, fetched in one request when the network is there. */
export const syncSnapshot = z.object({
  generatedAt: z.date(),
  agenda: z.array(agendaItem),
  records: z.array(activityRecordView),
  places: z.array(placeOption),
  defaults: recordDefaults,
  directory: z.array(directoryEntry),
  cheques: z.array(passChequeView),
  prescriptions: z.array(passPrescriptionView),
  /** My collège sessions (60 days back and coming), to read them and file their report offline. */
  collegeSessions: z.array(counsellorCollegeSessionView),
});
export type SyncSnapshot = z.infer<typeof syncSnapshot>;
