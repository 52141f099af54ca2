import { hashPassword } from "@medianum/api";
import type { Database } from "@medianum/db";
import { createTestDatabase } from "@medianum/db/testing";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { TRUST_EVERY_HOP_REFUSED } from "../src/trust-proxy.js";

// Limits as a client on the network sees them: who the server thinks is calling (behind a
// proxy or not), and how long a refused client is told to wait.

let db: Database;
const apps: Array<Awaited<ReturnType<typeof buildServer>>> = [];
const json = (input: unknown) => JSON.stringify(superjson.serialize(input));

async function server(env: Record<string, string> = {}) {
  const app = await buildServer({ config: loadConfig({ NODE_ENV: "production", LOG_LEVEL: "silent", PUBLIC_URL: "http://localhost:3000", JOBS_ENABLED: "false", ...env }), db });
  apps.push(app);
  return app;
}

/** A failed login through HTTP, from `remoteAddress` (the TCP peer) with the given headers. */
function failedLogin(app: Awaited<ReturnType<typeof buildServer>>, email: string, opts: { remoteAddress?: string; headers?: Record<string, string>; batch?: boolean } = {}) {
  return app.inject({
    method: "POST",
    url: opts.batch ? "/api/trpc/auth.login?batch=1" : "/api/trpc/auth.login",
    remoteAddress: opts.remoteAddress ?? "127.0.0.1",
    headers: { "content-type": "application/json", "sec-fetch-site": "same-origin", ...opts.headers },
    payload: opts.batch ? JSON.stringify({ 0: superjson.serialize({ email, password: "pas-le-bon" }) }) : json({ email, password: "pas-le-bon" }),
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  await db.prisma.user.create({
    data: { email: "coord@medianum.test", displayName: "Coord", role: "coordinator", passwordHash: await hashPassword("un-bon-mot-de-passe") },
  });
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await db?.close();
});

describe("Retry-After on every 429", () => {
  it("a login refused for too many failures says how many seconds to wait, batched (as the apps call) or not", async () => {
    const app = await server();
    for (let i = 0; i < 5; i++) expect((await failedLogin(app, "coord@medianum.test", { remoteAddress: "192.0.2.60" })).statusCode).toBe(401);
    const single = await failedLogin(app, "coord@medianum.test", { remoteAddress: "192.0.2.60" });
    expect(single.statusCode).toBe(429);
    // The window's end, in whole seconds (15 minutes at most), as the French message and the details say.
    const wait = Number(single.headers["retry-after"]);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(900);
    expect(single.json().error.json.data.details.retryAfterSeconds).toBe(wait);
    const batched = await failedLogin(app, "coord@medianum.test", { remoteAddress: "192.0.2.60", batch: true });
    expect(batched.statusCode).toBe(429);
    expect(Number(batched.headers["retry-after"])).toBe(batched.json()[0].error.json.data.details.retryAfterSeconds);
    // Other answers carry none.
    expect((await failedLogin(app, "coord@medianum.test", { remoteAddress: "192.0.2.61" })).headers["retry-after"]).toBeUndefined();
  });

  it("any other route's 429 gets one too", async () => {
    const app = await server();
    app.get("/api/test-429", async (_req, reply) => reply.code(429).send({ error: "Trop de demandes." }));
    const res = await app.inject("/api/test-429");
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
  });
});

describe("TRUST_PROXY", () => {
  it("refuses `true` at start, saying what to write instead; accepts false, a hop count, addresses and ranges", () => {
    expect(() => loadConfig({ TRUST_PROXY: "true" })).toThrow(TRUST_EVERY_HOP_REFUSED);
    expect(TRUST_EVERY_HOP_REFUSED).toContain("TRUST_PROXY=127.0.0.1");
    expect(() => loadConfig({ TRUST_PROXY: "127.0.0.1, pas-une-adresse" })).toThrow(/« pas-une-adresse » n'est pas une adresse IP/);
    expect(() => loadConfig({ TRUST_PROXY: "10.0.0.0/33" })).toThrow(/n'est pas une adresse IP/);
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "false" }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "1" }).trustProxy).toEqual({ hops: 1 });
    expect(loadConfig({ TRUST_PROXY: "127.0.0.1, 10.0.0.0/8,::1" }).trustProxy).toEqual({ addresses: "127.0.0.1,10.0.0.0/8,::1" });
  });

  const spoofed = { "x-forwarded-for": "6.6.6.6, 203.0.113.50" };

  for (const setting of ["1", "127.0.0.1"]) {
    it(`behind one proxy (TRUST_PROXY=${setting}), X-Forwarded-For: 6.6.6.6, 203.0.113.50 is 203.0.113.50 for the limits and the audit`, async () => {
      const app = await server({ TRUST_PROXY: setting });
      const email = `proxy-${setting}@medianum.test`;
      expect((await failedLogin(app, email, { headers: spoofed })).statusCode).toBe(401);
      const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "auth.login_failed", details: { path: ["email"], equals: email } } });
      expect(audit.ip).toBe("203.0.113.50");
      const keys = (await db.prisma.rateLimitCounter.findMany({ where: { key: { contains: email } } })).map((c) => c.key);
      expect(keys).toEqual([`login:account-ip:${email}|203.0.113.50`]);
      // The address the proxy saw is limited, whatever the client writes to the left of it.
      for (let i = 0; i < 4; i++) await failedLogin(app, email, { headers: { "x-forwarded-for": `7.7.7.${i}, 203.0.113.50` } });
      expect((await failedLogin(app, email, { headers: { "x-forwarded-for": "8.8.8.8, 203.0.113.50" } })).statusCode).toBe(429);
      expect((await failedLogin(app, email, { headers: { "x-forwarded-for": "203.0.113.51" } })).statusCode).toBe(401);
    });
  }

  it("a client reaching the server directly cannot pick its address, with either setting or none", async () => {
    const settings: Array<Record<string, string>> = [{}, { TRUST_PROXY: "1" }, { TRUST_PROXY: "127.0.0.1" }];
    for (const [i, env] of settings.entries()) {
      const app = await server(env);
      const email = `direct-${i}@medianum.test`;
      await failedLogin(app, email, { remoteAddress: "198.51.100.7", headers: spoofed });
      const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "auth.login_failed", details: { path: ["email"], equals: email } } });
      expect(audit.ip, JSON.stringify(env)).toBe("198.51.100.7");
    }
  });
});
