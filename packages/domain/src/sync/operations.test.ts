import { describe, expect, it } from "vitest";
import { syncOperationKinds, syncPayloadSchema, syncPushInput } from "./operations.js";

const op = (kind: string, payload: unknown = {}) => ({ id: "3f2b8c1e-5a4d-4e6f-9b7a-1c2d3e4f5a6b", kind, payload });

describe("sync operations", () => {
  it("accepts a batch of known kinds and refuses an unknown kind or an empty or oversized batch", () => {
    expect(syncPushInput.safeParse({ operations: [op("activity.individual.create")] }).success).toBe(true);
    expect(syncPushInput.safeParse({ operations: [op("activity.delete")] }).success).toBe(false);
    expect(syncPushInput.safeParse({ operations: [] }).success).toBe(false);
    expect(syncPushInput.safeParse({ operations: Array.from({ length: 101 }, () => op("pass.prescription")) }).success).toBe(false);
  });

  it("has a payload schema for each record kind, whose messages are the form's", () => {
    for (const kind of ["activity.individual.create", "activity.individual.update", "activity.collective.create", "activity.collective.update", "pass.prescription"] as const) {
      expect(syncPayloadSchema(kind)).toBeDefined();
    }
    const res = syncPayloadSchema("activity.individual.update")!.safeParse({ baseVersion: 0, record: {} });
    expect(res.success).toBe(false);
    expect(syncOperationKinds.label("pass.prescription")).toBe("Prescription de Pass numérique");
  });
});
