import { activityRecordView, agendaItem, directoryEntry, passChequeView, passPrescriptionView, placeOption, recordDefaults } from "@medianum/domain";
import { z } from "zod";

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
});
export type SyncSnapshot = z.infer<typeof syncSnapshot>;

/** Records kept on the device: this year's (for my figures) and at least the last 120 days. */
export const SNAPSHOT_RECORD_DAYS = 120;
export const SNAPSHOT_RECORD_MAX = 3000;
