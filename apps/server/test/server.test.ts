import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { hashPassword } from "@medianum/api";
import type { Database } from "@medianum/db";
import { createTestDatabase } from "@medianum/db/testing";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../src/app.js";
import { loadConfig } from "../src/config.js";

let db: Database;
let app: Awaited<ReturnType<typeof buildServer>>;

/** Built apps stand-ins: the server's routing is under test here, not the apps. */
function fakeApps() {
  const dir = mkdtempSync(join(tmpdir(), "medianum-apps-"));
  for (const name of ["portal", "counsellor", "backoffice"]) {
    mkdirSync(join(dir, name, "dist", "assets"), { recursive: true });
    writeFileSync(join(dir, name, "dist", "index.html"), `<!doctype html><title>${name}</title>`);
    writeFileSync(join(dir, name, "dist", "assets", "app-abc123.js"), `console.log(${JSON.stringify(name)});`.repeat(100));
    if (name !== "portal") writeFileSync(join(dir, name, "dist", "login.html"), `<!doctype html><title>${name} : connexion</title>`);
  }
  return dir;
}

beforeAll(async () => {
  db = await createTestDatabase();
  await db.prisma.user.create({
    data: { email: "coord@medianum.test", displayName: "Coord", role: "coordinator", passwordHash: await hashPassword("un-bon-mot-de-passe") },
  });
  const config = { ...loadConfig({ NODE_ENV: "production", LOG_LEVEL: "silent", PUBLIC_URL: "http://localhost:3000" }), appsDir: fakeApps() };
  app = await buildServer({ config, db });
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const trpcInput = (input: unknown) => JSON.stringify(superjson.serialize(input));

describe("server", () => {
  it("answers /api/health with 200 when the database is reachable", async () => {
    const res = await app.inject("/api/health");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", database: "ok", outbox: { pending: 0, oldestAgeSeconds: 0 } });
  });

  it("serves each app under its path, with a client-side-routing fallback", async () => {
    const withSession = { cookie: "medianum_session=quelque-chose" };
    for (const [path, title] of [
      ["/", "portal"],
      ["/seances/123", "portal"],
      ["/conseiller/", "counsellor"],
      ["/conseiller/agenda", "counsellor"],
      ["/pilotage/", "backoffice"],
      ["/pilotage/demandes/42", "backoffice"],
    ] as const) {
      const res = await app.inject({ url: path, headers: withSession });
      expect(res.statusCode, path).toBe(200);
      expect(res.body, path).toContain(`<title>${title}</title>`);
    }
    expect((await app.inject("/pilotage")).headers.location).toBe("/pilotage/");
    // The service worker caches the plain page by its own name, whatever the cookies.
    expect((await app.inject("/conseiller/index.html")).body).toContain("<title>counsellor</title>");
    expect((await app.inject("/conseiller/assets/missing.js")).statusCode).toBe(404);
    expect((await app.inject("/api/nothing")).statusCode).toBe(404);
  });

  it("sends the page with the login form already drawn to whoever comes without a session cookie", async () => {
    for (const [path, title] of [
      ["/conseiller/", "counsellor : connexion"],
      ["/conseiller/agenda", "counsellor : connexion"],
      ["/pilotage/", "backoffice : connexion"],
      ["/pilotage/demandes/42", "backoffice : connexion"],
      // Opened from an invitation e-mail, before any login: the page that sets a password.
      ["/pilotage/mot-de-passe", "backoffice"],
      ["/", "portal"],
    ] as const) {
      const res = await app.inject(path);
      expect(res.statusCode, path).toBe(200);
      expect(res.body, path).toContain(`<title>${title}</title>`);
    }
  });

  it("compresses assets, caches fingerprinted files for good and sends security headers", async () => {
    const res = await app.inject({ url: "/pilotage/assets/app-abc123.js", headers: { "accept-encoding": "gzip" } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers["cache-control"]).toContain("immutable");
    const page = await app.inject("/");
    expect(page.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    expect(page.headers["strict-transport-security"]).toBeDefined();
  });

  it("logs in over HTTP with an HttpOnly, SameSite, Secure cookie in production", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/trpc/auth.login",
      headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" },
      payload: trpcInput({ email: "coord@medianum.test", password: "un-bon-mot-de-passe" }),
    });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers["set-cookie"]);
    expect(cookie).toMatch(/medianum_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Secure/i);
  });

  it("answers invalid input with French field messages and no stack trace", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/trpc/booking.book",
      headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" },
      payload: trpcInput({ sessionId: "pas-un-uuid", firstName: "", lastName: "Martin", seats: 7, consent: false }),
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.json.message).toBe("Certains champs sont à corriger.");
    const fields = body.error.json.data.fieldErrors;
    expect(fields.firstName[0]).toContain("obligatoire");
    expect(fields.seats[0]).toContain("4 places au maximum");
    expect(fields.consent[0]).toContain("accepter");
    expect(res.body).not.toMatch(/at .*\.ts:\d+|stack/i);
  });

  it("sends a short API answer whole, with its length, and compresses a long one", async () => {
    const short = await app.inject({ url: "/api/trpc/workshop.sessions", headers: { "accept-encoding": "gzip" } });
    expect(short.statusCode).toBe(401);
    expect(short.headers["content-encoding"]).toBeUndefined();
    expect(Number(short.headers["content-length"])).toBe(short.rawPayload.length);
    expect(short.json().error.json.message).toBe("Votre session a expiré : connectez-vous à nouveau.");

    const calls = Array.from({ length: 30 }, () => "workshop.sessions").join(",");
    const long = await app.inject({ url: `/api/trpc/${calls}?batch=1&input=%7B%7D`, headers: { "accept-encoding": "gzip" } });
    expect(long.statusCode).toBe(401);
    expect(long.headers["content-encoding"]).toBe("gzip");
    const answers = JSON.parse(gunzipSync(long.rawPayload).toString("utf8")) as Array<{ error: { json: { message: string } } }>;
    expect(answers).toHaveLength(30);
    expect(answers[29]!.error.json.message).toBe("Votre session a expiré : connectez-vous à nouveau.");
  });

  it("refuses a staff procedure without a session, in French", async () => {
    const res = await app.inject("/api/trpc/workshop.sessions");
    expect(res.statusCode).toBe(401);
    expect(res.json().error.json.message).toBe("Votre session a expiré : connectez-vous à nouveau.");
  });

  it("answers 503 on /api/health when the database is gone", async () => {
    const lonely = await createTestDatabase();
    const config = { ...loadConfig({ NODE_ENV: "production", LOG_LEVEL: "silent", PUBLIC_URL: "http://localhost:3000" }), appsDir: fakeApps() };
    const other = await buildServer({ config, db: lonely });
    await lonely.close();
    const res = await other.inject("/api/health");
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: "unavailable", database: "unreachable" });
    await other.close();
  });
});
