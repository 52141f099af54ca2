import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browser, product, startForThisFile } from "./lifecycle.js";

// Screenshots of each app's main pages on a phone (360 px) and a laptop (1366 px), for a person to
// look at after a run (apps/server/e2e-artifacts/screenshots/, git-ignored, kept by CI as a test
// artefact). Each page must have loaded: its heading on screen and no error in the console.

startForThisFile();

const SCREENSHOTS_DIR = fileURLToPath(new URL("../e2e-artifacts/screenshots/", import.meta.url));
const WIDTHS = [360, 1366] as const;

interface Shot {
  /** File name part: "<app>-<name>-<width>.png". */
  name: string;
  path: string;
  /** Something to do on the page before the picture (open a sheet…); `wait` runs first. */
  then?: (page: Page) => Promise<void>;
  /** Only at these widths (the phone's "Plus" sheet does not exist on a wide screen). */
  widths?: readonly number[];
  /** Taken without network: the browser's own "disconnected" messages are then expected. */
  offline?: boolean;
}

async function settle(page: Page) {
  await page.locator("main h1").first().waitFor({ state: "visible" });
  await page.locator(".mn-spinner").first().waitFor({ state: "detached", timeout: 15_000 }).catch(() => undefined);
  await page.waitForLoadState("networkidle").catch(() => undefined);
}

async function logIn(page: Page, email: string, password: string, landing: string) {
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.getByRole("heading", { name: landing, level: 1 }).waitFor();
}

/**
 * Opens each page at each width in a fresh context (signed in by `signIn` when given), checks its
 * heading and console, and writes its picture. Returns the problems met, in words.
 */
async function shoot(app: string, shots: Shot[], signIn?: (page: Page) => Promise<void>): Promise<string[]> {
  const problems: string[] = [];
  for (const width of WIDTHS) {
    const context = await browser.newContext({ locale: "fr-FR", viewport: { width, height: width < 768 ? 740 : 900 }, isMobile: width < 768, hasTouch: width < 768 });
    const page = await context.newPage();
    let errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    if (signIn) await signIn(page);
    for (const shot of shots) {
      if (shot.widths && !shot.widths.includes(width)) continue;
      errors = [];
      await page.goto(`${product.baseUrl}${shot.path}`);
      await settle(page);
      if (shot.then) await shot.then(page);
      const heading = page.locator("main h1").first();
      if (!(await heading.isVisible()) || !(await heading.textContent())?.trim()) problems.push(`${app} ${shot.name} ${width}px : pas de titre visible`);
      for (const e of errors.filter((m) => !(shot.offline && /ERR_INTERNET_DISCONNECTED|Failed to fetch|NetworkError/.test(m)))) problems.push(`${app} ${shot.name} ${width}px : erreur dans la console : ${e}`);
      // The first screen, as the person sees it without scrolling; on a phone the whole page too.
      await page.screenshot({ path: `${SCREENSHOTS_DIR}${app}-${shot.name}-${width}.png` });
      if (width < 768 && !shot.then) await page.screenshot({ path: `${SCREENSHOTS_DIR}${app}-${shot.name}-${width}-page-entiere.png`, fullPage: true });
    }
    await context.close();
  }
  return problems;
}

describe("screenshots of each app's main pages at 360 and 1366 px, in Chromium", () => {
  // Not emptied first: counsellor-phone.e2e.test.ts writes its own pictures there too; each file overwrites its own.
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const password = (role: string) => product.logins.find((l) => l.role === role)!.password;

  it("portal: catalogue, a session, the collège request", async () => {
    const session = await product.db.prisma.workshopSession.findFirstOrThrow({ where: { startsAt: { gt: new Date() }, status: "scheduled" }, orderBy: { startsAt: "asc" } });
    const problems = await shoot("portail", [
      { name: "catalogue", path: "/" },
      { name: "seance", path: `/seances/${session.id}` },
      { name: "demande-college", path: "/colleges/demande" },
    ]);
    expect(problems).toEqual([]);
  });

  it("counsellor app: login, agenda, forms, outbox, the phone's « Plus » sheet", async () => {
    const login = await shoot("conseiller", [{ name: "connexion", path: "/conseiller/" }]);
    const counsellor = product.logins.find((l) => l.role === "counsellor")!;
    const problems = await shoot(
      "conseiller",
      [
        { name: "agenda", path: "/conseiller/" },
        { name: "nouvel-accompagnement", path: "/conseiller/accompagnements/nouveau" },
        { name: "atelier-collectif", path: "/conseiller/ateliers/nouveau" },
        { name: "mes-accompagnements", path: "/conseiller/accompagnements" },
        { name: "colleges", path: "/conseiller/colleges" },
        { name: "pass-numerique", path: "/conseiller/pass-numerique" },
        { name: "annuaire", path: "/conseiller/annuaire" },
        { name: "mes-chiffres", path: "/conseiller/mes-chiffres" },
        { name: "envois", path: "/conseiller/envois" },
        {
          name: "menu-plus",
          path: "/conseiller/",
          widths: [360],
          then: async (page) => {
            await page.getByRole("button", { name: /^Plus de pages/ }).click();
            await page.getByRole("dialog", { name: "Autres pages" }).waitFor();
          },
        },
        {
          // Two accompaniments typed offline: the outbox tells them apart (themes, person, time). Last: the
          // network stays off until the context closes.
          name: "envois-en-attente",
          path: "/conseiller/accompagnements/nouveau",
          offline: true,
          then: async (page) => {
            await page.context().setOffline(true);
            for (const [theme, age] of [["Santé", "60 à 69 ans"], ["E-mail", "25 à 39 ans"]] as const) {
              await page.goto(`${product.baseUrl}/conseiller/accompagnements/nouveau`);
              await page.getByRole("checkbox", { name: theme, exact: true }).check();
              await page.getByLabel("Tranche d'âge").selectOption({ label: age });
              await page.getByRole("button", { name: "Enregistrer l'accompagnement" }).click();
              await page.getByText("Accompagnement enregistré sur cet appareil").waitFor();
            }
            await page.goto(`${product.baseUrl}/conseiller/envois`);
            await page.getByRole("heading", { name: "Envois", level: 1 }).waitFor();
            await page.getByRole("heading", { name: /Accompagnement individuel : .*Santé/ }).waitFor();
          },
        },
      ],
      async (page) => {
        await page.goto(`${product.baseUrl}/conseiller/`);
        await logIn(page, counsellor.email, counsellor.password, "Mon agenda");
        await page.getByText(/Mis à jour le/).waitFor({ timeout: 60_000 });
      },
    );
    expect([...login, ...problems]).toEqual([]);
  });

  it("back-office: login, dashboard, sessions, collège requests, records, places", async () => {
    const login = await shoot("pilotage", [{ name: "connexion", path: "/pilotage/" }]);
    const problems = await shoot(
      "pilotage",
      [
        { name: "tableau-de-bord", path: "/pilotage/tableau-de-bord" },
        { name: "seances", path: "/pilotage/seances" },
        { name: "demandes", path: "/pilotage/demandes" },
        { name: "saisies", path: "/pilotage/saisies" },
        { name: "lieux", path: "/pilotage/lieux" },
      ],
      async (page) => {
        await page.goto(`${product.baseUrl}/pilotage/`);
        await logIn(page, "coordination@medianum.test", password("coordinator"), "Séances d'ateliers");
      },
    );
    expect([...login, ...problems]).toEqual([]);
  });
});
