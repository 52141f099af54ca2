import { connect } from "node:net";
import { hashPassword } from "@medianum/api";
import type { Database } from "@medianum/db";
import { createTestDatabase } from "@medianum/db/testing";
import fc from "fast-check";
import type { InjectOptions } from "fastify";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { percentEncode } from "./fuzz/wire.js";
import { problemWith } from "./support/error-body.js";
import { fakeApps } from "./support/fake-apps.js";

// The HTTP layer itself, below the API: odd URLs, bodies, content types and cookies get a 4xx
// with a French JSON message on every kind of route (API, exports, health, the apps' files).
// Requests say they come from the product's own pages: cross-site refusals are not under test.
const SAME_ORIGIN = { origin: "http://localhost:3000", "sec-fetch-site": "same-origin" };

let db: Database;
let app: Awaited<ReturnType<typeof buildServer>>;
let coordCookie: string;

beforeAll(async () => {
  db = await createTestDatabase();
  await db.prisma.user.create({ data: { email: "coord@medianum.test", displayName: "Coord", role: "coordinator", passwordHash: await hashPassword("un-bon-mot-de-passe") } });
  const config = { ...loadConfig({ NODE_ENV: "production", LOG_LEVEL: "silent", PUBLIC_URL: "http://localhost:3000" }), appsDir: fakeApps(), jobsEnabled: false };
  app = await buildServer({ config, db, mailTransport: null });
  const res = await app.inject({
    method: "POST",
    url: "/api/trpc/auth.login",
    headers: { ...SAME_ORIGIN, "content-type": "application/json" },
    payload: JSON.stringify(superjson.serialize({ email: "coord@medianum.test", password: "un-bon-mot-de-passe" })),
  });
  coordCookie = String(res.headers["set-cookie"]).split(";")[0]!;
}, 120_000);
afterAll(async () => {
  await app?.close();
  await db?.close();
});

async function expectAcceptable(req: InjectOptions | string) {
  const res = await app.inject(req);
  expect(problemWith(res), `${typeof req === "string" ? req : `${req.method ?? "GET"} ${req.url}`} → ${res.statusCode} ${res.body.slice(0, 200)}`).toBeNull();
  return res;
}

/** One route of each kind the server has. */
const ROUTES = ["/api/trpc/auth.me", "/api/trpc/booking.upcomingSessions", "/api/exports/activities.csv", "/api/health", "/", "/conseiller/agenda", "/pilotage/assets/app-abc123.js", "/api/nothing", "/api/feeds/ateliers.ics", "/integration"];
const ODD = ["%00", "%ED%A0%80", "%F0%9F", "%E0%A4%A", "%", "%ZZ", "..%2F..%2Fetc%2Fpasswd", "%C0%AE%C0%AE", "%EF%BF%BF", "%0D%0A"];

describe("odd URLs", () => {
  it("a NUL, a lone surrogate or broken percent-encoding in the path of any route: 4xx in French, never 5xx", async () => {
    for (const route of ROUTES) {
      for (const odd of ODD) {
        await expectAcceptable(`${route}${odd}`);
        await expectAcceptable({ url: `${route}/${odd}`, headers: { cookie: coordCookie } });
      }
    }
    const bad = await app.inject("/api/trpc/auth.me%ED%A0%80");
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ error: "L'adresse demandée est mal formée." });
  });

  it("the same in the query string, where each route reads its parameters", async () => {
    for (const route of ROUTES) {
      for (const odd of ODD) {
        await expectAcceptable(`${route}?input=${odd}&from=${odd}&${odd}=${odd}`);
        await expectAcceptable({ url: `${route}?input=${odd}&from=2026-01-01&to=${odd}`, headers: { cookie: coordCookie } });
        // The public feeds' and embed's own filters (the embed, a page in a partner's frame, says it in HTML).
        const filters = `${route}?commune=${odd}&epci=${odd}&theme=${odd}`;
        if (route !== "/integration") await expectAcceptable(filters);
        else {
          const page = await app.inject(filters);
          expect(page.statusCode, filters).toBe(400);
          expect(page.body, filters).toContain("Cette intégration est mal réglée : commune : attendu le code INSEE");
        }
      }
    }
    const exp = await app.inject({ url: "/api/exports/activities.csv?from=%00&to=%ED%A0%80", headers: { cookie: coordCookie } });
    expect(exp.statusCode).toBe(400);
    expect(exp.json().error).toBe("Les filtres de l'export sont à corriger.");
  });

  it("any path made of random characters (fast-check)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), fc.string({ unit: "binary", maxLength: 30 }), fc.boolean(), async (route, tail, asQuery) => {
        const encoded = percentEncode(tail);
        await expectAcceptable({ url: asQuery ? `${route}?input=${encoded}` : `${route}${encoded}`, headers: { cookie: coordCookie } });
      }),
      { numRuns: 150 },
    );
  });
});

