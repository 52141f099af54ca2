import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { hashPassword } from "@medianum/api";
import type { Database } from "@medianum/db";
import { seedDemo } from "@medianum/db/seed";
import { createTestDatabase } from "@medianum/db/testing";
import { chromium, type Browser, type LaunchOptions, type Page } from "playwright-core";
import { buildServer } from "../src/app.js";
import { loadConfig } from "../src/config.js";

export interface Product {
  baseUrl: string;
  db: Database;
  logins: Awaited<ReturnType<typeof seedDemo>>["logins"];
  /** The Fastify app (e.g. `product.app.jobs.runOnce("outbox-delivery")`). */
  app: Awaited<ReturnType<typeof buildServer>>;
  close(): Promise<void>;
}

/** The whole product as `npm start` runs it (built apps, migrated and seeded database) on a free port. */
export async function startProduct(opts: { env?: Record<string, string>; port?: number } = {}): Promise<Product> {
  const db = await createTestDatabase();
  const { logins } = await seedDemo(db.prisma, { hashPassword });
  // Scheduled jobs off by default: a test runs the one it needs with app.jobs.runOnce().
  const config = { ...loadConfig({ NODE_ENV: "test", LOG_LEVEL: "warn", PORT: "0", JOBS_ENABLED: "false", ...opts.env }) };
  for (const app of ["portal", "counsellor", "backoffice"]) {
    if (!existsSync(`${config.appsDir}/${app}/dist/index.html`)) throw new Error(`apps/${app} n'est pas construite : lancez « pnpm build » d'abord.`);
  }
  const app = await buildServer({ config, db });
  // A fixed port when PUBLIC_URL must name it beforehand (ProConnect's redirect URI).
  await app.listen({ port: opts.port ?? 0, host: "127.0.0.1" });
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    db,
    logins,
    app,
    async close() {
      await app.close();
      await db.close();
    },
  };
}

export function chromiumPath(): string {
  const found = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => p && existsSync(p));
  if (!found) throw new Error("Chromium est introuvable : installez le paquet « chromium » ou définissez CHROMIUM_PATH.");
  return found;
}

/** Debian's Chromium, headless, kept off the network (this machine has none beyond loopback). */
export function chromiumOptions(): LaunchOptions {
  return {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch(chromiumOptions());
}

// Browser globals used inside page.evaluate (this package is compiled without the DOM library).
declare const indexedDB: {
  open(name: string): {
    result: {
      objectStoreNames: { contains(name: string): boolean };
      transaction(stores: string[]): { objectStore(name: string): { count(): { result: number } }; oncomplete: (() => void) | null; onerror: (() => void) | null };
      close(): void;
    };
    onsuccess: (() => void) | null;
    onerror: (() => void) | null;
  };
};
declare const navigator: { serviceWorker: { controller: unknown } };

/** Rows in these stores of the counsellor app's device database ("medianum-conseiller"), read straight from IndexedDB; 0 for a store not created yet. */
export function deviceRows(page: Page, stores: string[]): Promise<number[]> {
  return page.evaluate(
    (names) =>
      new Promise<number[]>((resolve) => {
        const none = names.map(() => 0);
        const open = indexedDB.open("medianum-conseiller");
        open.onsuccess = () => {
          const db = open.result;
          const present = names.filter((n) => db.objectStoreNames.contains(n));
          if (present.length === 0) return resolve(none);
          const tx = db.transaction(present);
          const counts = present.map((n) => tx.objectStore(n).count());
          tx.oncomplete = () => {
            db.close();
            resolve(names.map((n) => (present.includes(n) ? counts[present.indexOf(n)]!.result : 0)));
          };
          tx.onerror = () => resolve(none);
        };
        open.onerror = () => resolve(none);
      }),
    stores,
  );
}

/** Waits until the service worker controls the counsellor app and the device holds rows in each of `stores` (the first download is done). */
export async function waitForDeviceReady(page: Page, stores: string[] = ["agenda"]) {
  // Generous: the service worker precaches the whole app before it takes control, slow on a busy 2-core CI machine.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
  const deadline = Date.now() + 30_000;
  while (!(await deviceRows(page, stores)).every((n) => n > 0)) {
    if (Date.now() > deadline) throw new Error(`L'appareil ne contient toujours pas : ${stores.join(", ")}.`);
    await page.waitForTimeout(250);
  }
}

/**
 * Follows a link of the counsellor app's menu as a person would at any width: the link itself when
 * it is on screen (the header's menu, or the phone's bottom bar), otherwise through the bar's
 * "Plus" sheet.
 */
export async function followMenuLink(page: Page, name: string) {
  const direct = page.getByRole("navigation", { name: "Menu de l'espace conseiller" }).getByRole("link", { name, exact: true });
  if (await direct.isVisible()) return direct.click();
  await page.getByRole("button", { name: /^Plus de pages/ }).click();
  await page.getByRole("dialog", { name: "Autres pages" }).getByRole("link", { name, exact: true }).click();
}

/** Fills the login form on screen and submits it. */
export async function submitLogin(page: Page, email: string, password: string) {
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

/** The Paris day `days` days from now, as the date fields want it (YYYY-MM-DD). */
export function parisDayIn(days: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date(Date.now() + days * 86_400_000));
}
