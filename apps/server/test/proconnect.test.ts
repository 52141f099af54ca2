import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { hashPassword } from "@medianum/api";
import type { Database } from "@medianum/db";
import { createTestDatabase } from "@medianum/db/testing";
import { PROCONNECT_REFUSALS } from "@medianum/domain";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { fakeApps } from "./support/fake-apps.js";
import { startTestProvider, type TestProvider } from "./support/oidc-provider.js";

/**
 * ProConnect login end to end: a real OpenID provider (oidc-provider) on a local port, shaped
 * like ProConnect (code flow with PKCE, the e-mail only in a signed userinfo JWT), and the real
 * server; every step goes over HTTP, following redirects with a cookie jar per origin, as a
 * browser would. Only the provider's login screen is automated (support/oidc-provider.ts).
 */

const CLIENT_ID = "medianum-test";
const CLIENT_SECRET = "un-secret-de-client-assez-long-pour-proconnect";

let db: Database;
let app: Awaited<ReturnType<typeof buildServer>>;
let base: string;
let provider: TestProvider;
let issuer: string;
const ids = { coordinator: "", counsellor: "", disabled: "" };

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

beforeAll(async () => {
  db = await createTestDatabase();
  const passwordHash = await hashPassword("un-bon-mot-de-passe");
  ids.coordinator = (await db.prisma.user.create({ data: { email: "coord@medianum.test", displayName: "Coord", role: "coordinator", passwordHash } })).id;
  ids.counsellor = (await db.prisma.user.create({ data: { email: "cnum@medianum.test", displayName: "Cnum", role: "counsellor", passwordHash } })).id;
  ids.disabled = (
    await db.prisma.user.create({ data: { email: "parti@medianum.test", displayName: "Parti", role: "coordinator", passwordHash, disabledAt: new Date() } })
  ).id;
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  provider = await startTestProvider({ redirectUri: `${base}/api/auth/proconnect/callback`, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  issuer = provider.issuer;
  const config = {
    ...loadConfig({
      NODE_ENV: "test",
      LOG_LEVEL: "silent",
      JOBS_ENABLED: "false",
      PUBLIC_URL: base,
      PROCONNECT_ISSUER: issuer,
      PROCONNECT_CLIENT_ID: CLIENT_ID,
      PROCONNECT_CLIENT_SECRET: CLIENT_SECRET,
    }),
    appsDir: fakeApps(),
  };
  app = await buildServer({ config, db });
  await app.listen({ port, host: "127.0.0.1" });
  // A fresh database, an argon2 hash, an RSA key and the server: slow on a busy shared machine.
}, 180_000);
afterAll(async () => {
  await app?.close();
  await db?.close();
  await provider?.close();
});

/** Cookies per origin (scheme, host and port), as a browser keeps them apart for these two servers. */
class CookieJar {
  private readonly byOrigin = new Map<string, Map<string, string>>();
  header(url: URL) {
    return [...(this.byOrigin.get(url.origin) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  get(url: string, name: string) {
    return this.byOrigin.get(new URL(url).origin)?.get(name);
  }
  store(url: URL, res: Response) {
    const jar = this.byOrigin.get(url.origin) ?? new Map<string, string>();
    this.byOrigin.set(url.origin, jar);
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const gone = value === "" || attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && new Date(a.split("=")[1]!) < new Date()));
      if (gone) jar.delete(name);
      else jar.set(name, value);
    }
  }
}

interface Journey {
  jar: CookieJar;
  /** The page of the product the person lands on at the end. */
  landing: URL;
  /** Every address visited, in order. */
  visited: URL[];
}

/**
 * Clicks "Se connecter avec ProConnect" and follows the redirects until a page of the product.
 * `rewrite` changes an address before it is visited (an attacker's or a broken proxy's doing).
 */
async function loginWithProConnect(email: string, opts: { app?: string; jar?: CookieJar; rewrite?: (url: URL) => URL; callbackJar?: CookieJar } = {}): Promise<Journey> {
  provider.loginAs(email);
  const jar = opts.jar ?? new CookieJar();
  const visited: URL[] = [];
  let url = new URL(`${base}/api/auth/proconnect/login${opts.app ? `?app=${opts.app}` : ""}`);
  for (let hop = 0; hop < 20; hop++) {
    url = opts.rewrite ? opts.rewrite(url) : url;
    visited.push(url);
    const useJar = url.pathname === "/api/auth/proconnect/callback" && opts.callbackJar ? opts.callbackJar : jar;
    const res = await fetch(url, { redirect: "manual", headers: { cookie: useJar.header(url) } });
    useJar.store(url, res);
    const location = res.headers.get("location");
    if (res.status < 300 || res.status >= 400 || !location) throw new Error(`${url.href} a répondu ${res.status} : ${await res.text()}`);
    const next = new URL(location, url);
    if (next.origin === base && !next.pathname.startsWith("/api/")) return { jar: useJar, landing: next, visited };
    url = next;
  }
  throw new Error("trop de redirections");
}

async function me(jar: CookieJar) {
  const res = await fetch(`${base}/api/trpc/auth.me`, { headers: { cookie: jar.header(new URL(base)) } });
  const body = (await res.json()) as { result: { data: unknown } };
  return superjson.deserialize<{ email: string; role: string } | null>(body.result.data as never);
}

const refusal = (j: Journey) => j.landing.searchParams.get("proconnect");

describe("ProConnect login", () => {
  it("tells the login pages that ProConnect is on", async () => {
    const res = await fetch(`${base}/api/auth/proconnect/config`);
    expect(await res.json()).toEqual({ enabled: true });
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("logs a coordinator in with a normal session and sends them to the back-office", async () => {
    const j = await loginWithProConnect("coord@medianum.test");
    expect(j.landing.pathname + j.landing.search).toBe("/pilotage/");
    // The provider saw PKCE, state and nonce.
    const authorize = j.visited.find((u) => u.origin === issuer && u.pathname === "/auth")!;
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorize.searchParams.get("state")).toBeTruthy();
    expect(authorize.searchParams.get("nonce")).toBeTruthy();
    expect(authorize.searchParams.get("scope")).toBe("openid email given_name usual_name");
    expect(authorize.searchParams.get("redirect_uri")).toBe(`${base}/api/auth/proconnect/callback`);
    expect(j.jar.get(base, "medianum_session")).toBeTruthy();
    // The flow's secrets are gone once used.
    expect(j.jar.get(base, "medianum_proconnect")).toBeUndefined();
    expect(await me(j.jar)).toMatchObject({ email: "coord@medianum.test", role: "coordinator" });
    const entry = await db.prisma.auditLog.findFirst({ where: { action: "auth.login", actorUserId: ids.coordinator }, orderBy: { at: "desc" } });
    expect(entry?.details).toMatchObject({ method: "proconnect" });
    const session = await db.prisma.authSession.count({ where: { userId: ids.coordinator } });
    expect(session).toBe(1);
  });

  it("sends a counsellor to their app, and matches the e-mail whatever its case", async () => {
    const j = await loginWithProConnect("CNUM@Medianum.test", { app: "conseiller" });
    expect(j.landing.pathname).toBe("/conseiller/");
    expect(await me(j.jar)).toMatchObject({ email: "cnum@medianum.test", role: "counsellor" });
  });

  it("refuses an e-mail with no account, with the French message, and opens no session", async () => {
    const before = await db.prisma.authSession.count();
    const j = await loginWithProConnect("inconnu@exemple.gouv.fr", { app: "conseiller" });
    expect(j.landing.pathname).toBe("/conseiller/");
    expect(refusal(j)).toBe("compte-inconnu");
    expect(PROCONNECT_REFUSALS["compte-inconnu"]).toBe(
      "Aucun compte Médianum actif n'est associé à cette adresse ProConnect. Demandez une invitation à votre coordination.",
    );
    expect(j.jar.get(base, "medianum_session")).toBeUndefined();
    expect(await me(j.jar)).toBeNull();
    expect(await db.prisma.authSession.count()).toBe(before);
    expect(await db.prisma.user.count({ where: { email: "inconnu@exemple.gouv.fr" } })).toBe(0);
    const entry = await db.prisma.auditLog.findFirst({ where: { action: "auth.proconnect_refused" }, orderBy: { at: "desc" } });
    expect(entry?.details).toMatchObject({ reason: "compte-inconnu", email: "inconnu@exemple.gouv.fr" });
  });

  it("refuses a disabled account", async () => {
    const j = await loginWithProConnect("parti@medianum.test");
    expect(refusal(j)).toBe("compte-desactive");
    expect(j.jar.get(base, "medianum_session")).toBeUndefined();
    expect(await db.prisma.authSession.count({ where: { userId: ids.disabled } })).toBe(0);
  });

  it("refuses a callback whose state was changed or removed", async () => {
    for (const change of [(p: URLSearchParams) => p.set("state", "etat-choisi-par-un-attaquant"), (p: URLSearchParams) => p.delete("state")]) {
      const j = await loginWithProConnect("coord@medianum.test", {
        rewrite: (u) => {
          if (u.origin !== base || u.pathname !== "/api/auth/proconnect/callback") return u;
          const tampered = new URL(u);
          change(tampered.searchParams);
          return tampered;
        },
      });
      expect(refusal(j)).toBe("etat-invalide");
      expect(j.jar.get(base, "medianum_session")).toBeUndefined();
    }
  });

  it("refuses a callback reached in another browser than the one that started the login (no flow cookie)", async () => {
    const other = new CookieJar();
    const j = await loginWithProConnect("coord@medianum.test", { callbackJar: other });
    expect(refusal(j)).toBe("etat-invalide");
    expect(other.get(base, "medianum_session")).toBeUndefined();
  });

  it("refuses an ID token whose nonce is not the one sent (authorization request altered on the way)", async () => {
    const j = await loginWithProConnect("coord@medianum.test", {
      rewrite: (u) => {
        if (u.origin !== issuer || u.pathname !== "/auth" || !u.searchParams.has("nonce")) return u;
        const tampered = new URL(u);
        tampered.searchParams.set("nonce", "nonce-choisi-ailleurs");
        return tampered;
      },
    });
    expect(j.visited.some((u) => u.searchParams.get("nonce") === "nonce-choisi-ailleurs")).toBe(true);
    expect(refusal(j)).toBe("echec");
    expect(j.jar.get(base, "medianum_session")).toBeUndefined();
    // Refused for its nonce by openid-client, not for another reason.
    const entry = await db.prisma.auditLog.findFirst({ where: { action: "auth.proconnect_refused" }, orderBy: { at: "desc" } });
    expect(entry?.details).toMatchObject({ reason: "echec", detail: expect.stringMatching(/claim « nonce »/) as unknown });
  });

  it("refuses a callback played a second time (the code and the flow are used up)", async () => {
    const j = await loginWithProConnect("coord@medianum.test");
    const callback = j.visited.find((u) => u.pathname === "/api/auth/proconnect/callback")!;
    const jar = new CookieJar();
    const again = await fetch(callback, { redirect: "manual" });
    jar.store(callback, again);
    expect(new URL(again.headers.get("location")!, base).searchParams.get("proconnect")).toBe("etat-invalide");
    expect(jar.get(base, "medianum_session")).toBeUndefined();
  });

  it("stops answering callbacks from an address after 30 failures in 15 minutes", async () => {
    await db.prisma.rateLimitCounter.deleteMany({ where: { key: { startsWith: "proconnect:" } } });
    const codes: string[] = [];
    for (let i = 0; i < 31; i++) {
      const res = await fetch(`${base}/api/auth/proconnect/callback?code=x&state=y`, { redirect: "manual" });
      codes.push(new URL(res.headers.get("location")!, base).searchParams.get("proconnect")!);
    }
    expect(codes.slice(0, 30).every((c) => c === "etat-invalide")).toBe(true);
    expect(codes[30]).toBe("trop-de-tentatives");
    await db.prisma.rateLimitCounter.deleteMany({ where: { key: { startsWith: "proconnect:" } } });
  });
});

describe("ProConnect settings", () => {
  it("needs the issuer, client id and secret together, and says which one is missing", () => {
    expect(() => loadConfig({ PROCONNECT_ISSUER: "https://auth.agentconnect.gouv.fr/api/v2" })).toThrow(/PROCONNECT_CLIENT_ID manque/);
    expect(() => loadConfig({ PROCONNECT_ISSUER: "https://auth.agentconnect.gouv.fr/api/v2", PROCONNECT_CLIENT_ID: "x" })).toThrow(/PROCONNECT_CLIENT_SECRET manque/);
    expect(loadConfig({}).proconnect).toBeNull();
  });

  it("refuses a plain-http provider in production", () => {
    expect(() =>
      loadConfig({ NODE_ENV: "production", PROCONNECT_ISSUER: "http://fournisseur.exemple", PROCONNECT_CLIENT_ID: "x", PROCONNECT_CLIENT_SECRET: CLIENT_SECRET }),
    ).toThrow(/https:\/\/ en production/);
  });

  it("without them, the login pages hide the button and the login route says it is not available", async () => {
    const plain = await buildServer({ config: { ...loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", JOBS_ENABLED: "false" }), appsDir: fakeApps() }, db });
    try {
      expect((await plain.inject("/api/auth/proconnect/config")).json()).toEqual({ enabled: false });
      const res = await plain.inject("/api/auth/proconnect/login?app=conseiller");
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe("/conseiller/?proconnect=indisponible");
    } finally {
      await plain.close();
    }
  });
});
