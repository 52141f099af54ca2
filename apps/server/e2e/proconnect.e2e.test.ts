import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestProvider, type TestProvider } from "../test/support/oidc-provider.js";
import { launchBrowser, startProduct, type Product } from "./support.js";

/**
 * ProConnect in Chromium: the button on the real login pages (drawn at build time), the journey
 * through a local OpenID provider, and the refusal shown in French. The checks of the flow itself
 * (state, nonce, replay, rate limit) are in test/proconnect.test.ts.
 */

const CLIENT_ID = "medianum-e2e";
const CLIENT_SECRET = "un-secret-de-client-pour-le-test-de-bout-en-bout";

let product: Product;
let provider: TestProvider;
let browser: Browser;

beforeAll(async () => {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((r) => probe.close(() => r()));
  const base = `http://127.0.0.1:${port}`;
  provider = await startTestProvider({ redirectUri: `${base}/api/auth/proconnect/callback`, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  product = await startProduct({
    port,
    env: { PUBLIC_URL: base, PROCONNECT_ISSUER: provider.issuer, PROCONNECT_CLIENT_ID: CLIENT_ID, PROCONNECT_CLIENT_SECRET: CLIENT_SECRET },
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await product?.close();
  await provider?.close();
});

describe("ProConnect login in Chromium", () => {
  it("a coordinator clicks « Se connecter avec ProConnect » and lands in the back-office, logged in", async () => {
    const coordinator = product.logins.find((l) => l.role === "coordinator")!;
    provider.loginAs(coordinator.email);
    const context = await browser.newContext({ locale: "fr-FR" });
    const page = await context.newPage();
    await page.goto(`${product.baseUrl}/pilotage/`);
    await page.getByLabel("Mot de passe").waitFor();
    await page.getByRole("link", { name: "Se connecter avec ProConnect" }).click();
    await page.getByRole("button", { name: "Se déconnecter" }).waitFor();
    // The back-office opens on its home page (/pilotage/seances).
    expect(new URL(page.url()).pathname).toMatch(/^\/pilotage\//);
    const cookies = await context.cookies(product.baseUrl);
    expect(cookies.find((c) => c.name === "medianum_session")?.httpOnly).toBe(true);
    expect(cookies.find((c) => c.name === "medianum_proconnect")).toBeUndefined();
    await context.close();
  });

  it("a counsellor goes through ProConnect from their app and comes back to it, logged in", async () => {
    const counsellor = product.logins.find((l) => l.role === "counsellor")!;
    provider.loginAs(counsellor.email);
    const context = await browser.newContext({ locale: "fr-FR" });
    const page = await context.newPage();
    await page.goto(`${product.baseUrl}/conseiller/`);
    await page.getByRole("link", { name: "Se connecter avec ProConnect" }).click();
    await page.getByRole("button", { name: "Se déconnecter" }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/conseiller\//);
    await context.close();
  });

  it("someone without a Médianum account comes back to the login page with the reason in French", async () => {
    provider.loginAs("agent.inconnu@exemple.gouv.fr");
    const context = await browser.newContext({ locale: "fr-FR" });
    const page = await context.newPage();
    await page.goto(`${product.baseUrl}/conseiller/`);
    await page.getByRole("link", { name: "Se connecter avec ProConnect" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "ProConnect" });
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      "Aucun compte Médianum actif n'est associé à cette adresse ProConnect. Demandez une invitation à votre coordination.",
    );
    expect(new URL(page.url()).pathname).toBe("/conseiller/");
    // The password form is still there, and no session was opened.
    await page.getByLabel("Mot de passe").waitFor();
    expect((await context.cookies(product.baseUrl)).find((c) => c.name === "medianum_session")).toBeUndefined();
    await context.close();
  });
});
