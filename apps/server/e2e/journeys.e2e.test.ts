import { describe, expect, it } from "vitest";
import { browser, product, startForThisFile } from "./lifecycle.js";

startForThisFile();

const password = () => product.logins.find((l) => l.role === "coordinator")!.password;

describe("first journeys, in Chromium", () => {
  it("a parent books a seat on the portal, and the coordinator sees it in the back-office", async () => {
    const parent = await browser.newContext({ locale: "fr-FR", viewport: { width: 390, height: 800 } });
    const page = await parent.newPage();
    await page.goto(`${product.baseUrl}/`);
    await page.getByRole("heading", { level: 1 }).waitFor();

    // The first session that still has seats.
    const bookLink = page.getByRole("link", { name: "S'inscrire" }).first();
    await bookLink.click();
    // The session's own heading replaces the loading one once its details have arrived.
    await page.getByRole("heading", { name: "S'inscrire" }).waitFor();
    const title = (await page.getByRole("heading", { level: 1 }).textContent())!.trim();
    const sessionId = new URL(page.url()).pathname.split("/").pop()!;
    expect(title.length).toBeGreaterThan(3);

    // A first try without consent is refused with a message next to the field; nothing typed is lost.
    await page.getByLabel("Prénom").fill("Joséphine");
    await page.getByLabel("Nom", { exact: true }).fill("Testeuse");
    await page.getByLabel("Adresse e-mail").fill("josephine.testeuse@exemple.fr");
    await page.getByLabel("Nombre de places").selectOption("2");
    await page.getByRole("button", { name: "Confirmer mon inscription" }).click();
    await expect.poll(() => page.getByText(/accepter/i).count()).toBeGreaterThan(0);
    expect(await page.getByLabel("Prénom").inputValue()).toBe("Joséphine");

    await page.getByLabel(/J'accepte que le Département/).check();
    await page.getByRole("button", { name: "Confirmer mon inscription" }).click();
    await page.getByRole("heading", { name: "Inscription confirmée" }).waitFor();
    const confirmation = await page.locator("main").textContent();
    expect(confirmation).toContain(title);
    expect(confirmation).toContain("2 places");
    expect(confirmation).toContain("josephine.testeuse@exemple.fr");
    await parent.close();

    // The coordinator finds the registration under that session.
    const staff = await browser.newContext({ locale: "fr-FR" });
    const bo = await staff.newPage();
    await bo.goto(`${product.baseUrl}/pilotage/`);
    await bo.getByLabel("Adresse e-mail").fill("coordination@medianum.test");
    await bo.getByLabel("Mot de passe").fill(password());
    await bo.getByRole("button", { name: "Se connecter" }).click();
    await bo.getByRole("heading", { name: "Séances d'ateliers" }).waitFor();
    // Several sessions of a workshop share its title: take the link to the very session booked.
    const link = bo.locator(`a[href$="/seances/${sessionId}"]`);
    expect(await link.textContent()).toBe(title);
    await link.click();
    const row = bo.getByRole("row").filter({ has: bo.getByRole("rowheader", { name: "Joséphine Testeuse" }) });
    await row.waitFor();
    expect(await row.textContent()).toContain("Confirmée");
    expect(await row.textContent()).toContain("josephine.testeuse@exemple.fr");
    await staff.close();
  });

  it("a counsellor records an individual accompaniment in the PWA and finds it in the list", async () => {
    const login = product.logins.find((l) => l.role === "counsellor")!;
    const counsellor = await product.db.prisma.user.findUniqueOrThrow({ where: { email: login.email }, include: { counsellor: true } });
    const before = await product.db.prisma.activityRecord.count({ where: { counsellorId: counsellor.counsellor!.id } });

    const phone = await browser.newContext({ locale: "fr-FR", viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    await page.goto(`${product.baseUrl}/conseiller/`);
    await page.getByLabel("Adresse e-mail").fill(login.email);
    await page.getByLabel("Mot de passe").fill(login.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    // The agenda says when the device last received its data: the first download is done.
    await page.getByText(/Mis à jour le/).waitFor();
    await page.getByRole("link", { name: "Nouvel accompagnement" }).click();
    await page.getByRole("heading", { name: "Nouvel accompagnement" }).waitFor();

    await page.getByRole("radio", { name: "1 h 30" }).check();
    await page.getByRole("checkbox", { name: "Intelligence artificielle" }).check();
    await page.getByRole("checkbox", { name: "Téléphone" }).check();
    await page.getByLabel("Notes").fill("Découverte d'un assistant conversationnel");
    await page.getByRole("button", { name: /Enregistrer/ }).click();

    await page.getByText("Accompagnement enregistré").waitFor();
    await page.getByRole("heading", { name: "Mes accompagnements" }).waitFor();
    const first = page.locator("main li").first();
    await expect.poll(async () => first.textContent()).toContain("Intelligence artificielle");
    expect(await first.textContent()).toContain("1 h 30");

    // Saved on the device first, then sent by the outbox at once (the network is there).
    await expect.poll(() => product.db.prisma.activityRecord.count({ where: { counsellorId: counsellor.counsellor!.id } })).toBe(before + 1);
    const stored = await product.db.prisma.activityRecord.findFirstOrThrow({
      where: { counsellorId: counsellor.counsellor!.id, notes: "Découverte d'un assistant conversationnel" },
    });
    expect(stored).toMatchObject({ type: "Individuel", durationMinutes: 90, themes: ["IntelligenceArtificielle"], equipment: ["Telephone"], gender: "NonCommunique" });
    await phone.close();
  });
});
