import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { backofficeRoutes } from "./backoffice-routes.js";
import { browser, product, startForThisFile } from "./lifecycle.js";
import { axeViolations } from "./axe.js";

startForThisFile();


async function settle(page: Page) {
  await page.locator("main h1").first().waitFor();
  await page.waitForLoadState("networkidle");
  // Let loading states give way to the content (spinners disappear once the data is there).
  await page.locator(".mn-spinner").first().waitFor({ state: "detached", timeout: 15_000 }).catch(() => undefined);
}

describe("accessibility of every back-office page (axe, WCAG 2.1 A and AA), in Chromium", () => {
  it("has no violation on the login page, the set-password page and every page of the menu", async () => {
    const context = await browser.newContext({ locale: "fr-FR" });
    const page = await context.newPage();
    const report: Record<string, string[]> = {};

    await page.goto(`${product.baseUrl}/pilotage/`);
    await page.getByLabel("Adresse e-mail").waitFor();
    report["/pilotage/ (connexion)"] = await axeViolations(page);
    await page.goto(`${product.baseUrl}/pilotage/mot-de-passe?jeton=lien-invalide-pour-le-test-0000`);
    await settle(page);
    report["/pilotage/mot-de-passe (lien non valable)"] = await axeViolations(page);

    await page.goto(`${product.baseUrl}/pilotage/`);
    await page.getByLabel("Adresse e-mail").fill("admin@medianum.test");
    await page.getByLabel("Mot de passe").fill(product.logins.find((l) => l.role === "admin")!.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.locator("nav a[href]").first().waitFor();

    const routes = await backofficeRoutes(page, product.baseUrl);
    // The sweep really covers the steering pages and the others' pages.
    expect(routes).toEqual(expect.arrayContaining(["/pilotage/tableau-de-bord", "/pilotage/territoire", "/pilotage/equipe", "/pilotage/seances", "/pilotage/demandes"]));
    for (const path of routes) {
      await page.goto(`${product.baseUrl}${path}`);
      await settle(page);
      report[path] = await axeViolations(page);
    }
    const failing = Object.fromEntries(Object.entries(report).filter(([, v]) => v.length > 0));
    console.log(`axe : ${Object.keys(report).length} pages analysées (${Object.keys(report).join(", ")}), ${Object.keys(failing).length} avec des violations.`);
    expect(failing).toEqual({});
    await context.close();
  }, 300_000); // axe over 24 pages: minutes on a busy 2-core machine
});
