/**
 * First paint with content on a slow network: the product as `npm start` runs it (built apps, a
 * throwaway embedded database with the demo data), Chromium driven through the DevTools protocol
 * with slow 3G (400 kbit/s each way, 400 ms round trip) and the CPU slowed 4×, an empty cache.
 * Measured, in interleaved rounds, from the start of the navigation to the first frame where:
 *   - the portal's first session card is on screen (`/`), and the time its script took the page over;
 *   - the back-office's and the counsellor app's login form is on screen (no session cookie);
 *   - the counsellor app's form on a second visit, served by its service worker;
 *   - the limit: a static HTML page with the same cards (the portal's HTML without any script),
 *     served by the same server in the same run.
 * With apps/portal/dist-preact (`pnpm --filter @medianum/portal build:preact`), the same portal
 * with react-dom replaced by preact/compat is measured too. Prints medians and ratios to the static
 * page; writes bench-results/first-paint.json. Builds nothing: run `pnpm build` first.
 *
 *   pnpm build && pnpm bench:paint          # BENCH_ROUNDS (3; 1 with BENCH_QUICK=1)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import fastifyStatic from "@fastify/static";
import { hashPassword } from "@medianum/api";
import { seedDemo } from "@medianum/db/seed";
import { createTestDatabase } from "@medianum/db/testing";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { buildServer } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { chromiumPath, launchBrowser } from "../e2e/support.js";
import type { SummaryRow } from "./summary.js";

const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? (process.env.BENCH_QUICK === "1" ? 1 : 3)));
/** Chrome DevTools' "Slow 3G" as the issue states it: 400 kbit/s down and up, 400 ms round trip. */
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };
const CPU_SLOWDOWN = 4;

/** The goals of issue 12 point 4, for the summary that `pnpm bench` prints. */
const PAINT_TARGETS: Record<string, string> = {
  portal: "≤ 1 s",
  portalPreact: "mesure seule (preact/compat)",
  backoffice: "sans attendre auth.me",
  counsellor: "sans attendre auth.me",
  counsellorSw: "servie par le service worker",
};

const CARD = ".mn-card";
const LOGIN_FORM = 'form input[name="password"]';

