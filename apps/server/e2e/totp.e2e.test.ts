import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { browser, product, startForThisFile } from "./lifecycle.js";

startForThisFile();

const codeAt = (secret: string, ms: number) => generate({ secret, epoch: Math.floor(ms / 1000) });

describe("TOTP of an administrator, in Chromium", () => {
  it("sets up TOTP from the QR code's key, gets recovery codes, then logs in with a generated code (a replayed one is refused)", async () => {
    const login = product.logins.find((l) => l.role === "admin")!;
    const context = await browser.newContext({ locale: "fr-FR", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const signIn = async () => {
      await page.getByLabel("Adresse e-mail").fill(login.email);
      await page.getByLabel("Mot de passe").fill(login.password);
      await page.getByRole("button", { name: "Se connecter" }).click();
    };
    await page.goto(`${product.baseUrl}/pilotage/`);
    await signIn();

    await page.getByRole("link", { name: "Sécurité du compte" }).click();
    await page.getByRole("button", { name: "Activer la double authentification" }).click();
    const qr = page.getByRole("img", { name: "QR code à scanner avec l'application d'authentification" });
    await qr.waitFor();
    expect(await qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml;base64,/);
    // The QR code is drawn (a data: image the page's CSP allows), not fetched from elsewhere.
    expect(await qr.evaluate((img) => {
      const drawn = img as unknown as { complete: boolean; naturalWidth: number };
      return drawn.complete && drawn.naturalWidth > 0;
    })).toBe(true);
    const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
    const setupCode = await codeAt(secret, Date.now());
    await page.getByLabel("Code affiché par l'application").fill(setupCode);
    await page.getByRole("button", { name: "Vérifier et activer" }).click();
    const codes = page.getByTestId("recovery-codes").locator("li");
    await expect.poll(() => codes.count()).toBe(10);
    await page.getByRole("button", { name: "J'ai noté mes codes de secours" }).click();
    await expect.poll(async () => page.locator("main").textContent()).toContain("La double authentification est activée.");

    // Log out, log in again: the code is asked before anything else.
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await signIn();
    await page.getByRole("heading", { level: 1, name: "Code de vérification" }).waitFor();
    await page.getByLabel("Code").fill(setupCode);
    await page.getByRole("button", { name: "Valider" }).click();
    await expect.poll(async () => page.locator("main").textContent()).toContain("n'est pas valide ou a déjà servi");
    // The app's next code (one step ahead of the server: within the drift allowed).
    await page.getByLabel("Code").fill(await codeAt(secret, Date.now() + 30_000));
    await page.getByRole("button", { name: "Valider" }).click();
    await page.getByRole("link", { name: "Sécurité du compte" }).click();
    await expect.poll(async () => page.locator("main").textContent()).toContain("Codes de secours restants : 10 sur 10");
    await context.close();
  });
});
