import { appRouter, hashPassword } from "@medianum/api";
import type { Database } from "@medianum/db";
import { DEMO_PASSWORD, seedDemo } from "@medianum/db/seed";
import { createTestDatabase } from "@medianum/db/testing";
import fc from "fast-check";
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import { buildServer } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { mutatedFrom, nastyString, nastyValue } from "./fuzz/malformed.js";
import { encodeInput, percentEncode, trpcRequest } from "./fuzz/wire.js";
import { walkOptions } from "./fuzz/walk-options.js";
import { validArbitrary, type Hints } from "./fuzz/zod-arbitrary.js";
import { problemWith } from "./support/error-body.js";
import { fakeApps } from "./support/fake-apps.js";

// Fuzz test generated from the router: every procedure of appRouter (a procedure added tomorrow is
// covered the day it is added) receives malformed and valid-shaped-but-broken inputs through the
// real HTTP server (Fastify adapter, superjson decoding, validation, services, database), public
// ones anonymously, the others as each role that may call them. No answer may be a 5xx, and every
// error is JSON with a French message and no stack trace.
//
// FUZZ_SEED=<n> replays a run (printed on failure); FUZZ_RUNS=<n> sets the inputs per procedure
// (default 25, shared by the roles it lets in: about 2,400 inputs, a minute of CPU).

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const RUNS = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : 25;
/** Roles a procedure refuses answer 403 before reading the input: a few tries show it holds. */
const RUNS_WHEN_REFUSED = 2;
const PUBLIC_URL = "http://localhost:3000";

type Procedure = { _def: { type: "query" | "mutation" | "subscription"; inputs: z.core.$ZodType[] } };
const procedures = Object.entries((appRouter as unknown as { _def: { procedures: Record<string, Procedure> } })._def.procedures);

type ActorName = "anonyme" | "admin" | "coordination" | "conseiller";
interface Actor {
  name: ActorName;
  email?: string;
  cookie?: string;
}
const ACTORS: Actor[] = [
  { name: "anonyme" },
  { name: "admin", email: "admin@medianum.test" },
  { name: "coordination", email: "coordination@medianum.test" },
  { name: "conseiller", email: "conseiller1@medianum.test" },
];

let db: Database;
let app: Awaited<ReturnType<typeof buildServer>>;
let hints: Hints = {};
/** Each staff actor's user and session rows, put back after a fuzzed mutation disabled, demoted or logged them out. */
let restore: Array<{ userId: string; role: string; session: Record<string, unknown> }> = [];
const serverErrors: string[] = [];
const stats = { inputs: 0, started: 0, byStatus: new Map<number, number>(), byProcedure: new Map<string, Map<number, number>>() };
const count = (m: Map<number, number>, status: number) => m.set(status, (m.get(status) ?? 0) + 1);
const histogram = (m: Map<number, number>) => [...m.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(" ");

const hash = (s: string) => [...s].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, SEED);
let ipCounter = 0;
/** A new client address for each request, so that per-IP limits do not turn the fuzz into a test of 429s. */
const nextIp = () => `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter++ & 255}`;

async function send(actor: Actor, req: InjectOptions) {
  const headers = {
    ...(req.headers ?? {}),
    // A same-origin browser request: cross-site checks on mutations are not what is under test here.
    origin: PUBLIC_URL,
    "sec-fetch-site": "same-origin",
    ...(actor.cookie ? { cookie: actor.cookie } : {}),
  };
  stats.inputs += 1;
  return app.inject({ ...req, headers, remoteAddress: nextIp() });
}

async function login(email: string) {
  const res = await send(ACTORS[0]!, trpcRequest("auth.login", "mutation", { email, password: DEMO_PASSWORD }));
  expect(res.statusCode, res.body).toBe(200);
  return String(res.headers["set-cookie"]).split(";")[0]!;
}

async function restoreActors() {
  // One query in the usual case: every actor still enabled, in its role, with its session.
  const [{ intact }] = await db.sql.query<{ intact: number }>(
    `SELECT count(*)::int AS intact FROM "User" u JOIN "AuthSession" s ON s."userId" = u.id
      WHERE u."disabledAt" IS NULL AND (u.id, u.role, s.id) IN (SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[]))`,
    [restore.map((r) => r.userId), restore.map((r) => r.role), restore.map((r) => r.session.id)],
  ) as [{ intact: number }];
  if (intact === restore.length) return;
  for (const r of restore) {
    await db.prisma.user.update({ where: { id: r.userId }, data: { disabledAt: null, role: r.role } });
    await db.prisma.authSession.upsert({ where: { id: r.session.id as string }, create: r.session as never, update: {} });
  }
}

