import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { browser, product, startForThisFile } from "./lifecycle.js";

startForThisFile();

describe("workshop sessions managed from the back-office, in Chromium", () => {
  it("a coordinator creates a session, registers a parent, exports the list, cancels the session, and the parent's e-mail waits in the outbox", async () => {
    const login = product.logins.find((l) => l.role === "coordinator")!;
    const context = await browser.newContext({ locale: "fr-FR", viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${product.baseUrl}/pilotage/`);
    await page.getByLabel("Adresse e-mail").fill(login.email);
    await page.getByLabel("Mot de passe").fill(login.password);
    await page.getByRole("button", { name: "Se connecter" }).click();

    // Create a session.
    await page.getByRole("link", { name: "Nouvelle séance" }).click();
    await page.getByRole("button", { name: "Enregistrer la séance" }).waitFor();
    const workshop = page.getByLabel("Atelier");
    await workshop.selectOption({ index: 1 });
    const title = (await workshop.locator("option:checked").textContent())!.trim();
    await page.getByLabel("Date", { exact: true }).fill("2027-02-10");
    await page.getByLabel("Heure de début (heure de Paris)").fill("14:30");
    await page.getByLabel("Durée (minutes)").fill("90");
    await page.getByLabel("Lieu").selectOption({ index: 1 });
    await page.getByLabel("Nombre de places").fill("10");
    await page.getByRole("button", { name: "Enregistrer la séance" }).click();
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    const sessionId = new URL(page.url()).pathname.split("/").pop()!;
    const stored = await product.db.prisma.workshopSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(stored).toMatchObject({ capacity: 10, durationMinutes: 90, status: "scheduled" });

    // Register a parent by phone call.
    await page.getByRole("button", { name: "Ajouter une inscription" }).click();
    const form = page.getByRole("form", { name: "Ajouter une inscription" });
    await form.getByLabel("Prénom").fill("Camille");
    await form.getByLabel("Nom", { exact: true }).fill("Parentdessai");
    await form.getByLabel("Adresse e-mail").fill("camille.parentdessai@exemple.fr");
    await form.getByLabel("Places").selectOption("2");
    await form.getByRole("button", { name: "Ajouter", exact: true }).click();
    const row = page.getByRole("row").filter({ hasText: "Parentdessai" });
    await row.waitFor();
    expect(await row.textContent()).toContain("Confirmée");

    // The row's action panel, by keyboard: « Garder » gives the focus back to the row's menu button.
    const menuButton = row.getByRole("button", { name: /Actions/ });
    await menuButton.focus();
    await page.keyboard.press("ArrowDown");
    await page.getByRole("menuitem", { name: "Annuler l'inscription" }).waitFor();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } | null } }).document.activeElement?.textContent)).toBe("Annuler l'inscription de Camille Parentdessai");
    await page.getByRole("button", { name: "Garder" }).click();
    await expect.poll(() => menuButton.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);

    // Export the registrations as CSV.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Exporter les inscriptions (CSV)" }).click()]);
    const csv = await readFile((await download.path())!, "utf8");
    expect(csv).toContain("Parentdessai");
    expect(csv).toContain("camille.parentdessai@exemple.fr");

    // Cancel the session: every registrant is told by e-mail.
    await page.getByRole("button", { name: "Annuler la séance", exact: true }).click();
    await page.getByLabel("Motif de l'annulation").fill("L'animatrice est malade, la séance sera reprogrammée.");
    await page.getByRole("button", { name: "Annuler la séance et prévenir les inscrits" }).click();
    await expect.poll(async () => (await product.db.prisma.workshopSession.findUniqueOrThrow({ where: { id: sessionId } })).status).toBe("cancelled");
    await expect.poll(async () => page.locator("main").textContent()).toContain("Annulée");

    // Without SMTP, the message waits in the outbox, readable by staff.
    await page.getByRole("link", { name: "Messages" }).click();
    await page.getByRole("heading", { name: "Messages (e-mails)" }).waitFor();
    const message = page.getByRole("row").filter({ hasText: "camille.parentdessai@exemple.fr" });
    await expect.poll(() => message.count()).toBeGreaterThan(1);
    expect(await message.allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/annul/i)]));
    await context.close();
  });
});
