import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import { SESSION_COOKIE } from "@medianum/api";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { PortalPages } from "./portal-pages.js";

/**
 * The three built apps and the path each is served under. `loginPage`: the app's pages open on a
 * login form, prerendered at build time in dist/login.html (except `noLoginPage`, reached before any login).
 */
export const APPS = [
  { name: "counsellor", prefix: "/conseiller/", loginPage: true, noLoginPage: [] },
  { name: "backoffice", prefix: "/pilotage/", loginPage: true, noLoginPage: ["/pilotage/mot-de-passe"] },
  { name: "portal", prefix: "/", loginPage: false, noLoginPage: [] },
] as const satisfies readonly { name: string; prefix: string; loginPage: boolean; noLoginPage: readonly string[] }[];

const SESSION_PAGE = /^\/seances\/([0-9a-fA-F-]{36})$/;

function setCacheHeaders(reply: FastifyReply, path: string) {
  // Vite fingerprints files under assets/: cache them for good; everything else is revalidated.
  reply.header("Cache-Control", /[\\/]assets[\\/]/.test(path) ? "public, max-age=31536000, immutable" : "no-cache");
}

export interface StaticAppsOptions {
  /** The portal's server-rendered pages (its catalogue); without it every page is the plain index.html. */
  portalPages?: PortalPages | null;
  /** What goes in the head of a session page (/seances/:id): its schema.org JSON-LD, or null for an unknown session. */
  sessionHead?: (id: string) => Promise<string | null>;
}

export async function registerStaticApps(app: FastifyInstance, appsDir: string, { portalPages, sessionHead }: StaticAppsOptions = {}) {
  const roots = APPS.map((a) => ({ ...a, root: join(appsDir, a.name, "dist") }));
  const missing = roots.filter((r) => !existsSync(join(r.root, "index.html")));
  if (missing.length > 0) {
    app.log.warn(`applications non construites : ${missing.map((m) => m.name).join(", ")} (lancez « pnpm build »)`);
  }
  let first = true;
  for (const r of roots) {
    if (!existsSync(r.root)) continue;
    await app.register(fastifyStatic, {
      root: r.root,
      prefix: r.prefix,
      decorateReply: first,
      wildcard: true,
      index: ["index.html"],
      setHeaders: setCacheHeaders,
    });
    first = false;
  }

  // The catalogue arrives with its sessions in the HTML; if rendering fails, the plain page (whose
  // script asks the API) is sent instead, so the portal never goes down with its renderer.
  const portalRoot = roots.find((r) => r.name === "portal")!.root;
  const sendPortalPage = async (pathname: string, search: string, reply: FastifyReply) => {
    try {
      const html = await portalPages!.html(pathname, search);
      return reply.type("text/html; charset=utf-8").header("Cache-Control", "no-cache").send(html);
    } catch (error) {
      reply.log.error({ err: error }, "rendu du portail impossible : page sans contenu envoyée");
      return reply.header("Cache-Control", "no-cache").sendFile("index.html", portalRoot);
    }
  };
  if (portalPages) {
    app.get("/", (req, reply) => sendPortalPage("/", req.url.slice(1), reply));
  }

  // A session page carries its schema.org Event in the head, for search engines (the page's
  // script draws the rest, as before). On any failure, the plain page.
  const sendSessionPage = async (id: string, reply: FastifyReply) => {
    try {
      const head = await sessionHead!(id);
      if (head) {
        const html = await readFile(join(portalRoot, "index.html"), "utf8");
        if (html.includes("</head>")) return reply.type("text/html; charset=utf-8").header("Cache-Control", "no-cache").send(html.replace("</head>", () => `${head}</head>`));
      }
    } catch (error) {
      reply.log.error({ err: error }, "données structurées de la séance impossibles : page sans elles envoyée");
    }
    return reply.header("Cache-Control", "no-cache").sendFile("index.html", portalRoot);
  };

  // Someone who comes without a session cookie can only be asked to log in: they get the page with
  // the form already drawn, shown before the app's script has run. With a cookie, the plain page
  // (the app then asks who is there). The counsellor app's service worker keeps the plain
  // index.html (fetched by its own name), so a device that opens offline never shows this form.
  const sendAppPage = (target: (typeof roots)[number], path: string, req: FastifyRequest, reply: FastifyReply) => {
    const login =
      target.loginPage &&
      !req.cookies[SESSION_COOKIE] &&
      !target.noLoginPage.some((p: string) => path === p || path.startsWith(`${p}/`)) &&
      existsSync(join(target.root, "login.html"));
    return reply
      .header("Cache-Control", "no-cache")
      .header("Vary", "Cookie")
      .sendFile(login ? "login.html" : "index.html", target.root);
  };
  for (const r of roots) {
    if (r.loginPage && existsSync(join(r.root, "index.html"))) app.get(r.prefix, (req, reply) => sendAppPage(r, r.prefix, req, reply));
  }

  // Client-side routing: an unknown page under an app gets that app's index.html; the API and
  // missing files (a path with an extension) get a plain 404.
  app.setNotFoundHandler((req, reply: FastifyReply) => {
    const path = req.url.split("?")[0] ?? "/";
    const isPage = (req.method === "GET" || req.method === "HEAD") && !path.startsWith("/api/") && !/\.[a-z0-9]{1,8}$/i.test(path);
    const target = isPage ? roots.find((r) => path.startsWith(r.prefix) || path === r.prefix.slice(0, -1)) : undefined;
    if (target && path === target.prefix.slice(0, -1)) return reply.redirect(target.prefix, 308);
    if (target?.name === "portal" && portalPages?.handles(path)) {
      return sendPortalPage(path, req.url.slice(path.length), reply);
    }
    const session = target?.name === "portal" && sessionHead ? SESSION_PAGE.exec(path) : null;
    if (session) return sendSessionPage(session[1]!, reply);
    if (target && existsSync(join(target.root, "index.html"))) return sendAppPage(target, path, req, reply);
    return reply.code(404).type("application/json").send({ error: "Introuvable" });
  });
}
