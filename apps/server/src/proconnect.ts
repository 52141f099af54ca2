import { createHmac, timingSafeEqual } from "node:crypto";
import { auditProConnectRefusal, openProConnectSession, type ApiServices, type RequestAdapter } from "@medianum/api";
import { PROCONNECT_APPS, PROCONNECT_CONFIG_PATH, PROCONNECT_LOGIN_PATH, type ProConnectApp, type ProConnectRefusal } from "@medianum/domain";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import * as oidc from "openid-client";

/**
 * ProConnect login for staff (OpenID Connect, authorization code with PKCE, state and nonce),
 * through openid-client, which checks the ID token (signature, issuer, audience, nonce, expiry).
 * Our part: keep the flow's secrets with the browser that started it, and hand the vouched
 * e-mail to the API, which opens a session only for an existing, active account.
 */
export interface ProConnectSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

export const PROCONNECT_CALLBACK_PATH = "/api/auth/proconnect/callback";
/** ProConnect's scopes: `email` is what we match on; the names are asked for the provider's consent screen and audit. */
export const PROCONNECT_SCOPES = "openid email given_name usual_name";
const FLOW_COOKIE = "medianum_proconnect";
const FLOW_COOKIE_PATH = "/api/auth/proconnect/";
const FLOW_TTL_SECONDS = 10 * 60;
/** Failed callbacks from one address (a successful login gives its slot back). */
export const PROCONNECT_FAILURES_PER_IP = { limit: 30, windowMs: 15 * 60_000 };

interface Flow {
  /** state, nonce, PKCE verifier, app to return to, issued at (seconds) */
  s: string;
  n: string;
  v: string;
  a: ProConnectApp;
  t: number;
}

/**
 * The flow cookie is signed with a key derived from the client secret, which every instance
 * shares: another site that can write cookies for our domain (a sibling subdomain) cannot plant
 * its own state and verifier to log someone into its account. HMAC from node:crypto is ten lines;
 * @fastify/cookie's signer is registered app-wide without a secret, so it is not used here.
 */
function flowKey(settings: ProConnectSettings) {
  return createHmac("sha256", settings.clientSecret).update("medianum-proconnect-flow-cookie").digest();
}
function sealFlow(flow: Flow, key: Buffer): string {
  const body = Buffer.from(JSON.stringify(flow)).toString("base64url");
  return `${body}.${createHmac("sha256", key).update(body).digest("base64url")}`;
}
function openFlow(cookie: string | undefined, key: Buffer, nowSeconds: number): Flow | null {
  if (!cookie || cookie.length > 2000) return null;
  const [body, mac] = cookie.split(".");
  if (!body || !mac) return null;
  const expected = createHmac("sha256", key).update(body).digest();
  const given = Buffer.from(mac, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const flow = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Flow;
    if (typeof flow.t !== "number" || nowSeconds - flow.t > FLOW_TTL_SECONDS || nowSeconds < flow.t - 60) return null;
    if (![flow.s, flow.n, flow.v].every((x) => typeof x === "string" && x.length > 0) || !Object.hasOwn(PROCONNECT_APPS, flow.a)) return null;
    return flow;
  } catch {
    return null;
  }
}

export interface ProConnectOptions {
  settings: ProConnectSettings | null;
  publicUrl: string;
  secureCookies: boolean;
  services: ApiServices;
  adapter: (req: FastifyRequest, reply: FastifyReply) => RequestAdapter;
}

