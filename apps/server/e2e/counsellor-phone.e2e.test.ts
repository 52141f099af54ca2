import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { COUNSELLOR_EMAIL, counsellorSessionsToday, logInCounsellor } from "./counsellor-setup.js";
import { waitForDeviceReady } from "./support.js";
import { browser, product, startForThisFile } from "./lifecycle.js";

// The counsellor app on the phone it is used on (360 × 740): every form starts on screen, under a
// compact header and above the bottom bar; the bar and its "Plus" sheet work with the keyboard;
// at 320 px nothing sticks out sideways and no word is cut in the middle.

startForThisFile();

const PHONE = { width: 360, height: 740 };
const MENU = "Menu de l'espace conseiller";
const SCREENSHOTS_DIR = fileURLToPath(new URL("../e2e-artifacts/screenshots/", import.meta.url));

/** The counsellor's sessions of the day, and one of their records to edit. */
async function sessionsToday() {
  const ids = await counsellorSessionsToday("test téléphone", { firstName: "Odette", lastName: "Téléphone" });
  const record = await product.db.prisma.activityRecord.findFirstOrThrow({ where: { counsellor: { user: { email: COUNSELLOR_EMAIL } }, type: "Individuel" }, orderBy: { date: "desc" } });
  return { ...ids, record: record.id };
}

/** Made once for the file: the tests share the same sessions. */
let made: ReturnType<typeof sessionsToday> | undefined;
const sessions = () => (made ??= sessionsToday());

/** The first thing to fill on a form page: its first visible field (or presence button, on the check-in sheet). */
const firstField = (page: Page): Locator => page.locator("main form").locator("input:not([type=hidden]), select, textarea").locator("visible=true").first();

/** The form pages of the app, with the first field to wait for. */
function formPages(ids: Awaited<ReturnType<typeof sessionsToday>>): Array<{ name: string; path: string; field: (page: Page) => Locator }> {
  return [
    { name: "nouvel accompagnement", path: "/conseiller/accompagnements/nouveau", field: firstField },
    { name: "modifier un accompagnement", path: `/conseiller/accompagnements/${ids.record}/modifier`, field: firstField },
    { name: "atelier collectif", path: "/conseiller/ateliers/nouveau", field: firstField },
    { name: "pass numérique", path: "/conseiller/pass-numerique", field: firstField },
    { name: "compte rendu de séance en collège", path: `/conseiller/colleges/${ids.collegeSession}`, field: firstField },
    { name: "pointage des présences", path: `/conseiller/seances/${ids.workshopSession}/presences`, field: (page) => page.getByRole("button", { name: "Présent : Odette Téléphone" }) },
    { name: "annuaire", path: "/conseiller/annuaire", field: firstField },
  ];
}

/** Top and bottom of the visible area between the header and the bottom bar; the page must not have scrolled. */
async function onScreen(page: Page, field: Locator) {
  await field.waitFor();
  const box = (await field.boundingBox())!;
  const scrollY = await page.evaluate<number>("window.scrollY");
  const barTop = await page.evaluate<number>(`(() => { const b = document.querySelector(".mn-bottom-nav"); return b && getComputedStyle(b).display !== "none" ? b.getBoundingClientRect().top : innerHeight; })()`);
  return { top: box.y, bottom: box.y + box.height, left: box.x, right: box.x + box.width, scrollY, barTop };
}

/**
 * What sticks out of a `width`-px page: elements whose right edge passes it (outside any container
 * that scrolls or clips on purpose, like a wide table's wrapper), and words drawn on two lines
 * without a hyphen ("accompagnemen / ts").
 */
