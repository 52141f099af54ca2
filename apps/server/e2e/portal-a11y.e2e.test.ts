import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, startProduct, type Product } from "./support.js";
import { axeViolations } from "./axe.js";

// Accessibility of the public portal in Chromium: an axe-core sweep (WCAG 2.1 A and AA rules)
// of every portal page and state, the whole booking journey with the keyboard only, and the
// layout at 320 px wide (no horizontal scrolling).


let product: Product;
let browser: Browser;
let openSession: { id: string; title: string };
let fullSession: { id: string };
let manageToken: string;

beforeAll(async () => {
  product = await startProduct();
  browser = await launchBrowser();
  const prisma = product.db.prisma;
  const workshop = await prisma.workshop.findFirstOrThrow({ where: { isPublic: true } });
  const place = await prisma.place.findFirstOrThrow();
  const startsAt = new Date(Date.now() + 15 * 86_400_000);
  const open = await prisma.workshopSession.create({ data: { workshopId: workshop.id, placeId: place.id, capacity: 10, durationMinutes: 90, startsAt } });
  openSession = { id: open.id, title: workshop.title };
  fullSession = await prisma.workshopSession.create({ data: { workshopId: workshop.id, placeId: place.id, capacity: 1, durationMinutes: 90, startsAt } });
  // A booking through the API, for the manage page and to fill the full session.
  const res = await fetch(`${product.baseUrl}/api/trpc/booking.book`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: product.baseUrl },
    body: JSON.stringify({ json: { sessionId: fullSession.id, firstName: "Lina", lastName: "Test", email: "lina.a11y@exemple.fr", seats: 1, consent: true } }),
  });
  manageToken = ((await res.json()) as { result: { data: { json: { manageToken: string } } } }).result.data.json.manageToken;
});
afterAll(async () => {
  await browser?.close();
  await product?.close();
});