export function registerProConnect(app: FastifyInstance, { settings, publicUrl, secureCookies, services, adapter }: ProConnectOptions) {
  const base = publicUrl.replace(/\/$/, "");
  const redirectUri = `${base}${PROCONNECT_CALLBACK_PATH}`;
  const loginPage = (a: ProConnectApp, refusal: ProConnectRefusal) => `${PROCONNECT_APPS[a]}?proconnect=${refusal}`;

  // The login pages ask this (they are drawn at build time, before anyone knows the instance's settings).
  app.get(PROCONNECT_CONFIG_PATH, async () => ({ enabled: settings !== null }));

  if (!settings) {
    app.get(PROCONNECT_LOGIN_PATH, async (req, reply) => reply.redirect(loginPage(appOf(req), "indisponible"), 302));
    app.get(PROCONNECT_CALLBACK_PATH, async (_req, reply) => reply.redirect(loginPage("pilotage", "indisponible"), 302));
    return;
  }

  const key = flowKey(settings);
  const cookieOptions = { httpOnly: true, secure: secureCookies, path: FLOW_COOKIE_PATH, sameSite: "lax" as const };
  // Discovery once, on first use (the provider may be unreachable at start; the next login tries again).
  let discovered: Promise<oidc.Configuration> | null = null;
  const configuration = () => {
    discovered ??= oidc
      .discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
        // An http:// issuer is refused in production by the configuration; elsewhere it is a local test provider.
        execute: settings.issuer.startsWith("http://") ? [oidc.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        discovered = null;
        throw error;
      });
    return discovered;
  };

  app.get(PROCONNECT_LOGIN_PATH, async (req, reply) => {
    const target = appOf(req);
    let config: oidc.Configuration;
    try {
      config = await configuration();
    } catch (error) {
      req.log.error({ err: error }, "ProConnect : découverte du fournisseur impossible");
      return reply.redirect(loginPage(target, "echec"), 302);
    }
    const flow: Flow = { s: oidc.randomState(), n: oidc.randomNonce(), v: oidc.randomPKCECodeVerifier(), a: target, t: Math.floor(services.now().getTime() / 1000) };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: PROCONNECT_SCOPES,
      state: flow.s,
      nonce: flow.n,
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.v),
      code_challenge_method: "S256",
    });
    // SameSite=Lax: the provider brings the person back with a top-level GET, which carries it.
    reply.setCookie(FLOW_COOKIE, sealFlow(flow, key), { ...cookieOptions, maxAge: FLOW_TTL_SECONDS });
    return reply.redirect(url.href, 302);
  });

  app.get(PROCONNECT_CALLBACK_PATH, async (req, reply) => {
    const ipKey = `proconnect:ip:${req.ip}`;
    const nowSeconds = Math.floor(services.now().getTime() / 1000);
    const flow = openFlow(req.cookies[FLOW_COOKIE], key, nowSeconds);
    // One use: the flow's secrets go whatever happens next.
    reply.clearCookie(FLOW_COOKIE, cookieOptions);
    const target = flow?.a ?? "pilotage";
    const refuse = async (refusal: ProConnectRefusal, detail?: string) => {
      if (detail) {
        req.log.warn(`ProConnect : connexion refusée (${refusal}) : ${detail}`);
        await auditProConnectRefusal(services, adapter(req, reply), refusal, detail);
      }
      return reply.redirect(loginPage(target, refusal), 302);
    };

    const wait = await services.rateLimiter.take(ipKey, PROCONNECT_FAILURES_PER_IP);
    if (wait > 0) return refuse("trop-de-tentatives");

    const query = new URL(req.url, "http://x").searchParams;
    if (!flow) return refuse("etat-invalide", "cookie du parcours absent, expiré ou altéré");
    if (query.get("state") !== flow.s) return refuse("etat-invalide", "paramètre state différent de celui envoyé");
    if (query.get("error") === "access_denied") return refuse("annulee", "refusée chez le fournisseur");

    let claims: oidc.IDToken;
    let accessToken: string;
    let config: oidc.Configuration;
    try {
      config = await configuration();
      // The redirect URI as registered at the provider, whatever host the proxy used to reach us.
      const currentUrl = new URL(`${redirectUri}?${query.toString()}`);
      const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: flow.v,
        expectedState: flow.s,
        expectedNonce: flow.n,
        idTokenExpected: true,
      });
      claims = tokens.claims()!;
      accessToken = tokens.access_token;
    } catch (error) {
      return refuse("echec", describe(error));
    }

    // ProConnect puts the e-mail in userinfo (a signed JWT), not in the ID token.
    let email: unknown = claims.email;
    if (email === undefined) {
      try {
        email = (await oidc.fetchUserInfo(config, accessToken, claims.sub)).email;
      } catch (error) {
        return refuse("echec", `userinfo : ${describe(error)}`);
      }
    }

    const result = await openProConnectSession(services, adapter(req, reply), { email, sub: claims.sub, issuer: claims.iss });
    if (!result.ok) return refuse(result.refusal);
    await services.rateLimiter.giveBack(ipKey);
    return reply.redirect(result.user.role === "counsellor" ? PROCONNECT_APPS.conseiller : PROCONNECT_APPS.pilotage, 302);
  });
}

/** For the log and audit: the library's error code and, for a claim check, which claim (never a token). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  // openid-client wraps oauth4webapi's error, whose cause names the claim that failed.
  let claim: unknown;
  for (let c: unknown = error.cause; c && typeof c === "object" && claim === undefined; c = (c as { cause?: unknown }).cause) claim = (c as { claim?: unknown }).claim;
  return [error.name, typeof code === "string" ? code : null, error.message, typeof claim === "string" ? `(claim « ${claim} »)` : null].filter(Boolean).join(" ");
}

function appOf(req: FastifyRequest): ProConnectApp {
  const a = (req.query as Record<string, unknown> | undefined)?.app;
  return typeof a === "string" && Object.hasOwn(PROCONNECT_APPS, a) ? (a as ProConnectApp) : "pilotage";
}