/** Ids and codes of the fixture's rows, by the key names inputs use, so that valid-shaped inputs hit real rows. */
async function fixtureHints(tokens: string[]): Promise<Hints> {
  const col = async (sql: string) => (await db.sql.query<{ v: unknown }>(sql)).map((r) => r.v);
  const ids = async (table: string) => col(`SELECT id AS v FROM "${table}" ORDER BY "createdAt", id LIMIT 40`);
  const workshopSessions = await ids("WorkshopSession");
  const collegeSessions = await ids("CollegeSession");
  const counsellors = await ids("Counsellor");
  const epcis = await col(`SELECT code AS v FROM "Epci" ORDER BY code`);
  const communes = await col(`SELECT "inseeCode" AS v FROM "Commune" ORDER BY "inseeCode" LIMIT 40`);
  const h: Record<string, unknown[]> = {
    sessionId: [...workshopSessions, ...collegeSessions],
    toSessionId: workshopSessions,
    workshopSessionId: workshopSessions,
    collegeSessionId: collegeSessions,
    workshopId: await ids("Workshop"),
    placeId: await ids("Place"),
    usualPlaceId: await ids("Place"),
    partnerId: await ids("Partner"),
    userId: await ids("User"),
    counsellorId: counsellors,
    registrationId: await ids("Registration"),
    requestId: await ids("CollegeRequest"),
    classId: await col(`SELECT id AS v FROM "CollegeClass" ORDER BY id LIMIT 40`),
    beneficiaryId: await ids("Beneficiary"),
    activityRecordId: await ids("ActivityRecord"),
    prescriptionId: await col(`SELECT id AS v FROM "PassPrescription" ORDER BY id LIMIT 40`),
    communeInsee: communes,
    inseeCode: communes,
    epciCode: epcis,
    scopeId: [...epcis, ...communes.slice(0, 5), ...counsellors],
    uai: await col(`SELECT DISTINCT uai AS v FROM "CollegeRequest" ORDER BY uai`),
    email: await col(`SELECT email AS v FROM "User" ORDER BY email`),
    chequeNumber: await col(`SELECT number AS v FROM "PassCheque" ORDER BY number LIMIT 40`),
    action: await col(`SELECT DISTINCT action AS v FROM "AuditLog" ORDER BY action`),
    token: tokens,
    // Well-formed second-factor codes (almost always wrong ones): the TOTP procedures get past validation.
    code: ["123456", "000000", "ABCD-EFGH-JKLM-NPQR"],
  };
  // A bare `id` names a row of the procedure's own feature: "college.request" takes a collège request's id.
  const outbox = await ids("OutboxEmail");
  h["places:id"] = [...h.placeId!, ...h.partnerId!];
  h["workshop:id"] = [...workshopSessions, ...h.workshopId!];
  h["booking:id"] = [...workshopSessions, ...h.registrationId!];
  h["college:id"] = [...h.requestId!, ...collegeSessions];
  h["outbox:id"] = outbox;
  h.id = [...workshopSessions, ...h.placeId!, ...h.registrationId!, ...h.requestId!, ...outbox, ...h.userId!, ...h.partnerId!, ...collegeSessions];
  return Object.fromEntries(Object.entries(h).filter(([, v]) => v.length > 0));
}

/** The hints for one procedure: its feature's rows for a bare `id`. */
function hintsFor(path: string): Hints {
  const feature = path.split(".")[0]!;
  return { ...hints, id: hints[`${feature}:id`] ?? hints.id ?? [] };
}

/** Links a visitor gets (manage a booking, follow a collège request): through the API, as a visitor would. */
async function visitorTokens(): Promise<string[]> {
  const anon = ACTORS[0]!;
  const upcoming = (await send(anon, trpcRequest("booking.upcomingSessions", "query", {}))).json().result.data.json as Array<{ id: string; seatsLeft: number }>;
  const open = upcoming.find((s) => s.seatsLeft > 0)!;
  const booked = await send(anon, trpcRequest("booking.book", "mutation", { sessionId: open.id, firstName: "Léa", lastName: "Fuzz", email: "lea.fuzz@exemple.fr", seats: 1, consent: true }));
  expect(booked.statusCode, booked.body).toBe(200);
  const day = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
  const submitted = await send(
    anon,
    trpcRequest("college.submit", "mutation", {
      uai: "0470040N",
      establishmentName: "Collège du Fuzz",
      address: "1 rue des Essais",
      communeInsee: "47001",
      requesterName: "Jo Principal",
      requesterRole: "principal",
      email: "principal.fuzz@exemple.fr",
      classes: [{ level: "5e", pupils: 25 }],
      topics: ["cyberbullying"],
      periods: [{ from: day(30), to: day(60) }],
      consent: true,
    }),
  );
  expect(submitted.statusCode, submitted.body).toBe(200);
  return [booked.json().result.data.json.manageToken, submitted.json().result.data.json.trackingToken];
}