const OVERFLOW_PROBE = `(() => {
  const width = document.documentElement.clientWidth;
  const clipped = (el) => { for (let p = el.parentElement; p; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o === "auto" || o === "scroll" || o === "hidden" || o === "clip") return true; } return false; };
  const name = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === "string" ? "." + el.className.split(" ").join(".") : "") + " « " + (el.textContent || "").trim().slice(0, 40) + " »";
  const wide = [];
  for (const el of document.querySelectorAll("body *")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === "hidden") continue;
    if (r.right > width + 0.5 && !clipped(el)) wide.push(name(el) + " : " + Math.round(r.right) + "px");
  }
  const cut = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || el.closest(".mn-visually-hidden, script, style, noscript") || clipped(el)) continue;
    for (const m of node.data.matchAll(/[\\p{L}\\p{N}]{4,}/gu)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (lines.size > 1 && getComputedStyle(el).hyphens !== "auto") cut.push(m[0] + " dans " + name(el));
    }
  }
  return { wide, cut };
})()`;

async function settle(page: Page) {
  await page.locator("main h1").first().waitFor();
  await page.locator(".mn-spinner").first().waitFor({ state: "detached", timeout: 15_000 }).catch(() => undefined);
}

async function phone(width = PHONE.width, height = PHONE.height): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: "fr-FR", viewport: { width, height }, isMobile: true, hasTouch: true });
  return { context, page: await context.newPage() };
}

