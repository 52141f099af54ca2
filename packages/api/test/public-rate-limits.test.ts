import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../src/root.js";
import { AUTHORIZATION_MATRIX } from "./authorization-matrix.js";
import { createHarness, seedTerritory, type Harness } from "./harness.js";

// Generated from the router, like the authorization matrix: every procedure anyone may call without
// an account counts its calls per IP address, even a call whose input is refused, so a public
// procedure added tomorrow is covered the day it is added. The proof is the counter row the server
// keeps for that address, not how the procedure is written.

/** Public procedures left unlimited, each for a reason. */
const UNLIMITED: Record<string, string> = {
  "auth.me": "asked by every page load of the three applications; it reads only the caller's own session",
  "auth.logout": "ends the caller's own session, nothing else",
  "booking.upcomingSessions": "the catalogue itself, rendered by the server into the portal's page",
  "booking.filterOptions": "the catalogue's filter lists, rendered with it",
  "booking.session": "a session's public page, linked from everywhere",
};

/**
 * Limits that count only well-formed attempts, each for a reason; the test sends this input instead.
 * Login counts failed passwords (per account and per address): a malformed form never reaches the
 * password check, which is the costly and the guessable part.
 */
const WELL_FORMED: Record<string, unknown> = {
  "auth.login": { email: "personne@exemple.fr", password: "pas le bon" },
};

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await seedTerritory(h.db);
});
afterAll(() => h.close());

const publicProcedures = Object.keys(appRouter._def.procedures)
  .filter((p) => AUTHORIZATION_MATRIX[p] === "public")
  .sort();

describe("public procedures are rate-limited per IP address", () => {
  it("every exemption names a public procedure that exists", () => {
    expect(Object.keys(UNLIMITED).filter((p) => !publicProcedures.includes(p))).toEqual([]);
  });

  publicProcedures.forEach((path, i) => {
    const limited = !(path in UNLIMITED);
    it(`${path} ${limited ? "counts its calls, even with an input it refuses" : `is not limited: ${UNLIMITED[path]}`}`, async () => {
      const ip = `203.0.113.${i + 1}`;
      const api = await h.client(ip).api();
      const procedure = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], api) as (input: unknown) => Promise<unknown>;
      await procedure(path in WELL_FORMED ? WELL_FORMED[path] : { pasUnChamp: "\u0000" }).catch(() => undefined);
      const counters = await h.db.prisma.rateLimitCounter.count({ where: { key: { contains: `:ip:${ip}` } } });
      if (limited) expect(counters, `${path} : aucun compteur pour ${ip} — ajoutez rateLimited(…) avant .input()`).toBeGreaterThan(0);
      else expect(counters).toBe(0);
    });
  });
});