function inputArbitrary(path: string, schema: z.core.$ZodType | undefined): fc.Arbitrary<unknown> {
  if (!schema) return fc.oneof(fc.constant(undefined), nastyValue);
  const valid = validArbitrary(schema, walkOptions(hintsFor(path)));
  return fc.oneof(
    { weight: 6, arbitrary: mutatedFrom(valid) },
    { weight: 2, arbitrary: valid },
    { weight: 2, arbitrary: nastyValue },
  );
}

function describeInput(input: unknown): string {
  try {
    const text = encodeInput(input);
    return text.length > 600 ? `${text.slice(0, 600)}… (${text.length} caractères)` : text;
  } catch (e) {
    return `(non encodable : ${String(e)})`;
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.prisma, { hashPassword });
  const config = { ...loadConfig({ NODE_ENV: "production", LOG_LEVEL: "silent", PUBLIC_URL }), appsDir: fakeApps(), jobsEnabled: false };
  app = await buildServer({ config, db, mailTransport: null });
  app.addHook("onError", async (req, _reply, err) => void serverErrors.push(`${req.method} ${req.url.slice(0, 120)} : ${err.stack ?? String(err)}`));
  // The API logs the cause of each unexpected error: kept to explain a failure, not printed.
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void serverErrors.push(args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(" ")));
  for (const a of ACTORS) if (a.email) a.cookie = await login(a.email);
  const users = await db.prisma.user.findMany({ where: { email: { in: ACTORS.flatMap((a) => (a.email ? [a.email] : [])) } }, include: { sessions: true } });
  restore = users.map((u) => ({ userId: u.id, role: u.role, session: u.sessions[0]! as unknown as Record<string, unknown> }));
  hints = await fixtureHints(await visitorTokens());
  stats.started = performance.now();
}, 120_000);

afterAll(async () => {
  const seconds = ((performance.now() - stats.started) / 1000).toFixed(1);
  console.info(`fuzz : ${stats.inputs} entrées envoyées en ${seconds} s (FUZZ_SEED=${SEED}, FUZZ_RUNS=${RUNS}) ; réponses des procédures : ${histogram(stats.byStatus)}`);
  // FUZZ_VERBOSE=1: how far the inputs got, per procedure (2xx: they reached the service and passed).
  if (process.env.FUZZ_VERBOSE) for (const [path, m] of stats.byProcedure) console.info(`  ${path} : ${histogram(m)}`);
  vi.restoreAllMocks();
  await app?.close();
  await db?.close();
});

describe(`fuzz of every procedure through HTTP (FUZZ_SEED=${SEED})`, () => {
  for (const [index, [path, procedure]] of procedures.entries()) {
    const type = procedure._def.type === "mutation" ? "mutation" : "query";
    it(`${path} answers every input without a 5xx`, async () => {
      // Who may call it: an anonymous call that is refused with 401 marks a procedure for logged-in roles.
      const probe = await send(ACTORS[0]!, trpcRequest(path, type, undefined));
      const actors = probe.statusCode === 401 ? ACTORS.slice(1) : ACTORS.slice(0, 1);
      const refused = new Set<Actor>();
      for (const actor of actors) if (actor.cookie && (await send(actor, trpcRequest(path, type, undefined))).statusCode === 403) refused.add(actor);
      // The procedure's budget is shared by the roles it lets in (admin and coordination mostly behave alike).
      const schema = procedure._def.inputs[0];
      const budget = schema ? RUNS : Math.ceil(RUNS / 6);
      const failures: string[] = [];
      for (const actor of actors) {
        const numRuns = refused.has(actor) ? RUNS_WHEN_REFUSED : Math.ceil(budget / Math.max(1, actors.length - refused.size));
        await fc.assert(
          fc.asyncProperty(inputArbitrary(path, schema), async (input) => {
            serverErrors.length = 0;
            let problem: string | null;
            let body = "";
            try {
              const res = await send(actor, trpcRequest(path, type, input));
              count(stats.byStatus, res.statusCode);
              if (!stats.byProcedure.has(path)) stats.byProcedure.set(path, new Map());
              count(stats.byProcedure.get(path)!, res.statusCode);
              problem = problemWith(res);
              body = res.body.slice(0, 300);
            } catch (e) {
              problem = `la requête n'a pas pu partir : ${String(e)}`;
            }
            if (type === "mutation" && actor.cookie) await restoreActors();
            if (problem && failures.length < 5) {
              failures.push(`${path} (${actor.name}) : ${problem}\n  entrée : ${describeInput(input)}\n  réponse : ${body}\n  serveur : ${serverErrors.join("\n").slice(0, 1200)}`);
            }
            return true;
          }),
          { numRuns, seed: hash(`${index}:${path}:${actor.name}`) },
        );
      }
      expect(failures, `FUZZ_SEED=${SEED} pour rejouer\n${failures.join("\n\n")}`).toEqual([]);
    }, 120_000);
  }
});

