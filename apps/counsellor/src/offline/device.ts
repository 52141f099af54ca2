import { createContext, useContext } from "react";
import { DeviceDb } from "./db.js";
import { SyncEngine } from "./engine.js";
import { trpcClient } from "@medianum/api-client";

/** The app's single device store and sync engine. */
export const deviceDb = new DeviceDb();
export const engine = new SyncEngine(deviceDb, {
  push: async (operations) => (await trpcClient.sync.push.mutate({ operations })).results,
  snapshot: () => trpcClient.sync.snapshot.query(),
  attendanceSheet: (sessionId) => trpcClient.booking.attendanceSheet.query({ sessionId }),
  issueFeedbackKeys: (count) => trpcClient.feedback.issueKeys.mutate({ count }),
});

export const DeviceContext = createContext({ db: deviceDb, engine });
export function useDevice() {
  return useContext(DeviceContext);
}
