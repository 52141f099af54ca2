import type { Page } from "playwright-core";
import { getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { formatDate } from "@medianum/domain";
import { backofficeRoutes } from "./backoffice-routes.js";
import { browser, product, startForThisFile } from "./lifecycle.js";

startForThisFile();

const passwordOf = (role: string) => product.logins.find((l) => l.role === role)!.password;

async function staffPage(email: string, role: string, width = 1366) {
  const context = await browser.newContext({ locale: "fr-FR", viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${product.baseUrl}/pilotage/`);
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(passwordOf(role));
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.locator("nav a[href]").first().waitFor();
  return { context, page };
}

async function settle(page: Page) {
  await page.locator("main h1").first().waitFor();
  await page.waitForLoadState("networkidle");
  await page.locator(".mn-spinner").first().waitFor({ state: "detached", timeout: 15_000 }).catch(() => undefined);
}

// Browser globals used inside page.evaluate (this package is compiled without the DOM library).
declare const document: { querySelectorAll(s: string): Iterable<{ scrollWidth: number; clientWidth: number; getAttribute(n: string): string | null; textContent: string | null }> };

/** Tables wider than their wrapper (a sideways scroll bar), by caption. */
function overflowingTables(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll(".mn-table-wrapper")]
      .filter((w) => w.scrollWidth > w.clientWidth + 1)
      .map((w) => `${(w.textContent ?? "").slice(0, 60)}… (${w.scrollWidth} > ${w.clientWidth})`),
  );
}

interface PdfPage {
  text: string;
  /** Share of the printable height used, from the top margin to the lowest line of text. */
  used: number;
}

/** Each page's text and how far down it goes, read from the PDF as a reader's viewer would. */
async function readPdf(pdf: Buffer): Promise<PdfPage[]> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const out: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , , top] = page.view as [number, number, number, number];
    const margin = (1.5 / 2.54) * 72; // @page margin: 1.5cm, in points
    const items = (await page.getTextContent()).items.flatMap((i) => ("str" in i && i.str.trim() !== "" ? [{ str: i.str, y: i.transform[5] as number }] : []));
    const lowest = Math.min(...items.map((i) => i.y));
    out.push({ text: items.map((i) => i.str).join(" "), used: items.length ? (top - margin - lowest) / (top - 2 * margin) : 0 });
  }
  return out;
}

describe("the back-office on a 1366 × 900 screen, and the annual review on paper", () => {
  it("shows every table without sideways scrolling", async () => {
    const { context, page } = await staffPage("admin@medianum.test", "admin");
    const session = await product.db.prisma.workshopSession.findFirstOrThrow({ where: { registrations: { some: {} } }, orderBy: { startsAt: "asc" } });
    const request = await product.db.prisma.collegeRequest.findFirstOrThrow();
    const routes = [...(await backofficeRoutes(page, product.baseUrl)), `/pilotage/seances/${session.id}`, `/pilotage/demandes/${request.id}`];
    const report: Record<string, string[]> = {};
    let tables = 0;
    for (const path of routes) {
      await page.goto(`${product.baseUrl}${path}`);
      await settle(page);
      tables += await page.locator(".mn-table-wrapper").count();
      const wide = await overflowingTables(page);
      if (wide.length) report[path] = wide;
    }
    expect(tables).toBeGreaterThan(10);
    expect(report).toEqual({});
    await context.close();
    // Every page of the menu, one after the other: longer than one journey on a busy machine.
  }, 360_000);

  it("puts a registration's actions in a menu button that works with the keyboard", async () => {
    const { context, page } = await staffPage("coordination@medianum.test", "coordinator");
    const reg = await product.db.prisma.registration.findFirstOrThrow({ where: { status: "confirmed", session: { status: "scheduled" } }, orderBy: { createdAt: "asc" } });
    await page.goto(`${product.baseUrl}/pilotage/seances/${reg.sessionId}`);
    const button = page.getByRole("button", { name: `Actions : ${reg.firstName} ${reg.lastName}` });
    await button.waitFor();
    expect(await button.getAttribute("aria-haspopup")).toBe("menu");
    expect(await button.getAttribute("aria-expanded")).toBe("false");
    await button.focus();
    await page.keyboard.press("ArrowDown");
    const menu = page.getByRole("menu");
    await menu.waitFor();
    expect(await button.getAttribute("aria-expanded")).toBe("true");
    const focused = () => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } | null } }).document.activeElement?.textContent ?? "");
    expect(await focused()).toBe("Déplacer vers une autre séance");
    await page.keyboard.press("ArrowDown");
    expect(await focused()).toBe("Annuler l'inscription");
    await page.keyboard.press("Escape");
    await menu.waitFor({ state: "detached" });
    expect(await focused()).toContain("Actions");
    // Enter opens it again; choosing an item opens its panel, with the focus on its heading.
    await page.keyboard.press("Enter");
    await menu.waitFor();
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    const heading = page.getByRole("heading", { name: `Annuler l'inscription de ${reg.firstName} ${reg.lastName}` });
    await heading.waitFor();
    expect(await heading.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.getByRole("button", { name: "Garder" }).click();
    await heading.waitFor({ state: "detached" });
    await context.close();
  });

  it("keeps the dashboard's filters in the address: shared, bookmarked, back button, bad values ignored", async () => {
    const { context, page } = await staffPage("coordination@medianum.test", "coordinator");
    const year = new Date().getFullYear();
    await page.goto(`${product.baseUrl}/pilotage/tableau-de-bord`);
    await page.getByRole("heading", { name: "Tableau de bord", level: 1 }).waitFor();
    await page.getByLabel("Du", { exact: true }).fill(`${year}-03-01`);
    await page.getByLabel("Au", { exact: true }).fill(`${year}-05-31`);
    await page.getByRole("button", { name: "Afficher" }).click();
    await page.getByRole("heading", { name: new RegExp(`du 1 mars ${year} au 31 mai ${year}`), level: 2 }).waitFor();
    const shared = page.url();
    expect(new URL(shared).searchParams.get("from")).toBe(`${year}-03-01`);

    // Back: the whole year again, in the figures and in the form.
    await page.goBack();
    await page.getByRole("heading", { name: new RegExp(`du 1 janvier ${year} au 31 décembre ${year}`), level: 2 }).waitFor();
    expect(await page.getByLabel("Du", { exact: true }).inputValue()).toBe(`${year}-01-01`);

    // The shared address opens the same view in another session.
    const other = await staffPage("coordination@medianum.test", "coordinator");
    await other.page.goto(shared);
    await other.page.getByRole("heading", { name: new RegExp(`du 1 mars ${year} au 31 mai ${year}`), level: 2 }).waitFor();
    expect(await other.page.getByLabel("Au", { exact: true }).inputValue()).toBe(`${year}-05-31`);

    // An address edited by hand: the bad period gives way to the year, the territory stays.
    const epci = (await product.db.prisma.epci.findFirstOrThrow({ orderBy: { name: "asc" } }));
    await other.page.goto(`${product.baseUrl}/pilotage/tableau-de-bord?from=2026-13-40&to=demain&scope=epci&scopeId=${epci.code}`);
    await other.page.getByRole("heading", { name: new RegExp(`^${epci.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}, du 1 janvier ${year}`), level: 2 }).waitFor();
    await other.context.close();
    await context.close();
  });

  it("prints the annual review as a report: territory, period, date and key figures on page 1, no half-empty page", async () => {
    const { context, page } = await staffPage("coordination@medianum.test", "coordinator");
    await page.goto(`${product.baseUrl}/pilotage/bilan`);
    await page.getByRole("heading", { name: /Bilan annuel/, level: 1 }).waitFor();
    await page.getByRole("table", { name: "Thématiques les plus fréquentes" }).waitFor();
    await page.getByRole("table", { name: /Territoires prioritaires/ }).waitFor();
    await page.waitForLoadState("networkidle");
    const year = new Date().getFullYear();
    const people = (await page.locator(".mn-figure").filter({ hasText: "Personnes accompagnées" }).locator(".mn-figure__value").textContent())!.trim();

    const pages = await readPdf(await page.pdf({ format: "A4", printBackground: true }));
    const first = pages[0]!.text.replace(/\s+/g, " ");
    expect(first).toContain(`du 1 janvier ${year} au 31 décembre ${year}`);
    expect(first).toContain(`Imprimé le`);
    expect(first).toContain(formatDate(new Date()));
    expect(first).toContain("Personnes accompagnées");
    expect(first.replace(/\s/g, "")).toContain(people.replace(/\s/g, ""));
    expect(first).toMatch(/Lot-et-Garonne|département/i);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.length).toBeLessThanOrEqual(4);
    const used = pages.map((p) => Math.round(p.used * 100));
    console.log(`bilan : ${pages.length} pages, remplies à ${used.join(" %, ")} %`);
    for (const p of pages.slice(0, -1)) expect(p.used).toBeGreaterThanOrEqual(0.5);
    await context.close();
  });
});
