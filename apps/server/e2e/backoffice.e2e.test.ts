import AxeBuilder from "@axe-core/playwright";
import { describe, expect, it } from "vitest";
import { browser, product, startForThisFile } from "./lifecycle.js";

startForThisFile();

const passwordOf = (role: string) => product.logins.find((l) => l.role === role)!.password;

async function staffPage(email: string, role: string, width = 1280) {
  const context = await browser.newContext({ locale: "fr-FR", viewport: { width, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${product.baseUrl}/pilotage/`);
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(passwordOf(role));
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.getByRole("navigation", { name: "Menu du pilotage" }).waitFor();
  return { context, page };
}

/** Goes to a page of the menu; on a phone (below 30rem) the menu is folded behind « Menu » first. */
async function openFromMenu(page: Awaited<ReturnType<typeof staffPage>>["page"], name: string) {
  const menu = page.getByRole("button", { name: "Menu", exact: true });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole("link", { name }).click();
}

describe("steering from the back-office, in Chromium", () => {
  it("the coordinator reads the year's dashboard, narrows it to an EPCI and downloads the matching export", async () => {
    const { context, page } = await staffPage("coordination@medianum.test", "coordinator", 360);
    await openFromMenu(page, "Tableau de bord");
    await page.getByRole("heading", { name: "Tableau de bord", level: 1 }).waitFor();
    const people = page.locator(".mn-figure").filter({ hasText: "Personnes accompagnées" });
    await people.waitFor();
    // The definition of the figure is written next to it.
    expect(await people.textContent()).toContain("une personne suivie compte une seule fois");
    const year = new Date().getFullYear();
    const expected = await product.db.prisma.activityRecord.count({
      where: { type: "Individuel", date: { gte: new Date(`${year}-01-01T00:00:00Z`), lte: new Date(`${year}-12-31T00:00:00Z`) } },
    });
    const individual = page.locator(".mn-figure").filter({ hasText: "Accompagnements individuels" }).locator(".mn-figure__value");
    expect((await individual.textContent())!.replace(/\s/g, "")).toBe(String(expected));
    // Each chart is an image with a text alternative, and its figures are in a table.
    const chart = page.getByRole("img", { name: /Activité par mois/ });
    await chart.waitFor();
    expect(await page.getByRole("table", { name: "Activité par mois" }).getByRole("row").count()).toBe(13);

    // A period the wrong way round is refused next to the field, nothing lost.
    await page.getByLabel("Au", { exact: true }).fill(`${year - 1}-01-01`);
    await page.getByRole("button", { name: "Afficher" }).click();
    await page.getByText("La date de fin doit suivre la date de début.").first().waitFor();
    await page.getByLabel("Au", { exact: true }).fill(`${year}-12-31`);
    await page.getByLabel("Territoire", { exact: true }).selectOption("epci");
    const epci = page.getByLabel("Intercommunalité");
    await epci.locator("option").nth(1).waitFor({ state: "attached" });
    const epciName = (await epci.locator("option").nth(1).textContent())!;
    await epci.selectOption({ index: 1 });
    await page.getByRole("button", { name: "Afficher" }).click();
    await page.getByRole("heading", { name: new RegExp(`^${epciName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")},`), level: 2 }).waitFor();

    const link = page.getByRole("link", { name: /Tableur \(XLSX\) — Activité des conseillers/ });
    const href = await link.getAttribute("href");
    expect(href).toContain("scope=epci");
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^medianum-activities-.*\.xlsx$/);
    await context.close();
  });

  it("without SMTP, an admin invites a coordinator and hands over the link shown once; the coordinator chooses a password with it and logs in", async () => {
    const { context, page } = await staffPage("admin@medianum.test", "admin");
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: product.baseUrl });
    await page.getByRole("link", { name: "Équipe" }).click();
    await page.getByRole("heading", { name: "Équipe et accès" }).waitFor();
    await page.getByLabel("Nom affiché").fill("Inès Invitée");
    await page.getByLabel("E-mail", { exact: true }).fill("ines.invitee@medianum.test");
    await page.getByLabel("Rôle", { exact: true }).selectOption("coordinator");
    await page.getByRole("button", { name: "Inviter", exact: true }).click();
    await page.getByText("Compte créé pour Inès Invitée : transmettez-lui le lien ci-dessous.").waitFor();
    // The link is shown once, with what to do with it; the focus goes to it.
    const heading = page.getByRole("heading", { name: "Lien à transmettre à Inès Invitée" });
    await heading.waitFor();
    expect(await heading.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    expect(await page.locator("main").textContent()).toContain("Il ne sera plus affiché");
    const url = await page.getByRole("textbox", { name: "Lien à transmettre" }).inputValue();
    expect(url).toMatch(/^http:\/\/localhost:\d+\/pilotage\/mot-de-passe\?jeton=[A-Za-z0-9_-]{43}$/);
    const token = new URL(url).searchParams.get("jeton")!;
    await page.getByRole("button", { name: "Copier le lien" }).click();
    await page.getByText("Lien copié : collez-le dans votre message.").waitFor();
    // (The server's tsconfig has no DOM types; this runs in the page.)
    expect(await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText())).toBe(url);
    const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await page.getByRole("rowheader", { name: "Inès Invitée" }).waitFor();
    // Nowhere else: not in the messages, not on the team page once left.
    await page.getByRole("link", { name: "Messages" }).click();
    await page.getByRole("heading", { name: "Messages (e-mails)" }).waitFor();
    await page.getByRole("link", { name: "Équipe" }).click();
    await page.getByRole("rowheader", { name: "Inès Invitée" }).waitFor();
    expect(await page.getByRole("textbox", { name: "Lien à transmettre" }).count()).toBe(0);
    expect(await page.content()).not.toContain(token);
    await context.close();
    expect(await product.db.prisma.outboxEmail.count({ where: { to: "ines.invitee@medianum.test" } })).toBe(0);

    const guest = await browser.newContext({ locale: "fr-FR", viewport: { width: 320, height: 700 } });
    const g = await guest.newPage();
    await g.goto(`${product.baseUrl}/pilotage/mot-de-passe?jeton=${token}`);
    await g.getByRole("heading", { name: "Bienvenue, Inès Invitée" }).waitFor();
    await g.getByLabel("Nouveau mot de passe").fill("trop court");
    await g.getByLabel("Le même, une seconde fois").fill("trop court");
    await g.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
    await g.getByText(/au moins 12 caractères/).first().waitFor();
    await g.getByLabel("Nouveau mot de passe").fill("une phrase de passe solide");
    await g.getByLabel("Le même, une seconde fois").fill("une phrase de passe solide");
    await g.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
    await g.getByRole("heading", { name: "Mot de passe enregistré" }).waitFor();
    await g.getByRole("link", { name: "Se connecter" }).click();
    await g.getByLabel("Adresse e-mail").fill("ines.invitee@medianum.test");
    await g.getByLabel("Mot de passe").fill("une phrase de passe solide");
    await g.getByRole("button", { name: "Se connecter" }).click();
    // At 320 px the menu is folded behind « Menu »: the page starts right under the header.
    const menu = g.getByRole("button", { name: "Menu", exact: true });
    await menu.waitFor();
    expect(await g.getByRole("link", { name: "Tableau de bord" }).isVisible()).toBe(false);
    await menu.click();
    await g.getByRole("link", { name: "Tableau de bord" }).click();
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    // The link is single-use.
    await g.goto(`${product.baseUrl}/pilotage/mot-de-passe?jeton=${token}`);
    await g.getByRole("heading", { name: "Ce lien n'est plus valable" }).waitFor();
    await guest.close();
  });

  it("the annual review prints without the menu and filters", async () => {
    const { context, page } = await staffPage("coordination@medianum.test", "coordinator");
    await page.goto(`${product.baseUrl}/pilotage/bilan`);
    await page.getByRole("heading", { name: /Bilan annuel/, level: 1 }).waitFor();
    await page.getByRole("heading", { name: "Autonomie des publics" }).waitFor();
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("nav").first().isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "Imprimer ou enregistrer en PDF" }).isVisible()).toBe(false);
    expect(await page.getByRole("heading", { name: "Accès à l'équipement" }).isVisible()).toBe(true);
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
    await context.close();
  });
});
