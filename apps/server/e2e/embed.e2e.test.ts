import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, startProduct, type Product } from "./support.js";
import { axeViolations } from "./axe.js";

// The embeddable catalogue as a partner's website shows it, in Chromium: a page of another origin
// (another port of 127.0.0.1) puts /integration in an iframe. It loads only for a site listed in
// EMBED_ALLOWED_ORIGINS; no other page of the product can be framed by anyone.

// Only inside page.evaluate (run by Chromium): this package compiles without the DOM's types.
declare const document: { documentElement: { scrollWidth: number } };
declare const navigator: { clipboard: { readText(): Promise<string> } };

let product: Product;
let browser: Browser;
const partners: Server[] = [];
let allowed: string;
let refused: string;
let commune: { inseeCode: string; name: string };
let sessionId: string;

/** A partner site: one page that frames whatever `?src=` says. */
async function startPartner(name: string): Promise<string> {
  const server = createServer((req, res) => {
    const src = new URL(req.url ?? "/", "http://x").searchParams.get("src") ?? "";
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end(`<!doctype html><html lang="fr"><title>${name}</title><h1>${name}</h1>
<iframe name="catalogue" title="Ateliers e-parentalité" src="${src.replace(/"/g, "&quot;")}" width="600" height="600"></iframe>`);
  });
  partners.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  allowed = await startPartner("Collège Jasmin");
  refused = await startPartner("Site inconnu");
  // The product's own address is known beforehand, so that the embed's links lead back to it.
  const port = await freePort();
  product = await startProduct({ port, env: { PUBLIC_URL: `http://127.0.0.1:${port}`, EMBED_ALLOWED_ORIGINS: allowed } });
  browser = await launchBrowser();
  const upcoming = await product.db.prisma.workshopSession.findFirstOrThrow({
    where: { status: "scheduled", startsAt: { gt: new Date() }, workshop: { isPublic: true } },
    include: { place: { include: { commune: true } } },
    orderBy: { startsAt: "asc" },
  });
  sessionId = upcoming.id;
  commune = { inseeCode: upcoming.place.commune.inseeCode, name: upcoming.place.commune.name };
});
afterAll(async () => {
  await browser?.close();
  await product?.close();
  await Promise.all(partners.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

/** Opens the partner's page framing `path` of the product; returns the frame and the refusals Chromium logged. */
async function framed(page: Page, partner: string, path: string): Promise<{ frame: Frame; refusals: string[]; frameUrl: () => string }> {
  const refusals: string[] = [];
  page.on("console", (m) => {
    if (/frame-ancestors|Refused to (display|frame)/i.test(m.text())) refusals.push(m.text());
  });
  const src = `${product.baseUrl}${path}`;
  const answered = page.waitForResponse((r) => r.url() === src);
  await page.goto(`${partner}/?src=${encodeURIComponent(src)}`);
  await answered;
  await page.waitForLoadState("load");
  // Chromium may swap a refused frame for its error page in another process: the frame is looked
  // up again each time rather than kept, and waited for when the swap is under way.
  const frameUrl = () => page.frame({ name: "catalogue" })?.url() ?? "";
  await expect.poll(() => page.frame({ name: "catalogue" }) !== null, { message: path }).toBe(true);
  return { frame: page.frame({ name: "catalogue" })!, refusals, frameUrl };
}

describe("embeddable catalogue in a partner's page, in Chromium", () => {
  it("shows in the allowed partner's page, filtered by commune, and booking opens the portal in a new tab", async () => {
    const context = await browser.newContext({ locale: "fr-FR" });
    const page = await context.newPage();
    const { frame, refusals } = await framed(page, allowed, `/integration?commune=${commune.inseeCode}`);
    await frame.getByRole("heading", { level: 1, name: `Ateliers e-parentalité à venir à ${commune.name}` }).waitFor();
    expect(refusals).toEqual([]);
    expect(frame.url()).toBe(`${product.baseUrl}/integration?commune=${commune.inseeCode}`);
    const places = await frame.locator("li .meta").first().textContent();
    expect(places).toContain(commune.name);

    const link = frame.locator(`a[href$="/seances/${sessionId}"]`);
    expect(await link.getAttribute("target")).toBe("_blank");
    expect(await link.getAttribute("rel")).toBe("noopener");
    // Listened to on the whole context before the click: a refusal would be logged while the new tab parses its page.
    const tabErrors: string[] = [];
    context.on("console", (m) => void (m.type() === "error" && m.page() !== page && tabErrors.push(m.text())));
    const [tab] = await Promise.all([context.waitForEvent("page"), link.click()]);
    await tab!.getByRole("heading", { name: "S'inscrire" }).waitFor();
    expect(new URL(tab!.url()).pathname).toBe(`/seances/${sessionId}`);
    // The session page carries its schema.org Event, which the CSP (script-src 'self') leaves alone: data, not a script.
    expect(JSON.parse((await tab!.locator('script[type="application/ld+json"]').textContent()) ?? "{}")).toMatchObject({ "@type": "Event", url: tab!.url() });
    expect(tabErrors).toEqual([]);
    // The partner's page stays where it was.
    expect(page.url().startsWith(allowed)).toBe(true);
    await context.close();
  });

  it("is refused by the browser in a page of a site that is not allowed", async () => {
    const context = await browser.newContext({ locale: "fr-FR" });
    const page = await context.newPage();
    const { refusals, frameUrl } = await framed(page, refused, "/integration");
    await expect.poll(() => refusals.join("\n")).toContain("frame-ancestors");
    // Chromium shows its own error page in the frame instead.
    await expect.poll(frameUrl).toMatch(/^chrome-error:/);
    expect(await page.frame({ name: "catalogue" })!.getByText("Ateliers e-parentalité").count()).toBe(0);
    await context.close();
  });

  it("no other page of the product can be framed, not even by the allowed partner", async () => {
    const context = await browser.newContext({ locale: "fr-FR" });
    for (const path of ["/", `/seances/${sessionId}`, "/pilotage/", "/conseiller/"]) {
      const page = await context.newPage();
      const { refusals, frameUrl } = await framed(page, allowed, path);
      // The refusal and the error page may come a moment after the partner's page has loaded.
      await expect.poll(() => refusals.join("\n"), { message: path }).toContain("frame-ancestors");
      await expect.poll(frameUrl, { message: path }).toMatch(/^chrome-error:/);
      await page.close();
    }
    await context.close();
  });
});

describe("accessibility of the new pages (axe, WCAG 2.1 AA)", () => {
  it("the embeddable catalogue, and nothing wider than 320 px", async () => {
    const context = await browser.newContext({ locale: "fr-FR" });
    const page = await context.newPage();
    await page.goto(`${product.baseUrl}/integration`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await context.close();
  });

  it("the back-office's « Diffusion du catalogue » page, which writes the partner's code", async () => {
    const context = await browser.newContext({ locale: "fr-FR", permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    await page.goto(`${product.baseUrl}/pilotage/`);
    await page.getByLabel("Adresse e-mail").fill("coordination@medianum.test");
    await page.getByLabel("Mot de passe").fill(product.logins.find((l) => l.role === "coordinator")!.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("link", { name: "Diffusion du catalogue" }).click();
    await page.getByRole("heading", { level: 1, name: "Diffusion du catalogue" }).waitFor();
    await page.getByLabel("Commune").selectOption(commune.inseeCode);
    await page.getByLabel("Thème").selectOption("screens");
    const snippet = await page.getByLabel("Code à coller dans la page du site partenaire").inputValue();
    expect(snippet).toBe(
      `<iframe src="${product.baseUrl}/integration?commune=${commune.inseeCode}&theme=screens" title="Ateliers e-parentalité du Département" width="100%" height="600" style="border:0;max-width:100%" loading="lazy"></iframe>`,
    );
    await page.getByRole("button", { name: "Copier le code" }).click();
    await page.getByText("Code copié.").waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
    expect(await page.getByText(`${product.baseUrl}/api/feeds/ateliers.ics?commune=${commune.inseeCode}&theme=screens`).count()).toBe(1);
    await page.waitForLoadState("networkidle");
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
