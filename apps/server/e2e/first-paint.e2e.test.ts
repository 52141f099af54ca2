import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { availabilityLabel, SEAT_HOLDING_STATUSES, seatsLeft } from "@medianum/domain";
import { browser, product, startForThisFile } from "./lifecycle.js";

// What shows before any script has run: the portal's catalogue is in its HTML (server-rendered,
// then taken over by React without a redraw), the login forms are in theirs (drawn at build time),
// and the counsellor app opens from its service worker on the next visit.

startForThisFile();

/** Every console error or warning and uncaught error of the page (a hydration mismatch is one). */
function problemsOf(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

/** The <script> elements of a page that the browser would run (an external file, or inline code). */
function executableScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, attrs]) => !/type="application\/json"/.test(attrs!)).map(([tag]) => tag);
}

async function firstUpcomingSession() {
  const s = await product.db.prisma.workshopSession.findFirstOrThrow({
    where: { status: "scheduled", startsAt: { gt: new Date() }, workshop: { isPublic: true } },
    orderBy: { startsAt: "asc" },
    include: { workshop: true, registrations: { where: { status: { in: [...SEAT_HOLDING_STATUSES] } } } },
  });
  return { id: s.id, title: s.workshop.title, capacity: s.capacity, taken: s.registrations.reduce((n, r) => n + r.seats, 0) };
}

