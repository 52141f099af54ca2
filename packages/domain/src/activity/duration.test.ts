import { describe, expect, it } from "vitest";
import { DURATION_PRESETS, durationBucket, durationBuckets } from "./duration.js";

describe("durationBucket", () => {
  it.each([
    [0, "lt30"],
    [29, "lt30"],
    [30, "30to60"],
    [59, "30to60"],
    [60, "60to120"],
    [120, "60to120"],
    [121, "gt120"],
    [720, "gt120"],
  ] as const)("%i min → %s", (minutes, bucket) => {
    expect(durationBucket(minutes)).toBe(bucket);
  });

  it("puts 2 h in « 1 h à 2 h », as the Coop counts it", () => {
    expect(durationBuckets.label(durationBucket(120))).toBe("1 h à 2 h");
  });

  it("throws on negative or non-finite durations", () => {
    for (const bad of [-1, -0.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => durationBucket(bad)).toThrow(RangeError);
    }
  });

  it("keeps the Coop's duration presets", () => {
    expect([...DURATION_PRESETS]).toEqual([15, 30, 45, 60, 90, 120]);
    expect(DURATION_PRESETS.map(durationBucket)).toEqual(["lt30", "30to60", "30to60", "60to120", "60to120", "60to120"]);
  });
});