/** Every page and state of the portal, with what to wait for once it has loaded. */
function portalPages(): Array<{ name: string; path: string; ready: (p: Page) => Promise<unknown>; act?: (p: Page) => Promise<unknown> }> {
  const h1 = (p: Page, name: string | RegExp) => p.getByRole("heading", { level: 1, name }).waitFor();
  return [
    { name: "catalogue", path: "/", ready: (p) => p.getByRole("link", { name: /S'inscrire/ }).first().waitFor() },
    {
      name: "catalogue with filters open",
      path: "/?theme=screens",
      ready: (p) => p.getByLabel("Thème").waitFor(),
    },
    { name: "catalogue, nothing found", path: "/?du=2099-01-01", ready: (p) => p.getByText("Aucun atelier ne correspond").waitFor() },
    { name: "session page", path: `/seances/${openSession.id}`, ready: (p) => p.getByRole("heading", { name: "S'inscrire" }).waitFor() },
    {
      name: "booking form with errors",
      path: `/seances/${openSession.id}`,
      ready: (p) => p.getByRole("heading", { name: "S'inscrire" }).waitFor(),
      act: async (p) => {
        await p.getByLabel("Adresse e-mail").fill("pas-une-adresse");
        await p.getByRole("button", { name: "Confirmer mon inscription" }).click();
        await p.getByRole("heading", { name: "Le formulaire contient des erreurs" }).waitFor();
      },
    },
    {
      name: "booking confirmation",
      path: `/seances/${openSession.id}`,
      ready: (p) => p.getByRole("heading", { name: "S'inscrire" }).waitFor(),
      act: async (p) => {
        await p.getByLabel("Prénom").fill("Axe");
        await p.getByLabel("Nom", { exact: true }).fill("Balayage");
        await p.getByLabel("Adresse e-mail").fill("axe@exemple.fr");
        await p.getByLabel(/J'accepte que le Département/).check();
        await p.getByRole("button", { name: "Confirmer mon inscription" }).click();
        await p.getByRole("heading", { name: "Inscription confirmée" }).waitFor();
      },
    },
    { name: "full session (waitlist)", path: `/seances/${fullSession.id}`, ready: (p) => p.getByRole("heading", { name: "Rejoindre la liste d'attente" }).waitFor() },
    { name: "unknown session", path: "/seances/00000000-0000-4000-8000-000000000000", ready: (p) => h1(p, "Séance introuvable") },
    { name: "manage page", path: `/inscription/${manageToken}`, ready: (p) => p.getByRole("button", { name: "Annuler mon inscription" }).waitFor() },
    {
      name: "manage page, confirming cancellation",
      path: `/inscription/${manageToken}`,
      ready: (p) => p.getByRole("button", { name: "Annuler mon inscription" }).waitFor(),
      act: (p) => p.getByRole("button", { name: "Annuler mon inscription" }).click(),
    },
    { name: "manage link not found", path: `/inscription/${"A".repeat(43)}`, ready: (p) => h1(p, "Lien introuvable") },
    { name: "page not found", path: "/cette-page-n-existe-pas", ready: (p) => h1(p, "Page introuvable") },
    {
      name: "catalogue near a commune, suggestions open",
      path: "/?lieu=c:47001",
      // The field names the commune only once React has the page: typed before that, letters would
      // reach an input nothing listens to yet (the server's HTML), and no suggestion would come.
      ready: (p) => expect.poll(() => p.getByRole("combobox", { name: "Où ?" }).inputValue(), { timeout: 15_000 }).toBe("Agen (47000)"),
      act: async (p) => {
        await p.getByRole("combobox", { name: "Où ?" }).fill("Vill");
        await p.getByRole("listbox").getByRole("option").first().waitFor();
      },
    },
    { name: "collège request form", path: "/colleges/demande", ready: (p) => p.getByRole("heading", { level: 1 }).waitFor() },
    {
      name: "collège request form, sent empty",
      path: "/colleges/demande",
      ready: (p) => p.getByRole("button", { name: "Envoyer la demande" }).waitFor(),
      act: (p) => p.getByRole("button", { name: "Envoyer la demande" }).click(),
    },
    { name: "collège tracking help", path: "/colleges/suivi", ready: (p) => h1(p, "Suivre une demande") },
    // Tracking tokens are stored hashed: the page is swept in its "link not found" state.
    { name: "collège tracking (unknown link)", path: `/colleges/suivi/${"B".repeat(43)}`, ready: (p) => p.getByRole("heading", { level: 1 }).waitFor() },
  ];
}

async function sweep(ctx: BrowserContext, check: (page: Page, name: string) => Promise<void>) {
  for (const def of portalPages()) {
    const page = await ctx.newPage();
    await page.goto(`${product.baseUrl}${def.path}`);
    await def.ready(page);
    await def.act?.(page);
    await check(page, def.name);
    await page.close();
  }
}

describe("portal accessibility, in Chromium", () => {
  it("has no WCAG 2.1 A/AA violation found by axe-core on any page", async () => {
    const ctx = await browser.newContext({ locale: "fr-FR" });
    const found: string[] = [];
    await sweep(ctx, async (page, name) => {
      for (const v of await axeViolations(page)) found.push(`${name}: ${v}`);
    });
    await ctx.close();
    expect(found).toEqual([]);
    // axe takes seconds per page on a loaded 2-core machine, and the sweep has grown past 15 pages.
  }, 300_000);

  it("holds at 320 px wide: no page scrolls sideways", async () => {
    const ctx = await browser.newContext({ locale: "fr-FR", viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
    const wide: string[] = [];
    await sweep(ctx, async (page, name) => {
      const width = await page.evaluate<number>("document.documentElement.scrollWidth");
      if (width > 320) wide.push(`${name}: ${width}px`);
    });
    await ctx.close();
    expect(wide).toEqual([]);
  });

  it("lets a parent book with the keyboard only, from the catalogue to the confirmation", async () => {
    const ctx = await browser.newContext({ locale: "fr-FR" });
    const page = await ctx.newPage();
    await page.goto(`${product.baseUrl}/seances/${openSession.id}`);
    await page.getByRole("heading", { name: "S'inscrire" }).waitFor();
    await page.goto(`${product.baseUrl}/`);
    await page.getByRole("link", { name: /S'inscrire/ }).first().waitFor();

    /** Presses Tab until the focused element matches, as a keyboard user would (fails if unreachable). */
    async function tabTo(description: string, matches: () => boolean | Promise<boolean>, max = 120) {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press("Tab");
        if (await matches()) return;
      }
      throw new Error(`« ${description} » n'est pas atteignable au clavier`);
    }
    // Expressions as strings: the server's types have no DOM library.
    const focusedIs = (selector: string) => () => page.evaluate<boolean>(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`);

    // The skip link comes first.
    await page.keyboard.press("Tab");
    expect(await page.evaluate<string>("document.activeElement?.textContent")).toBe("Aller au contenu");

    await tabTo("le lien d'inscription à la séance", focusedIs(`a[href="/seances/${openSession.id}"]`));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: openSession.title }).waitFor();

    await tabTo("Prénom", focusedIs("#firstName"));
    await page.keyboard.type("Clavier");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Seulement");
    await page.keyboard.press("Tab");
    await page.keyboard.type("clavier.seulement@exemple.fr");
    await tabTo("Nombre de places", focusedIs("#seats"));
    await page.keyboard.press("ArrowDown");
    expect(await page.locator("#seats").inputValue()).toBe("2");
    // Submitting without consent: the error summary takes the focus and links to the field.
    await tabTo("le bouton de confirmation", focusedIs("button[type=submit]"));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Le formulaire contient des erreurs" }).waitFor();
    expect(await page.evaluate<boolean>(`document.activeElement?.classList.contains("mn-error-summary")`)).toBe(true);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    expect(await page.evaluate<string>("document.activeElement?.id")).toBe("consent");
    await page.keyboard.press("Space");
    expect(await page.locator("#consent").isChecked()).toBe(true);
    // What was typed is still there.
    expect(await page.locator("#firstName").inputValue()).toBe("Clavier");
    await tabTo("le bouton de confirmation", focusedIs("button[type=submit]"));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Inscription confirmée" }).waitFor();
    expect(await page.evaluate<string>("document.activeElement?.tagName")).toBe("H1");
    const reg = await product.db.prisma.registration.findFirst({ where: { email: "clavier.seulement@exemple.fr" } });
    expect(reg).toMatchObject({ seats: 2, status: "confirmed", firstName: "Clavier" });
    await ctx.close();
  });
});
