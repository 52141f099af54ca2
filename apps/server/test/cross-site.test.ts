import { hashPassword } from "@medianum/api";
import type { Database } from "@medianum/db";
import { createTestDatabase } from "@medianum/db/testing";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { NOT_FROM_OUR_PAGES, NOT_JSON } from "../src/same-origin.js";

// Mutations only from our own pages, with JSON: every way a page of another site (or a form)
// could reach the API with the visitor's cookie is refused before anything is read or changed.

let db: Database;
let app: Awaited<ReturnType<typeof buildServer>>;
let cookie: string;
let sessionId: string;
const PUBLIC_URL = "https://medianum.example";
const json = (input: unknown) => JSON.stringify(superjson.serialize(input));

beforeAll(async () => {
  db = await createTestDatabase();
  await db.prisma.user.create({
    data: { email: "coord@medianum.test", displayName: "Coord", role: "coordinator", passwordHash: await hashPassword("un-bon-mot-de-passe") },
  });
  const config = loadConfig({ NODE_ENV: "production", LOG_LEVEL: "silent", PUBLIC_URL, JOBS_ENABLED: "false" });
  app = await buildServer({ config, db });
  const login = await app.inject({
    method: "POST",
    url: "/api/trpc/auth.login",
    headers: { "content-type": "application/json", origin: PUBLIC_URL },
    payload: json({ email: "coord@medianum.test", password: "un-bon-mot-de-passe" }),
  });
  expect(login.statusCode).toBe(200);
  cookie = String(login.headers["set-cookie"]).split(";")[0]!;
  sessionId = (await db.prisma.authSession.findFirstOrThrow()).id;
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const whoAmI = async () => {
  const res = await app.inject({ url: "/api/trpc/auth.me", headers: { cookie } });
  return (superjson.deserialize(res.json().result.data) as { email: string } | null)?.email ?? null;
};

const FORM_BODIES: Record<string, string> = {
  "application/x-www-form-urlencoded": "x=1",
  "multipart/form-data; boundary=----medianum": '------medianum\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n------medianum--\r\n',
  "text/plain": "x=1",
};

describe("state-changing requests from other sites are refused", () => {
  const refused: Array<{ name: string; headers: Record<string, string>; body?: string; message: string; status?: number }> = [
    { name: "no Origin nor Sec-Fetch-Site", headers: { "content-type": "application/json" }, message: NOT_FROM_OUR_PAGES },
    { name: "Origin of another site", headers: { "content-type": "application/json", origin: "https://evil.example" }, message: NOT_FROM_OUR_PAGES },
    { name: "Origin of another port of our host", headers: { "content-type": "application/json", origin: "https://medianum.example:8443" }, message: NOT_FROM_OUR_PAGES },
    { name: "Origin: null (sandboxed frame)", headers: { "content-type": "application/json", origin: "null" }, message: NOT_FROM_OUR_PAGES },
    { name: "Sec-Fetch-Site: cross-site", headers: { "content-type": "application/json", "sec-fetch-site": "cross-site" }, message: NOT_FROM_OUR_PAGES },
    { name: "Sec-Fetch-Site: same-site (a sibling subdomain)", headers: { "content-type": "application/json", "sec-fetch-site": "same-site" }, message: NOT_FROM_OUR_PAGES },
    {
      name: "the browser says cross-site whatever the Origin claims",
      headers: { "content-type": "application/json", "sec-fetch-site": "cross-site", origin: PUBLIC_URL },
      message: NOT_FROM_OUR_PAGES,
    },
    ...Object.entries(FORM_BODIES).flatMap(([type, body]): Array<{ name: string; headers: Record<string, string>; body: string; message: string; status?: number }> => {
      const short = type.split(";", 1)[0]!;
      return [
        { name: `a cross-site form (${short})`, headers: { "content-type": type, origin: "https://evil.example", "sec-fetch-site": "cross-site" }, body, message: NOT_FROM_OUR_PAGES },
        { name: `${short} from our own origin`, headers: { "content-type": type, origin: PUBLIC_URL }, body, message: NOT_JSON, status: 415 },
        { name: `${short} from our own page`, headers: { "content-type": type, "sec-fetch-site": "same-origin" }, body, message: NOT_JSON, status: 415 },
      ];
    }),
    { name: "no Content-Type from our own origin", headers: { origin: PUBLIC_URL }, body: "{}", message: NOT_JSON, status: 415 },
  ];

  for (const c of refused) {
    it(`auth.logout with the session cookie: ${c.name} → ${c.status ?? 403}, still logged in`, async () => {
      const res = await app.inject({ method: "POST", url: "/api/trpc/auth.logout", headers: { ...c.headers, cookie }, payload: c.body ?? "{}" });
      expect(res.statusCode).toBe(c.status ?? 403);
      expect(res.json()).toEqual({ error: c.message });
      expect(res.headers["set-cookie"]).toBeUndefined();
      expect(await db.prisma.authSession.findUnique({ where: { id: sessionId } })).not.toBeNull();
      expect(await whoAmI()).toBe("coord@medianum.test");
    });
  }

  it("a cross-site booking form stores nothing; nor do PUT, PATCH or DELETE from elsewhere", async () => {
    const before = await db.prisma.registration.count();
    const res = await app.inject({
      method: "POST",
      url: "/api/trpc/booking.book",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" },
      payload: "firstName=Bot&lastName=Bot&seats=4&consent=true",
    });
    expect(res.statusCode).toBe(403);
    for (const method of ["PUT", "PATCH", "DELETE"] as const) {
      const other = await app.inject({ method, url: "/api/trpc/auth.logout", headers: { "content-type": "application/json", origin: "https://evil.example", cookie }, payload: "{}" });
      expect(other.statusCode, method).toBe(403);
    }
    expect(await db.prisma.registration.count()).toBe(before);
    expect(await whoAmI()).toBe("coord@medianum.test");
  });

  it("reads (GET) stay open to links from anywhere", async () => {
    const res = await app.inject({ url: "/api/trpc/auth.me", headers: { cookie, origin: "https://evil.example", "sec-fetch-site": "cross-site" } });
    expect(res.statusCode).toBe(200);
    expect((await app.inject({ url: "/api/health", headers: { "sec-fetch-site": "cross-site" } })).statusCode).toBe(200);
  });
});

describe("our own pages get through", () => {
  const allowed: Array<{ name: string; headers: Record<string, string> }> = [
    { name: "Sec-Fetch-Site: same-origin (every current browser)", headers: { "sec-fetch-site": "same-origin" } },
    { name: "Sec-Fetch-Site: none (typed by the person)", headers: { "sec-fetch-site": "none" } },
    { name: "Origin equal to PUBLIC_URL", headers: { origin: PUBLIC_URL } },
    { name: "Origin equal to the Host the request was sent to", headers: { origin: "http://localhost", host: "localhost" } },
    { name: "JSON with a charset", headers: { origin: PUBLIC_URL, "content-type": "application/json; charset=utf-8" } },
  ];
  for (const [i, c] of allowed.entries()) {
    it(`${c.name} → the API answers (here: an unknown account)`, async () => {
      const res = await app.inject({
        method: "POST",
        url: "/api/trpc/auth.login",
        headers: { "content-type": "application/json", ...c.headers },
        payload: json({ email: `personne-${i}@medianum.test`, password: "pas-le-bon" }),
      });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.json.message).toBe("Adresse e-mail ou mot de passe incorrect.");
    });
  }

  it("a batched logout from our page ends the session", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/trpc/auth.logout?batch=1",
      headers: { "content-type": "application/json", "sec-fetch-site": "same-origin", origin: PUBLIC_URL, cookie },
      payload: JSON.stringify({ 0: superjson.serialize(undefined) }),
    });
    expect(res.statusCode).toBe(200);
    expect(await whoAmI()).toBeNull();
  });
});