describe("portal catalogue in the HTML", () => {
  it("the page fetched without JavaScript lists the first upcoming session, with its seats, and no inline script", async () => {
    const first = await firstUpcomingSession();
    const res = await fetch(`${product.baseUrl}/`);
    const html = await res.text();
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    const firstCard = html.slice(html.indexOf('<li class="mn-card">'));
    expect(firstCard.startsWith('<li class="mn-card"><h3 class="mn-card__title">')).toBe(true);
    expect(firstCard).toContain(`>${first.title.replace(/'/g, "&#x27;")}</h3>`);
    expect(firstCard.slice(0, firstCard.indexOf("</li>"))).toContain(availabilityLabel(seatsLeft(first.capacity, first.taken)).replace(/'/g, "&#x27;"));
    expect(firstCard).toContain(`href="/seances/${first.id}"`);
    // Only the app's own module script runs; the data rides in a JSON element, which no CSP blocks.
    expect(executableScripts(html).every((tag) => /\bsrc="\/assets\/[^"]+\.js"/.test(tag))).toBe(true);
    expect(html).toContain('<script type="application/json" id="medianum-query-state">');
    // The script is asked for only once the cards have arrived: on slow 3G it would share the line with them.
    const scriptAt = html.indexOf('<script type="module"');
    expect(scriptAt).toBeGreaterThan(html.lastIndexOf('<li class="mn-card">'));
    expect(html.slice(0, html.indexOf("</head>"))).not.toMatch(/<script type="module"|modulepreload/);
  });

  it("React takes the page over with no hydration warning, the filters work, and seats taken since the render show", async () => {
    const first = await firstUpcomingSession();
    // The HTML of this address is rendered now and reused for a few seconds...
    expect(await (await fetch(`${product.baseUrl}/`)).text()).toContain(first.title.replace(/'/g, "&#x27;"));
    // ...while two seats of the first session are taken.
    const booked = await fetch(`${product.baseUrl}/api/trpc/booking.book`, {
      method: "POST",
      // A script outside the browser names its origin, as the same-origin guard asks (README).
      headers: { "content-type": "application/json", origin: product.baseUrl },
      body: JSON.stringify({ json: { sessionId: first.id, firstName: "Rapide", lastName: "Parent", email: "rapide.parent@exemple.fr", seats: 2, consent: true } }),
    });
    expect(booked.status).toBe(200);
    const now = await firstUpcomingSession();

    const context = await browser.newContext({ locale: "fr-FR" });
    const page = await context.newPage();
    const problems = problemsOf(page);
    await page.goto(`${product.baseUrl}/`);
    const firstCard = page.locator(".mn-card").first();
    await firstCard.getByText(availabilityLabel(seatsLeft(now.capacity, now.taken)), { exact: true }).waitFor();

    // Opening the filters renders their form: only a page React has taken over does that.
    await page.getByText("Choisir un lieu, une date ou un thème").click();
    await page.getByLabel("Thème").selectOption("screens");
    await page.getByRole("button", { name: "Afficher les ateliers" }).click();
    await page.waitForURL(/\?theme=screens$/);
    await page.getByRole("heading", { level: 2, name: /séances?$/ }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it("filters opened before the script arrived (a slow line) are there once React has the page", async () => {
    const context = await browser.newContext({ locale: "fr-FR" });
    const page = await context.newPage();
    const problems = problemsOf(page);
    // The portal's scripts are held back until the parent has opened the filters.
    const held: Array<() => Promise<void>> = [];
    let release = false;
    await page.route(/\/assets\/.*\.js$/, (route) => (release ? route.continue() : void held.push(() => route.continue())));
    // Not "domcontentloaded": the browser fires it only once the module scripts have run.
    await page.goto(`${product.baseUrl}/`, { waitUntil: "commit" });
    await page.getByText("Choisir un lieu, une date ou un thème").click();
    expect(await page.locator("details.mn-filters").getAttribute("open")).toBe("");
    release = true;
    for (const go of held) await go();
    await page.getByLabel("Thème").waitFor();
    await page.getByRole("combobox", { name: "Où ?" }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it("a filtered address arrives rendered with its filters open and is taken over without a warning", async () => {
    const html = await (await fetch(`${product.baseUrl}/?theme=screens`)).text();
    expect(html).toContain('<form aria-label="Filtrer les ateliers"');
    const context = await browser.newContext({ locale: "fr-FR" });
    const page = await context.newPage();
    const problems = problemsOf(page);
    await page.goto(`${product.baseUrl}/?theme=screens`);
    await expect.poll(() => page.getByLabel("Thème").inputValue()).toBe("screens");
    await page.getByRole("button", { name: "Tout afficher" }).click();
    await page.waitForURL(`${product.baseUrl}/`);
    await page.locator(".mn-card").first().waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("catalogue near a commune", () => {
  it("arrives sorted with its distances, and the « Où ? » field names the commune once React has the page", async () => {
    const html = await (await fetch(`${product.baseUrl}/?lieu=c:47001`)).text();
    expect(html).toContain('role="combobox"');
    expect(html).toMatch(/à (\d+ km|moins d&#x27;1 km)/);
    const context = await browser.newContext({ locale: "fr-FR" });
    const page = await context.newPage();
    const problems = problemsOf(page);
    await page.goto(`${product.baseUrl}/?lieu=c:47001`);
    await expect.poll(() => page.getByRole("combobox", { name: "Où ?" }).inputValue(), { timeout: 15_000 }).toBe("Agen (47000)");
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("login forms in the HTML", () => {
  for (const app of [
    { path: "/pilotage/", email: "coordination@medianum.test", signedIn: "Séances d'ateliers" },
    { path: "/conseiller/", email: "conseiller1@medianum.test", signedIn: "Mon agenda" },
  ]) {
    it(`${app.path}: the form comes in the page without a session, not with one; it works once React has taken it over`, async () => {
      const anonymous = await (await fetch(`${product.baseUrl}${app.path}`)).text();
      expect(anonymous).toContain('name="password"');
      expect(executableScripts(anonymous).every((tag) => /\bsrc="[^"]+\.js"/.test(tag))).toBe(true);

      const context = await browser.newContext({ locale: "fr-FR" });
      const page = await context.newPage();
      const problems = problemsOf(page);
      await page.goto(`${product.baseUrl}${app.path}`);
      await page.getByLabel("Adresse e-mail").fill(app.email);
      await page.getByLabel("Mot de passe").fill("medianum-demo");
      await page.getByRole("button", { name: "Se connecter" }).click();
      await page.getByRole("heading", { level: 1, name: app.signedIn }).waitFor();

      const cookie = (await context.cookies()).find((c) => c.name === "medianum_session")!;
      const signedIn = await (await fetch(`${product.baseUrl}${app.path}`, { headers: { cookie: `${cookie.name}=${cookie.value}` } })).text();
      expect(signedIn).not.toContain('name="password"');
      await page.reload();
      await page.getByRole("heading", { level: 1, name: app.signedIn }).waitFor();
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it("the counsellor app's second visit is answered by its service worker, on the form", async () => {
    const context = await browser.newContext({ locale: "fr-FR" });
    const page = await context.newPage();
    await page.goto(`${product.baseUrl}/conseiller/`);
    await page.getByLabel("Mot de passe").waitFor();
    await page.waitForFunction(() => (globalThis as unknown as { navigator: { serviceWorker: { controller: unknown } } }).navigator.serviceWorker.controller !== null, undefined, {
      timeout: 60_000,
    });
    const second = await page.goto(`${product.baseUrl}/conseiller/`);
    expect(second?.fromServiceWorker()).toBe(true);
    await page.getByLabel("Mot de passe").waitFor();
    await context.close();
  });
});
