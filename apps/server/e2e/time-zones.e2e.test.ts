// The server of this file runs in Tokyo (UTC+9) and its browsers in UTC and in French Guiana
// (UTC-3): none of them is Paris. Node applies a new TZ as soon as it is set; each e2e file runs
// in its own process, so this touches no other file.
process.env.TZ = "Asia/Tokyo";

import { describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { browser, product, startForThisFile } from "./lifecycle.js";

startForThisFile();

// 04:04 Paris on the Mondays after the 2027 switches: summer time (UTC+2) since Sunday 28 March,
// winter time (UTC+1) since Sunday 31 October.
const CASES = [
  { zone: "UTC", day: "2027-03-29", label: "29 mars 2027", instant: "2027-03-29T02:04:00.000Z" },
  { zone: "America/Cayenne", day: "2027-11-01", label: "1 novembre 2027", instant: "2027-11-01T03:04:00.000Z" },
];

// Pages load their code on demand: generous on a busy 2-core machine.
const SLOW = { timeout: 30_000 };

async function contextIn(b: Browser, timezoneId: string) {
  return b.newContext({ locale: "fr-FR", timezoneId, viewport: { width: 1366, height: 900 } });
}

async function logInToBackOffice(page: Page) {
  const login = product.logins.find((l) => l.role === "coordinator")!;
  await page.goto(`${product.baseUrl}/pilotage/`);
  await page.getByLabel("Adresse e-mail").fill(login.email);
  await page.getByLabel("Mot de passe").fill(login.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.getByRole("link", { name: "Nouvelle séance" }).waitFor();
}

describe("times are Paris times, whatever the zone of the browser and of the server", () => {
  it("a session typed at 04:04 after each daylight-saving switch is saved, shown and filtered at 04:04 Paris", async () => {
    expect(new Date("2027-03-29T00:00:00").getTimezoneOffset()).toBe(-540);
    const created: Array<(typeof CASES)[number] & { id: string }> = [];

    for (const c of CASES) {
      const context = await contextIn(browser, c.zone);
      const page = await context.newPage();
      expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(c.zone);
      await logInToBackOffice(page);
      await page.getByRole("link", { name: "Nouvelle séance" }).click();
      await page.getByRole("button", { name: "Enregistrer la séance" }).waitFor();
      await page.getByLabel("Atelier").selectOption({ index: 1 });
      await page.getByLabel("Date", { exact: true }).fill(c.day);
      await page.getByLabel("Heure de début (heure de Paris)").fill("04:04");
      await page.getByLabel("Durée (minutes)").fill("60");
      await page.getByLabel("Lieu").selectOption({ index: 1 });
      await page.getByLabel("Nombre de places").fill("10");
      await page.getByRole("button", { name: "Enregistrer la séance" }).click();
      await page.waitForURL(/\/pilotage\/seances\/[0-9a-f-]{36}$/);
      const id = new URL(page.url()).pathname.split("/").pop()!;
      created.push({ ...c, id });

      // The database holds the Paris instant.
      const stored = await product.db.prisma.workshopSession.findUniqueOrThrow({ where: { id } });
      expect(stored.startsAt.toISOString()).toBe(c.instant);
      await context.close();
    }

    // Every session, seen from both zones, in the back-office, its edit form and the portal.
    for (const zone of CASES.map((c) => c.zone)) {
      const context = await contextIn(browser, zone);
      const page = await context.newPage();
      await logInToBackOffice(page);
      for (const s of created) {
        await page.goto(`${product.baseUrl}/pilotage/seances/${s.id}`);
        await expect.poll(() => page.locator("main").textContent(), SLOW).toMatch(new RegExp(`${s.label}.*04:04`));

        await page.goto(`${product.baseUrl}/pilotage/seances/${s.id}/modifier`);
        await expect.poll(() => page.getByLabel("Heure de début (heure de Paris)").inputValue(), SLOW).toBe("04:04");
        expect(await page.getByLabel("Date", { exact: true }).inputValue()).toBe(s.day);

        await page.goto(`${product.baseUrl}/seances/${s.id}`);
        await expect.poll(() => page.locator("main").textContent(), SLOW).toMatch(new RegExp(`${s.label}.*04:04`));

        // The catalogue filtered on that day (rendered by the server, then by the browser) lists it.
        await page.goto(`${product.baseUrl}/?du=${s.day}&au=${s.day}`);
        await expect.poll(() => page.locator(`a[href="/seances/${s.id}"]`).count(), SLOW).toBe(1);
      }
      await context.close();
    }
  });
});
