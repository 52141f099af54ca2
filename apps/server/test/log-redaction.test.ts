import { describe, expect, it } from "vitest";
import { redactUrl } from "../src/log-redaction.js";

describe("request URLs in the logs", () => {
  it("hide link tokens and tRPC inputs, keep the route and ids readable", () => {
    const token = "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5";
    expect(redactUrl(`/inscription/${token}`)).toBe("/inscription/[jeton]");
    expect(redactUrl(`/colleges/suivi/${token}`)).toBe("/colleges/suivi/[jeton]");
    expect(redactUrl(`/api/trpc/college.track?input=${encodeURIComponent(JSON.stringify({ token }))}`)).toBe("/api/trpc/college.track?[…]");
    expect(redactUrl("/pilotage/seances/0b7e5c2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b")).toBe("/pilotage/seances/0b7e5c2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b");
  });
});