describe("odd bodies and content types", () => {
  it("a mutation with a body that is not JSON is refused with 415 in French (form posts, multipart, text, nonsense types)", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "multipart/form-data", "application/octet-stream", "application/jsonx", ";;;", "a".repeat(3000)]) {
      const res = await expectAcceptable({ method: "POST", url: "/api/trpc/auth.logout", headers: { ...SAME_ORIGIN, "content-type": type, cookie: coordCookie }, payload: "{}" });
      expect(res.statusCode, type).toBe(415);
      expect(res.json()).toEqual({ error: "Format de la demande non pris en charge : envoyez du JSON." });
    }
    // The session survived every refused attempt.
    expect((await app.inject({ url: "/api/trpc/auth.me", headers: { cookie: coordCookie } })).json().result.data.json.email).toBe("coord@medianum.test");
  });

  it("invalid JSON and broken superjson are 400 in French", async () => {
    for (const payload of ["{", '{"json":', '{"json":{"email":1},"meta":{"values":{"email":["Date"]}}}', '{"json":{},"meta":{"values":{"__proto__.x":["Date"]}}}', '"\\ud800"']) {
      const res = await expectAcceptable({ method: "POST", url: "/api/trpc/auth.login", headers: { ...SAME_ORIGIN, "content-type": "application/json" }, payload });
      expect(res.statusCode, payload).toBe(400);
    }
  });

  it("a body over 1 MB is 413 in French", async () => {
    const res = await expectAcceptable({ method: "POST", url: "/api/trpc/booking.book", headers: { ...SAME_ORIGIN, "content-type": "application/json" }, payload: `"${"a".repeat(1_100_000)}"` });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ error: "La demande est trop volumineuse." });
  });

  it("methods the API does not use are 405 in French", async () => {
    for (const method of ["PUT", "DELETE", "PATCH", "OPTIONS"] as const) {
      const res = await expectAcceptable({ method, url: "/api/trpc/auth.logout", headers: { ...SAME_ORIGIN, "content-type": "application/json" }, payload: "{}" });
      expect(res.statusCode, method).toBe(405);
    }
    const wrong = await expectAcceptable({ method: "GET", url: "/api/trpc/auth.logout" });
    expect(wrong.json().error.json.message).toBe("Méthode non prise en charge.");
    const unknown = await expectAcceptable("/api/trpc/nope.nope");
    expect(unknown.json().error.json.message).toBe("Élément introuvable.");
  });
});

describe("odd cookies", () => {
  it("a session cookie that is garbage reads as no session, on the API and on exports", async () => {
    for (const value of ["%E0%A4%A", "%ED%A0%80", "%00", "a".repeat(10_000), "\"\"", "=;=;"]) {
      const me = await expectAcceptable({ url: "/api/trpc/auth.me", headers: { cookie: `medianum_session=${value}` } });
      expect(me.json().result.data.json).toBeNull();
      const exp = await expectAcceptable({ url: "/api/exports/activities.csv?from=2026-01-01&to=2026-12-31", headers: { cookie: `medianum_session=${value}` } });
      expect(exp.statusCode).toBe(401);
    }
  });
});

describe("requests Node's HTTP parser refuses", () => {
  /** Sends raw bytes to a listening server and returns what comes back. */
  async function raw(bytes: Buffer): Promise<string> {
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    return new Promise((resolve, reject) => {
      const socket = connect(port, "127.0.0.1", () => socket.end(bytes));
      const chunks: Buffer[] = [];
      socket.on("data", (c) => chunks.push(c));
      socket.on("close", () => resolve(Buffer.concat(chunks).toString("utf8")));
      socket.on("error", reject);
    });
  }

  it("a NUL byte or a raw control character in the request line, or huge headers: a 4xx in French", async () => {
    await app.listen({ port: 0, host: "127.0.0.1" });
    const nul = await raw(Buffer.from("GET /api/health\u0000 HTTP/1.1\r\nHost: x\r\n\r\n", "latin1"));
    expect(nul).toMatch(/^HTTP\/1\.1 400 /);
    expect(nul).toContain('{"error":"La demande est mal formée."}');
    const control = await raw(Buffer.from("GET /\u0007 HTTP/1.1\r\nHost: x\r\n\r\n", "latin1"));
    expect(control).toMatch(/^HTTP\/1\.1 400 /);
    const surrogate = await raw(Buffer.concat([Buffer.from("GET /api/trpc/auth.me"), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")]));
    expect(surrogate).toMatch(/^HTTP\/1\.1 4\d\d /);
    const huge = await raw(Buffer.from(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`));
    expect(huge).toMatch(/^HTTP\/1\.1 431 /);
    expect(huge).toContain("trop volumineux");
  });
});
