import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, SESSION_COOKIE } from "../src/auth/session.js";
import { appRouter } from "../src/root.js";
import { ALLOWED, AUTHORIZATION_MATRIX, CALLERS, type Caller } from "./authorization-matrix.js";
import { createHarness, createPlace, createUser, seedTerritory, type Harness } from "./harness.js";

// Generated from the router: every procedure × every kind of caller, against the table of
// authorization-matrix.ts. A refused caller gets UNAUTHORIZED (no session) or FORBIDDEN (wrong
// role) before its input is even read; an allowed one gets through the role check (its answer
// may then be anything else: data, or a refusal of the minimal input).

let h: Harness;
const users: Partial<Record<Caller, string>> = {};
const procedures = Object.keys(appRouter._def.procedures).sort();
/** Not an input any procedure takes: a role check that read it first would answer BAD_REQUEST. */
const NOT_AN_INPUT = "pas une entrée valide";

beforeAll(async () => {
  h = await createHarness();
  await seedTerritory(h.db);
  await createPlace(h.db);
  users.counsellor = (await createUser(h.db, "counsellor", "conseiller@medianum.test")).user.id;
  users.coordinator = (await createUser(h.db, "coordinator", "coordination@medianum.test")).user.id;
  users.admin = (await createUser(h.db, "admin", "admin@medianum.test")).user.id;
});
afterAll(() => h.close());

let cell = 0;
/** Calls `path` as `caller` with a session of its own (a logout in one cell ends no other's), and returns the outcome's code. */
async function outcome(caller: Caller, path: string, input: unknown): Promise<string> {
  cell += 1;
  const client = h.client(`198.18.${Math.floor(cell / 250) % 250}.${cell % 250}`);
  if (caller !== "anonymous") client.cookies.set(SESSION_COOKIE, await createSession(h.db.prisma, users[caller]!, h.services.config, h.clock.now));
  const api = await client.api();
  const procedure = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], api) as (input: unknown) => Promise<unknown>;
  try {
    await procedure(input);
    return "OK";
  } catch (e) {
    return (e as TRPCError).code ?? "THROWN";
  }
}

describe("authorization matrix (every procedure × anonymous, counsellor, coordination, admin)", () => {
  it("every procedure of appRouter has its line in authorization-matrix.ts, and every line a procedure", () => {
    const missing = procedures.filter((p) => !(p in AUTHORIZATION_MATRIX));
    const gone = Object.keys(AUTHORIZATION_MATRIX).filter((p) => !procedures.includes(p));
    expect(missing, `procédures sans ligne dans test/authorization-matrix.ts : ${missing.join(", ")}`).toEqual([]);
    expect(gone, `lignes de test/authorization-matrix.ts sans procédure : ${gone.join(", ")}`).toEqual([]);
    expect(procedures.length).toBeGreaterThanOrEqual(89);
  });

  for (const path of procedures) {
    it(`${path} (${AUTHORIZATION_MATRIX[path] ?? "sans ligne"})`, async () => {
      const access = AUTHORIZATION_MATRIX[path];
      expect(access, `${path} n'a pas de ligne dans test/authorization-matrix.ts : dites qui peut l'appeler`).toBeDefined();
      for (const caller of CALLERS) {
        if (ALLOWED[access!].includes(caller)) {
          expect(["UNAUTHORIZED", "FORBIDDEN"], `${path} devrait être permis à ${caller}`).not.toContain(await outcome(caller, path, undefined));
        } else {
          const refusal = caller === "anonymous" ? "UNAUTHORIZED" : "FORBIDDEN";
          expect(await outcome(caller, path, undefined), `${path} devrait être refusé à ${caller}`).toBe(refusal);
          expect(await outcome(caller, path, NOT_AN_INPUT), `${path} : le rôle de ${caller} doit être vérifié avant l'entrée`).toBe(refusal);
        }
      }
    });
  }
});