describe("raw requests no client would send", () => {
  const paths = procedures.map(([p, proc]) => ({ path: p, type: proc._def.type }));
  const rawBody = fc.oneof(
    fc.constantFrom(
      "",
      "{",
      "null",
      "[]",
      "[[[[[[[[",
      '{"json":',
      '{"json":{"a":1},"meta":{"values":{"a":["Date"]}}}',
      '{"json":"x","meta":{"values":["Date"]}}',
      '{"json":{"a":1},"meta":{"values":{"a":["class","Nope"]}}}',
      '{"json":{"a":1},"meta":{"values":{"a":["custom","Nope"]}}}',
      '{"json":{"a":1},"meta":{"values":{"a":["symbol","x"]}}}',
      '{"json":{"a":1},"meta":{"values":{"__proto__.polluted":["Date"]}}}',
      '{"json":{},"meta":{"values":{"constructor.prototype.x":["undefined"]}}}',
      '{"json":{"a":[1]},"meta":{"values":{"a":["map"]}}}',
      '{"json":{"a":1},"meta":{"values":{"a":[["custom","x"]]}}}',
      '{"json":{"a":1},"meta":{"referentialEqualities":{"a":["b.c.d"]}}}',
      '{"json":{"a":{}},"meta":{"referentialEqualities":{"a":["a.b"]}}}',
      '{"json":1,"meta":{"values":"Date"}}',
      '{"json":1,"meta":null}',
      '{"json":1,"meta":{"values":{"":["bigint"]}}}',
      '{"json":"abc","meta":{"values":["bigint"]}}',
      '{"json":"abc","meta":{"values":["number"]}}',
      '{"json":"/(/","meta":{"values":["regexp"]}}',
      '{"json":"\\u0000","meta":{"values":["Date"]}}',
      '"\\ud800"',
      '{"0":{"json":1}}',
    ),
    nastyString,
    fc.string({ unit: "binary", maxLength: 200 }),
    fc.jsonValue().map((v) => JSON.stringify(v)),
  );
  const contentType = fc.constantFrom(
    "application/json",
    "application/json; charset=utf-8",
    "application/json; charset=latin1",
    "application/json; charset=nope",
    "text/plain",
    "text/plain;charset=UTF-8",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=----x",
    "multipart/form-data",
    "application/octet-stream",
    "application/jsonx",
    "json",
    ";;;",
    "application/json; boundary",
    "a".repeat(2000),
  );

  it("malformed bodies, absurd content types and broken superjson meta answer 4xx in French", async () => {
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), rawBody, contentType, fc.boolean(), fc.constantFrom(...ACTORS), async ({ path, type }, body, ct, batch, actor) => {
        const url = `/api/trpc/${path}${batch ? "?batch=1" : ""}`;
        const req: InjectOptions =
          type === "query"
            ? { method: "GET", url: `${url}${batch ? "&" : "?"}input=${percentEncode(batch ? `{"0":${body}}` : body)}` }
            : { method: "POST", url, headers: { "content-type": ct }, payload: batch ? `{"0":${body}}` : body };
        serverErrors.length = 0;
        const res = await send(actor, req);
        const problem = problemWith(res);
        if (problem && failures.length < 5) failures.push(`${req.method} ${url} (${actor.name}, ${ct}) : ${problem}\n  corps : ${JSON.stringify(body).slice(0, 300)}\n  réponse : ${res.body.slice(0, 300)}\n  serveur : ${serverErrors.join("\n").slice(0, 800)}`);
        return true;
      }),
      { numRuns: RUNS * 10, seed: SEED },
    );
    expect(failures, `FUZZ_SEED=${SEED} pour rejouer\n${failures.join("\n\n")}`).toEqual([]);
  }, 120_000);
});