// Runs in the page before any of its scripts (injected by the DevTools protocol, so the CSP does
// not apply): notes the first animation frame where `selector` has a box, and when React took
// the root over. Frames are not produced while a stylesheet blocks rendering, so this is when the
// element can be seen.
const PROBE = `(() => {
  const selector = sessionStorage.getItem("bench-selector");
  const marks = (window.__bench = { visible: null, app: null });
  const tick = () => {
    if (marks.visible === null) {
      const el = document.querySelector(selector);
      if (el && el.getBoundingClientRect().height > 0) marks.visible = performance.now();
    }
    const root = document.getElementById("root");
    if (marks.app === null && root && Object.keys(root).some((k) => k.startsWith("__reactContainer") || k.startsWith("__k") || k === "_children")) marks.app = performance.now();
    if (marks.visible === null || marks.app === null) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/** What the page-side functions use (this package is compiled without the DOM library). */
interface PageGlobals {
  __bench?: { visible: number | null; app: number | null };
  sessionStorage: { setItem(key: string, value: string): void };
  navigator: { serviceWorker: { controller: unknown } };
  performance: { getEntriesByType(type: "navigation"): Array<{ responseEnd: number }> };
}

interface Visit {
  visibleMs: number;
  /** When the page's HTML had fully arrived. */
  htmlMs: number;
  appMs: number | null;
  fromServiceWorker: boolean;
}

async function throttle(page: Page, context: BrowserContext, { cache }: { cache: boolean }) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: !cache });
  await cdp.send("Network.emulateNetworkConditions", SLOW_3G);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  return cdp;
}

async function visit(page: Page, url: string, selector: string): Promise<Visit> {
  await page.evaluate((s) => (globalThis as unknown as PageGlobals).sessionStorage.setItem("bench-selector", s), selector);
  const response = await page.goto(url, { waitUntil: "commit" });
  await page.waitForFunction(() => (globalThis as unknown as PageGlobals).__bench?.visible != null, undefined, { timeout: 60_000, polling: 100 });
  const marks = await page.evaluate(() => (globalThis as unknown as PageGlobals).__bench!);
  const htmlMs = await page.evaluate(() => (globalThis as unknown as PageGlobals).performance.getEntriesByType("navigation")[0]?.responseEnd ?? 0);
  return { visibleMs: marks.visible!, appMs: marks.app, htmlMs, fromServiceWorker: response?.fromServiceWorker() ?? false };
}

/** A first visit: new profile, empty cache, throttled from the first byte. */
async function firstVisit(browser: Browser, origin: string, path: string, selector: string, waitForApp = false): Promise<Visit> {
  const context = await browser.newContext({ locale: "fr-FR", viewport: { width: 360, height: 740 } });
  try {
    await context.addInitScript(PROBE);
    const page = await context.newPage();
    // sessionStorage needs a document of the origin: an unthrottled blank page of it first.
    await page.goto(`${origin}/api/health`);
    await throttle(page, context, { cache: false });
    const v = await visit(page, `${origin}${path}`, selector);
    if (waitForApp) {
      await page.waitForFunction(() => (globalThis as unknown as PageGlobals).__bench?.app != null, undefined, { timeout: 120_000, polling: 100 });
      v.appMs = await page.evaluate(() => (globalThis as unknown as PageGlobals).__bench!.app);
    }
    return v;
  } finally {
    await context.close();
  }
}

/** The counsellor app opened a second time: the service worker installed by the first visit answers. */
async function secondVisit(browser: Browser, origin: string): Promise<Visit> {
  const context = await browser.newContext({ locale: "fr-FR", viewport: { width: 360, height: 740 } });
  try {
    await context.addInitScript(PROBE);
    const page = await context.newPage();
    await page.goto(`${origin}/conseiller/`);
    await page.locator(LOGIN_FORM).waitFor();
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).navigator.serviceWorker.controller !== null, undefined, { timeout: 120_000 });
    await throttle(page, context, { cache: true });
    return await visit(page, `${origin}/conseiller/`, LOGIN_FORM);
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Gzip size of the JS a page of `dist` loads before it runs (entry + static imports), as pnpm size:portal counts it. */
function entryJsGzip(dist: string, html: string): number {
  const seen = new Set<string>();
  const queue = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]*href)="[^"]*\/assets\/([^"]+\.js)"/g)].map((m) => join(dist, "assets", m[1]!));
  let total = 0;
  while (queue.length) {
    const f = queue.pop()!;
    if (seen.has(f) || !existsSync(f)) continue;
    seen.add(f);
    const text = readFileSync(f);
    total += gzipSync(text).length;
    for (const m of text.toString("utf8").matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["'](\.\/[^"']+\.js)["']/g)) queue.push(join(dirname(f), m[1]!));
  }
  return total;
}

async function main() {
  const db = await createTestDatabase();
  await seedDemo(db.prisma, { hashPassword });
  const config = loadConfig({ NODE_ENV: "production", PUBLIC_URL: "http://127.0.0.1", LOG_LEVEL: "warn", PORT: "0", JOBS_ENABLED: "false" });
  for (const app of ["portal", "counsellor", "backoffice"]) {
    if (!existsSync(join(config.appsDir, app, "dist", "index.html"))) throw new Error(`apps/${app} n'est pas construite : lancez « pnpm build » d'abord.`);
  }
  const app = await buildServer({ config, db });

  // The limit, served by this same server: the portal's own HTML (same cards, same inline
  // stylesheet) without a single script. Taken from the server's first answer, below.
  let staticPage = "";
  app.get("/bench/statique", (_req, reply) => reply.type("text/html; charset=utf-8").header("Cache-Control", "no-cache").send(staticPage));

  // The same portal with preact/compat in place of react-dom, if it was built: its HTML is the
  // server's, with that build's scripts.
  const preactDist = join(config.appsDir, "portal", "dist-preact");
  const hasPreact = existsSync(join(preactDist, "index.html"));
  let preactPage = "";
  if (hasPreact) {
    await app.register(fastifyStatic, { root: preactDist, prefix: "/bench-preact/", decorateReply: false, wildcard: true });
    app.get("/bench/preact", (_req, reply) => reply.type("text/html; charset=utf-8").header("Cache-Control", "no-cache").send(preactPage));
  }

  await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as { port: number };
  const origin = `http://127.0.0.1:${port}`;
  const browser = await launchBrowser();
  try {
    const portalHtml = await (await fetch(`${origin}/`)).text();
    if (!portalHtml.includes('class="mn-card"')) throw new Error("La page d'accueil du portail ne contient aucune séance : le rendu serveur ne fonctionne pas.");
    staticPage = portalHtml
      .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "")
      .replace(/<link rel="modulepreload"[^>]*>/g, "");
    if (hasPreact) {
      const preactIndex = readFileSync(join(preactDist, "index.html"), "utf8");
      const heads = [...preactIndex.matchAll(/<(?:script type="module"|link rel="modulepreload")[^>]*>(?:<\/script>)?/g)].map((m) => m[0]).join("\n");
      preactPage = portalHtml.replace(/<script type="module"[^>]*><\/script>/, heads).replace(/<link rel="modulepreload"[^>]*>/g, "");
    }

    const series: Record<string, Visit[]> = { static: [], portal: [], backoffice: [], counsellor: [], counsellorSw: [], ...(hasPreact ? { portalPreact: [] } : {}) };
    for (let round = 1; round <= ROUNDS; round++) {
      // Interleaved: a slow moment of the machine touches every measure alike.
      series.static!.push(await firstVisit(browser, origin, "/bench/statique", CARD));
      series.portal!.push(await firstVisit(browser, origin, "/", CARD, true));
      if (hasPreact) series.portalPreact!.push(await firstVisit(browser, origin, "/bench/preact", CARD, true));
      series.backoffice!.push(await firstVisit(browser, origin, "/pilotage/", LOGIN_FORM));
      series.counsellor!.push(await firstVisit(browser, origin, "/conseiller/", LOGIN_FORM));
      series.counsellorSw!.push(await secondVisit(browser, origin));
      process.stdout.write(`tour ${round}/${ROUNDS} fait\n`);
    }

    const limit = median(series.static!.map((v) => v.visibleMs));
    const rows = [
      { key: "portal", label: "portail, première séance visible", what: "first-card" },
      ...(hasPreact ? [{ key: "portalPreact", label: "portail avec preact/compat, première séance", what: "first-card" }] : []),
      { key: "backoffice", label: "pilotage, formulaire de connexion", what: "login-form" },
      { key: "counsellor", label: "conseiller, formulaire de connexion (1re visite)", what: "login-form" },
      { key: "counsellorSw", label: "conseiller, 2e visite (service worker)", what: "login-form" },
    ].map((r) => {
      const visits = series[r.key]!;
      const visible = median(visits.map((v) => v.visibleMs));
      const apps = visits.map((v) => v.appMs).filter((x): x is number => x !== null);
      return {
        ...r,
        medianMs: Math.round(visible),
        runsMs: visits.map((v) => Math.round(v.visibleMs)),
        htmlArrivedMs: Math.round(median(visits.map((v) => v.htmlMs))),
        scriptTookOverMs: apps.length === visits.length ? Math.round(median(apps)) : null,
        fromServiceWorker: visits.every((v) => v.fromServiceWorker),
        ratioToStatic: Number((visible / limit).toFixed(2)),
      };
    });

    const portalDist = join(config.appsDir, "portal", "dist");
    const sizes = {
      portalEntryJsGzipBytes: entryJsGzip(portalDist, readFileSync(join(portalDist, "index.html"), "utf8")),
      ...(hasPreact ? { portalPreactEntryJsGzipBytes: entryJsGzip(preactDist, readFileSync(join(preactDist, "index.html"), "utf8")) } : {}),
      portalHtmlGzipBytes: gzipSync(portalHtml).length,
    };

    const ms = (n: number) => `${(n / 1000).toFixed(2)} s`;
    const version = browser.version();
    console.log(`\nChromium ${version}, slow 3G (400 kbit/s, 400 ms) et processeur ralenti ${CPU_SLOWDOWN}×, cache vide ; médiane de ${ROUNDS} tours entrelacés`);
    console.log(`Machine : ${cpus().length} cœurs ${cpus()[0]?.model ?? ""}, ${Math.round(totalmem() / 2 ** 30)} Go, Node ${process.version}\n`);
    console.log(`${"mesure".padEnd(52)} ${"médiane".padStart(8)}  ${"limite".padStart(7)}  ${"ratio".padStart(6)}  script actif`);
    console.log(`${"page statique, mêmes séances (limite)".padEnd(52)} ${ms(limit).padStart(8)}`);
    for (const r of rows) {
      console.log(
        `${r.label.padEnd(52)} ${ms(r.medianMs).padStart(8)}  ${ms(limit).padStart(7)}  ${`${r.ratioToStatic}×`.padStart(6)}  ${r.scriptTookOverMs === null ? "" : ms(r.scriptTookOverMs)}${r.key === "counsellorSw" ? (r.fromServiceWorker ? "  (page servie par le service worker)" : "  (PAS servie par le service worker)") : ""}`,
      );
    }
    console.log(`\nJS initial du portail : ${(sizes.portalEntryJsGzipBytes / 1000).toFixed(1)} KB gzip${hasPreact ? `, avec preact/compat ${(sizes.portalPreactEntryJsGzipBytes! / 1000).toFixed(1)} KB` : ""} ; HTML de l'accueil ${(sizes.portalHtmlGzipBytes / 1000).toFixed(1)} KB gzip`);

    const out = join(config.appsDir, "..", "bench-results", "first-paint.json");
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(
      out,
      `${JSON.stringify(
        {
          benchmark: "first-paint",
          date: new Date().toISOString(),
          machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, chromium: version, chromiumPath: chromiumPath() },
          conditions: { network: "slow 3G", downloadKbps: 400, uploadKbps: 400, latencyMs: SLOW_3G.latency, cpuSlowdown: CPU_SLOWDOWN, cache: "empty (2nd counsellor visit: service worker)", rounds: ROUNDS },
          limit: {
            label: "static HTML page, same cards, same server",
            medianMs: Math.round(limit),
            runsMs: series.static!.map((v) => Math.round(v.visibleMs)),
            htmlArrivedMs: Math.round(median(series.static!.map((v) => v.htmlMs))),
          },
          measures: rows,
          sizes,
          summary: rows.map((r) => ({
            measure: r.label,
            value: r.medianMs,
            unit: "ms",
            limit: { label: "page statique, mêmes séances", value: Math.round(limit), unit: "ms" },
            ratio: r.ratioToStatic,
            target: PAINT_TARGETS[r.key] ?? "",
          })) satisfies SummaryRow[],
        },
        null,
        2,
      )}\n`,
    );
    console.log(`Résultats écrits dans ${out}`);
    if (rows.some((r) => r.key === "counsellorSw" && !r.fromServiceWorker)) process.exitCode = 1;
  } finally {
    await browser.close();
    await app.close();
    await db.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
