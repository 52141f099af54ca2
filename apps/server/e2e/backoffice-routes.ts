import type { Page } from "playwright-core";

/**
 * The back-office pages for the accessibility sweep, found from one place: the menu that every
 * page shows. Pages added to the menu by anyone are swept too; list pages also give their first
 * detail page (a session, a request, a place, a team member…). Pages outside the menu are listed here.
 */
export const PAGES_OUTSIDE_THE_MENU = ["/pilotage/lieux/nouveau", "/pilotage/partenaires", "/pilotage/une-page-qui-n-existe-pas"];

/** Detail links inside a list page's main content: first one of each kind (same path prefix). */
async function detailLinks(page: Page, listPath: string): Promise<string[]> {
  const hrefs = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => new URL((a as unknown as { href: string }).href).pathname));
  const prefix = `${listPath.replace(/\/$/, "")}/`;
  const first = hrefs.find((h) => h.startsWith(prefix) && h !== `${prefix}nouveau`);
  return first ? [first] : [];
}

export async function backofficeRoutes(page: Page, baseUrl: string): Promise<string[]> {
  await page.goto(`${baseUrl}/pilotage/`);
  await page.locator("nav a[href]").first().waitFor();
  const menu = await page.locator("nav a[href]").evaluateAll((as) => as.map((a) => new URL((a as unknown as { href: string }).href).pathname));
  const routes = new Set<string>(menu.filter((p) => p.startsWith("/pilotage/")));
  for (const path of [...routes]) {
    await page.goto(`${baseUrl}${path}`);
    await page.locator("main h1").first().waitFor();
    await page.waitForLoadState("networkidle");
    for (const d of await detailLinks(page, path)) routes.add(d);
  }
  for (const p of PAGES_OUTSIDE_THE_MENU) routes.add(p);
  return [...routes];
}