describe("the counsellor app on a phone, in Chromium", () => {
  it("shows the first field of every form at 360 × 740 without scrolling, above the bottom bar", async () => {
    const ids = await sessions();
    const { context, page } = await phone();
    await page.goto(`${product.baseUrl}/conseiller/`);
    const login = await onScreen(page, page.getByLabel("Adresse e-mail"));
    expect(login.bottom).toBeLessThanOrEqual(PHONE.height);
    await logInCounsellor(page);
    await waitForDeviceReady(page, ["agenda", "records", "sheets", "collegeSessions"]);

    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    const offScreen: string[] = [];
    for (const form of formPages(ids)) {
      await page.goto(`${product.baseUrl}${form.path}`);
      await settle(page);
      const at = await onScreen(page, form.field(page));
      await page.screenshot({ path: `${SCREENSHOTS_DIR}conseiller-formulaire-${form.name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z]+/g, "-")}-360.png` });
      // The bar is there on every page of a signed-in counsellor, and the field is above it, whole.
      expect(at.barTop, form.name).toBeLessThan(PHONE.height);
      if (at.scrollY !== 0 || at.top < 0 || at.bottom > at.barTop || at.left < 0 || at.right > PHONE.width) {
        offScreen.push(`${form.name} : champ de ${Math.round(at.top)} à ${Math.round(at.bottom)} px, barre du bas à ${Math.round(at.barTop)} px, défilement ${at.scrollY}`);
      }
    }
    expect(offScreen).toEqual([]);
    await context.close();
  });

  it("lets a keyboard user go through the bottom bar and its « Plus » sheet", async () => {
    const { context, page } = await phone();
    await page.goto(`${product.baseUrl}/conseiller/`);
    await logInCounsellor(page);
    const bar = page.getByRole("navigation", { name: MENU });
    const more = bar.getByRole("button", { name: /^Plus de pages/ });
    // On a phone the header's full menu is gone: the bar holds the daily pages and "Plus".
    expect(await bar.getByRole("link").allTextContents()).toEqual(["Agenda", "Accompagnement", "Atelier", "Envois"]);
    expect(await bar.getByRole("link", { name: "Mon agenda" }).getAttribute("aria-current")).toBe("page");

    /** Presses Tab until the focused element matches, as a keyboard user would (fails if unreachable). */
    async function tabTo(description: string, selector: string, max = 80) {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press("Tab");
        if (await page.evaluate<boolean>(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`)) return;
      }
      throw new Error(`« ${description} » n'est pas atteignable au clavier`);
    }
    const focusedInSheet = () => page.evaluate<boolean>(`!!document.activeElement?.closest('[role="dialog"]')`);

    await tabTo("Plus", ".mn-bottom-nav button[aria-haspopup=dialog]");
    expect(await more.getAttribute("aria-expanded")).toBe("false");
    await page.keyboard.press("Enter");
    const sheet = page.getByRole("dialog", { name: "Autres pages" });
    await sheet.waitFor();
    expect(await more.getAttribute("aria-expanded")).toBe("true");
    expect(await sheet.getAttribute("aria-modal")).toBe("true");
    expect(await sheet.getByRole("link").allTextContents()).toEqual(["Mes accompagnements", "Séances en collège", "Pass numérique", "Annuaire", "Mes chiffres"]);
    // The focus went into the sheet and stays there, forwards and backwards.
    expect(await focusedInSheet()).toBe(true);
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press("Tab");
      expect(await focusedInSheet()).toBe(true);
    }
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press("Shift+Tab");
      expect(await focusedInSheet()).toBe(true);
    }
    // Escape closes it and gives the focus back to "Plus".
    await page.keyboard.press("Escape");
    await sheet.waitFor({ state: "detached" });
    expect(await page.evaluate<boolean>(`document.activeElement?.matches(".mn-bottom-nav button[aria-haspopup=dialog]") ?? false`)).toBe(true);
    expect(await more.getAttribute("aria-expanded")).toBe("false");

    // Following a link of the sheet: the page opens, the sheet is gone, "Plus" says where we are.
    await page.keyboard.press("Enter");
    await sheet.waitFor();
    await tabTo("Annuaire, dans la feuille", '[role="dialog"] a[href$="/annuaire"]');
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Annuaire", level: 1 }).waitFor();
    await sheet.waitFor({ state: "detached" });
    expect(await bar.getByRole("link", { name: "Mon agenda" }).getAttribute("aria-current")).toBeNull();
    expect(await more.textContent()).toContain("page actuelle : Annuaire");
    await more.click();
    expect(await sheet.getByRole("link", { name: "Annuaire" }).getAttribute("aria-current")).toBe("page");
    await sheet.getByRole("button", { name: "Fermer" }).click();
    await sheet.waitFor({ state: "detached" });

    // A link of the bar, by keyboard.
    await tabTo("Envois, dans la barre", '.mn-bottom-nav a[href$="/envois"]');
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Envois", level: 1 }).waitFor();
    expect(await bar.getByRole("link", { name: "Envois" }).getAttribute("aria-current")).toBe("page");
    await context.close();
  });

  it("keeps every page within 320 px: nothing sticks out sideways, no word cut in the middle", async () => {
    const ids = await sessions();
    const { context, page } = await phone(320, 640);
    await page.goto(`${product.baseUrl}/conseiller/`);
    await logInCounsellor(page);
    await waitForDeviceReady(page, ["agenda", "records", "sheets", "collegeSessions"]);
    const menu = [...new Set(await page.locator("nav a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href")!)))];
    const problems: string[] = [];
    for (const path of [...menu, ...formPages(ids).map((f) => f.path)]) {
      await page.goto(`${product.baseUrl}${path}`);
      await settle(page);
      const { wide, cut } = await page.evaluate<{ wide: string[]; cut: string[] }>(OVERFLOW_PROBE);
      for (const w of wide) problems.push(`${path} déborde : ${w}`);
      for (const c of cut) problems.push(`${path} coupe le mot ${c}`);
    }
    // Kept for a person to look at, beside screenshots.e2e.test.ts's pictures.
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    await page.goto(`${product.baseUrl}/conseiller/`);
    await settle(page);
    await page.screenshot({ path: `${SCREENSHOTS_DIR}conseiller-agenda-320.png` });
    await page.getByRole("button", { name: /^Plus de pages/ }).click();
    await page.screenshot({ path: `${SCREENSHOTS_DIR}conseiller-menu-plus-320.png` });
    const { wide, cut } = await page.evaluate<{ wide: string[]; cut: string[] }>(OVERFLOW_PROBE);
    problems.push(...wide.map((w) => `feuille « Plus » déborde : ${w}`), ...cut.map((c) => `feuille « Plus » coupe le mot ${c}`));
    expect(problems).toEqual([]);
    await context.close();
  });
});
