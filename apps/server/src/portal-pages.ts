import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { appRouter, createCallerFactory, type ApiServices, type Context } from "@medianum/api";
import type { PublicSessionView } from "@medianum/domain";

/** What apps/portal/src/entry-server.tsx exports (built into apps/portal/dist-server/). */
interface PortalRenderer {
  isServerRendered(pathname: string): boolean;
  render(url: string, data: { upcomingSessions(input: object): Promise<PublicSessionView[]> }): Promise<{ html: string; state: string }>;
}

/** How long a rendered page is reused: seats shown are at most this old, and the page refreshes them once its script runs. */
export const PORTAL_PAGE_TTL_MS = 5_000;
/** Rendered pages kept at once (one per filter combination asked for). */
const MAX_PAGES = 100;
const ROOT = '<div id="root"></div>';

/**
 * The portal's catalogue in its HTML: rendered with React on the server from the same query as
 * the browser's (`booking.upcomingSessions`, as an anonymous visitor, never with a visitor's
 * session) and reused for a few seconds, so a burst of visitors costs one query and one render.
 */
export async function createPortalPages(distDir: string, services: ApiServices, now: () => number = Date.now) {
  const entry = join(distDir, "..", "dist-server", "entry-server.js");
  if (!existsSync(entry)) return null;
  // A path known only at run time: bundlers leave this import alone.
  const renderer = (await import(pathToFileURL(entry).href)) as PortalRenderer;
  if (typeof renderer.render !== "function" || typeof renderer.isServerRendered !== "function") return null;

  const anonymous: Context = {
    ...services,
    req: { ip: "127.0.0.1", getCookie: () => undefined, setCookie: () => {}, clearCookie: () => {} },
    user: null,
    sessionId: null,
  };
  const api = createCallerFactory(appRouter)(anonymous);
  const data = { upcomingSessions: (input: object) => api.booking.upcomingSessions(input) };
  const pages = new Map<string, { at: number; html: Promise<string> }>();

  async function renderPage(url: string): Promise<string> {
    const [template, page] = await Promise.all([readFile(join(distDir, "index.html"), "utf8").then((t) => inlineStylesheets(t, distDir)).then(scriptsAfterContent), renderer.render(url, data)]);
    if (!template.includes(ROOT)) throw new Error("apps/portal/dist/index.html n'a pas de <div id=\"root\"></div>");
    return template.replace(
      ROOT,
      `<div id="root">${page.html}</div><script type="application/json" id="medianum-query-state">${page.state}</script>`,
    );
  }

  return {
    handles: (pathname: string) => renderer.isServerRendered(pathname),
    /** The page's HTML; concurrent and recent requests for the same address share one render. */
    html(pathname: string, search: string): Promise<string> {
      const url = `${pathname}${canonicalSearch(search)}`;
      const t = now();
      const cached = pages.get(url);
      if (cached && t - cached.at < PORTAL_PAGE_TTL_MS) return cached.html;
      const html = renderPage(url);
      pages.delete(url);
      if (pages.size >= MAX_PAGES) pages.delete(pages.keys().next().value!);
      pages.set(url, { at: t, html });
      // A failed render is not kept: the next visitor tries again.
      html.catch(() => pages.get(url)?.html === html && pages.delete(url));
      return html;
    },
  };
}

/**
 * The stylesheet (2.7 KB gzip) goes inside the page: on a slow network each extra file costs a
 * round trip (400 ms on slow 3G) before anything is drawn. The CSP allows inline styles.
 */
async function inlineStylesheets(html: string, distDir: string): Promise<string> {
  const links = [...html.matchAll(/<link rel="stylesheet"[^>]*href="[^"]*\/assets\/([^"/]+\.css)"[^>]*>/g)];
  let out = html;
  for (const [tag, file] of links) {
    const css = await readFile(join(distDir, "assets", file!), "utf8");
    out = out.replace(tag, () => `<style>${css}</style>`);
  }
  return out;
}

/**
 * The scripts move from the head to the end of the body. On slow 3G the 97 KB of JavaScript
 * would otherwise be requested with the page's first bytes and share the line with the rest of
 * the page; the cards are on screen before the script is asked for, then React takes them over
 * (module scripts run after parsing wherever they stand).
 */
export function scriptsAfterContent(html: string): string {
  const tags: string[] = [];
  const head = html.slice(0, html.indexOf("</head>")).replace(/<script type="module"[^>]*><\/script>\s*|<link rel="modulepreload"[^>]*>\s*/g, (tag) => {
    tags.push(tag.trim());
    return "";
  });
  if (!tags.length) return html;
  return (head + html.slice(html.indexOf("</head>"))).replace("</body>", () => `${tags.join("\n")}\n</body>`);
}

/** Only the catalogue's own parameters, in one order: `?utm_source=…` does not make another page. */
function canonicalSearch(search: string): string {
  const given = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const name of ["lieu", "theme", "du", "au"]) {
    const v = given.get(name);
    if (v) kept.set(name, v);
  }
  const s = kept.toString();
  return s ? `?${s}` : "";
}

export type PortalPages = NonNullable<Awaited<ReturnType<typeof createPortalPages>>>;
