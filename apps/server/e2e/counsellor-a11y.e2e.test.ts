import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { COUNSELLOR_EMAIL, counsellorSessionsToday, logInCounsellor } from "./counsellor-setup.js";
import { waitForDeviceReady } from "./support.js";
import { browser, product, startForThisFile } from "./lifecycle.js";
import { axeViolations } from "./axe.js";

// Accessibility of the counsellor app on a small phone (320 px), in Chromium: an axe-core sweep
// (WCAG 2.1 A and AA) of every page of the menu and of the states a counsellor meets (form
// errors, offline, something waiting to be sent, a report to fill, a check-in sheet), no page
// scrolling sideways, and an accompaniment recorded with the keyboard only.

startForThisFile();


async function settle(page: Page) {
  await page.locator("main h1").first().waitFor();
  // Loading states give way to the content.
  await page.locator(".mn-spinner").first().waitFor({ state: "detached", timeout: 15_000 }).catch(() => undefined);
}

describe("accessibility of the counsellor app on a 320 px phone, in Chromium", () => {
  it("has no axe violation and no sideways scroll on any page or state a counsellor meets", async () => {
    const ids = await counsellorSessionsToday("test a11y", { firstName: "Odette", lastName: "Lecture-Écran" });
    const context = await browser.newContext({ locale: "fr-FR", viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const report: Record<string, string[]> = {};
    const wide: string[] = [];
    async function check(name: string) {
      report[name] = await axeViolations(page);
      const width = await page.evaluate<number>("document.documentElement.scrollWidth");
      if (width > 320) wide.push(`${name}: ${width}px`);
    }

    await page.goto(`${product.baseUrl}/conseiller/`);
    await page.getByLabel("Adresse e-mail").waitFor();
    await check("connexion");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("heading", { name: "Le formulaire contient des erreurs" }).waitFor();
    await check("connexion, erreurs");
    await logInCounsellor(page);
    await waitForDeviceReady(page, ["agenda", "records", "sheets", "collegeSessions"]);

    // Every page of the menu.
    // The header's menu (hidden on a phone) names every page; the bottom bar repeats the daily ones.
    const menu = [...new Set(await page.locator("nav a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href")!)))];
    expect(menu.length).toBeGreaterThanOrEqual(9);
    for (const href of menu) {
      await page.goto(`${product.baseUrl}${href}`);
      await settle(page);
      await check(href);
    }

    // The phone menu's "Plus" sheet, open over a page.
    await page.getByRole("button", { name: /^Plus de pages/ }).click();
    await page.getByRole("dialog", { name: "Autres pages" }).waitFor();
    await check("menu « Plus » ouvert");
    await page.keyboard.press("Escape");

    // Forms with their errors shown.
    await page.goto(`${product.baseUrl}/conseiller/accompagnements/nouveau`);
    await settle(page);
    for (const box of await page.getByRole("group", { name: /Thématiques/ }).getByRole("checkbox", { checked: true }).all()) await box.uncheck();
    await page.getByRole("button", { name: "Enregistrer l'accompagnement" }).click();
    await page.getByRole("heading", { name: "Le formulaire contient des erreurs" }).waitFor();
    await check("nouvel accompagnement, erreurs");
    await page.goto(`${product.baseUrl}/conseiller/ateliers/nouveau`);
    await settle(page);
    await page.getByRole("button", { name: /Enregistrer/ }).click();
    await page.getByRole("heading", { name: "Le formulaire contient des erreurs" }).waitFor();
    await check("atelier collectif, erreurs");

    // A record's edit page, the check-in sheet, a collège session with its report form.
    const record = await product.db.prisma.activityRecord.findFirstOrThrow({ where: { counsellor: { user: { email: COUNSELLOR_EMAIL } }, type: "Individuel" }, orderBy: { date: "desc" } });
    await page.goto(`${product.baseUrl}/conseiller/accompagnements/${record.id}/modifier`);
    await settle(page);
    await check("modifier un accompagnement");
    await page.goto(`${product.baseUrl}/conseiller/seances/${ids.workshopSession}/presences`);
    await page.getByRole("button", { name: "Présent : Odette Lecture-Écran" }).waitFor();
    await check("pointage des présences");
    await page.goto(`${product.baseUrl}/conseiller/colleges/${ids.collegeSession}`);
    await page.getByRole("heading", { name: "Compte rendu de la séance" }).waitFor();
    await check("séance en collège, compte rendu à remplir");

    // Offline, with something waiting to be sent.
    await context.setOffline(true);
    await page.goto(`${product.baseUrl}/conseiller/seances/${ids.workshopSession}/presences`);
    await page.getByRole("button", { name: "Présent : Odette Lecture-Écran" }).click();
    await page.getByRole("link", { name: "1 en attente" }).click();
    await page.getByRole("heading", { name: "Envois" }).waitFor();
    await check("envois, hors connexion, 1 en attente");
    await context.setOffline(false);
    await page.goto(`${product.baseUrl}/conseiller/page-qui-n-existe-pas`);
    await settle(page);
    await check("page introuvable");

    const failing = Object.fromEntries(Object.entries(report).filter(([, v]) => v.length > 0));
    console.log(`axe : ${Object.keys(report).length} pages et états de l'espace conseiller analysés, ${Object.keys(failing).length} avec des violations.`);
    expect(failing).toEqual({});
    expect(wide).toEqual([]);
    await context.close();
  }, 300_000); // axe over every page and state: minutes on a busy 2-core machine

  it("lets a counsellor record an accompaniment with the keyboard only", async () => {
    const context = await browser.newContext({ locale: "fr-FR" });
    const page = await context.newPage();
    await page.goto(`${product.baseUrl}/conseiller/`);
    await logInCounsellor(page);
    await waitForDeviceReady(page, ["agenda", "records"]);
    const before = await product.db.prisma.activityRecord.count({ where: { counsellor: { user: { email: COUNSELLOR_EMAIL } } } });

    /** Presses Tab until the focused element matches, as a keyboard user would (fails if unreachable). */
    async function tabTo(description: string, selector: string, max = 150) {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press("Tab");
        // Expressions as strings: the server's types have no DOM library.
        if (await page.evaluate<boolean>(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`)) return;
      }
      throw new Error(`« ${description} » n'est pas atteignable au clavier`);
    }
    // After the login the focus is at the start of the new page's content, not lost on the document.
    expect(await page.evaluate<string>("document.activeElement?.id")).toBe("contenu");
    await tabTo("Saisir un accompagnement", 'main a[href="/conseiller/accompagnements/nouveau"]');
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Nouvel accompagnement" }).waitFor();
    await tabTo("la thématique « Santé »", 'input[type=checkbox][value="Sante"]');
    if (!(await page.locator('input[type=checkbox][value="Sante"]').isChecked())) await page.keyboard.press("Space");
    await tabTo("Notes", "#notes");
    await page.keyboard.type("Saisi au clavier seulement.");
    await tabTo("le bouton d'enregistrement", "button[type=submit]");
    await page.keyboard.press("Enter");
    await page.getByText(/Accompagnement enregistré/).waitFor();
    await expect.poll(() => product.db.prisma.activityRecord.count({ where: { notes: "Saisi au clavier seulement." } }), { timeout: 30_000 }).toBe(1);
    expect(await product.db.prisma.activityRecord.count({ where: { counsellor: { user: { email: COUNSELLOR_EMAIL } } } })).toBe(before + 1);
    await context.close();
  });
});
