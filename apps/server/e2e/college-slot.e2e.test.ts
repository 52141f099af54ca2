import { describe, expect, it } from "vitest";
import { browser, product, startForThisFile } from "./lifecycle.js";
import { parisDayIn, submitLogin, waitForDeviceReady } from "./support.js";
import { expectNoAxeViolations } from "./axe.js";

// Published collège slots in Chromium, as the issue will be checked: coordination publishes a
// batch of dates, a collège books one on a phone-sized window, the counsellor sees the session
// in the offline agenda and reports it, and the collège's tracking page says "Réalisée".

startForThisFile();

const password = () => product.logins[0]!.password;
describe("published collège slots, end to end in Chromium", () => {
  it("publish in bulk → a collège books on a phone → the counsellor sees it offline → report → tracking says Réalisée", async () => {
    // ── Coordination publishes a week of mornings ─────────────────────────
    const publishedFrom = new Date();
    const staffCtx = await browser.newContext({ locale: "fr-FR" });
    const bo = await staffCtx.newPage();
    await bo.goto(`${product.baseUrl}/pilotage/creneaux-colleges`);
    await submitLogin(bo, "coordination@medianum.test", password());
    await bo.getByRole("heading", { level: 1, name: "Créneaux pour les collèges" }).waitFor();
    await expectNoAxeViolations(bo, "the slots page");
    await bo.getByLabel("Du", { exact: true }).fill(parisDayIn(20));
    await bo.getByLabel("Au", { exact: true }).fill(parisDayIn(26));
    const days = bo.getByRole("group", { name: "Jours" });
    for (const d of ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi"]) await days.getByLabel(d).check();
    await bo.getByLabel("Heures de début").fill("08:00");
    await bo.getByRole("group", { name: "Sujets proposés" }).getByLabel("Cyberharcèlement").check();
    await bo.getByRole("group", { name: "Sujets proposés" }).getByLabel("E-réputation").check();
    await bo.getByRole("group", { name: "Conseillers numériques" }).getByLabel("Julien Castaing").check();
    await bo.getByLabel("Classes accueillies par créneau").fill("2");
    await bo.getByRole("button", { name: "Publier les créneaux" }).click();
    // The demo calendar may hold something of Julien's then: the warning comes first, then confirm.
    const published = bo.getByText(/5 créneaux publiés/);
    const warning = bo.getByRole("button", { name: "Publier quand même" });
    await published.or(warning).first().waitFor();
    if (await warning.isVisible()) {
      await expectNoAxeViolations(bo, "the publication conflict warning");
      await warning.click();
    }
    await published.waitFor();
    await bo.getByRole("table", { name: /Créneaux publiés/ }).waitFor();
    await expectNoAxeViolations(bo, "the slots page with its slots");
    // This publication's slots (the demo data has published others).
    const slots = await product.db.prisma.collegeSlot.findMany({ where: { status: "open", createdAt: { gte: publishedFrom } }, orderBy: { startsAt: "asc" } });
    expect(slots).toHaveLength(5);

    // ── A collège books the first one on a phone-sized window ────────────
    const collegeCtx = await browser.newContext({ locale: "fr-FR", viewport: { width: 320, height: 720 } });
    const page = await collegeCtx.newPage();
    await page.goto(`${product.baseUrl}/colleges/demande`);
    await page.getByRole("link", { name: "Réservez un créneau" }).click();
    await page.getByRole("heading", { level: 1, name: "Réserver un créneau" }).waitFor();
    await page.getByLabel("Commune du collège").selectOption({ label: "Nérac (47600)" });
    await page.getByLabel("À partir du").fill(parisDayIn(20));
    const list = page.getByRole("list", { name: "Créneaux proposés" });
    await list.waitFor();
    await expectNoAxeViolations(page, "the portal's slots list");
    await list.getByRole("link", { name: /^Réserver/ }).first().click();
    await page.getByRole("heading", { level: 1, name: "Réserver ce créneau" }).waitFor();
    expect(await page.locator("main").textContent()).toContain("2 classes encore possibles sur 2");
    await page.getByLabel("Code UAI").waitFor();
    // Sent empty: the request form's messages, and no period asked (the slot is the date).
    await page.getByRole("button", { name: "Réserver le créneau" }).click();
    await page.locator(".mn-error-summary").waitFor();
    expect(await page.locator(".mn-error-summary").textContent()).not.toContain("Période");
    await expectNoAxeViolations(page, "the booking form with its errors");
    await page.getByLabel("Code UAI").fill("0470040N");
    await page.getByLabel("Nom du collège").fill("Collège Lucie-Aubrac");
    await page.getByLabel("Adresse", { exact: true }).fill("5 rue des Écoles");
    await page.getByLabel("Commune", { exact: true }).selectOption({ label: "Nérac (47600)" });
    await page.getByLabel("Votre nom").fill("Sami Durand");
    await page.getByLabel("Professeur(e)", { exact: true }).check();
    await page.getByLabel("Adresse e-mail").fill("sami.durand@exemple.fr");
    await page.getByLabel("Niveau").selectOption("5e");
    await page.getByLabel("Nom de la classe").fill("5e C");
    await page.getByLabel("Nombre d'élèves").fill("24");
    await page.getByLabel("Cyberharcèlement").check();
    await page.getByLabel(/J'accepte que le Département/).check();
    await page.getByRole("button", { name: "Réserver le créneau" }).click();
    await page.getByRole("heading", { level: 1, name: "Créneau réservé" }).waitFor();
    expect(await page.locator("main").textContent()).toContain("Programmée");
    await expectNoAxeViolations(page, "the booking acknowledgement");
    // Nothing sticks out sideways at 320 px.
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.getByRole("link", { name: "Suivre ma demande" }).click();
    await page.getByRole("heading", { level: 1, name: "Suivi de la demande — Collège Lucie-Aubrac" }).waitFor();
    expect(await page.locator("main").textContent()).toContain("Programmée");
    expect(await page.locator("main").textContent()).toContain("Julien Castaing");

    // The e-mails: the notice to the collège, the .ics to it and to the counsellor.
    const invitations = await product.db.prisma.outboxEmail.findMany({ where: { ics: { contains: "Lucie-Aubrac" } } });
    expect(invitations.map((m) => m.to).sort()).toEqual(["conseiller1@medianum.test", "sami.durand@exemple.fr"]);

    // ── The counsellor's phone: the session is in the offline agenda ─────
    const phoneCtx = await browser.newContext({ locale: "fr-FR", viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const pwa = await phoneCtx.newPage();
    await pwa.goto(`${product.baseUrl}/conseiller/colleges`);
    await submitLogin(pwa, "conseiller1@medianum.test", password());
    await pwa.getByRole("heading", { level: 1, name: "Mes séances en collège" }).waitFor();
    await waitForDeviceReady(pwa, ["agenda", "collegeSessions"]);
    await phoneCtx.setOffline(true);
    await pwa.reload();
    await pwa.getByRole("heading", { level: 1, name: "Mes séances en collège" }).waitFor();
    await pwa.getByRole("link", { name: /Collège Lucie-Aubrac/ }).waitFor();
    await phoneCtx.setOffline(false);

    // ── Time passes: the session took place this morning; the counsellor reports it ──
    const session = await product.db.prisma.collegeSession.findFirstOrThrow({ where: { request: { establishmentName: "Collège Lucie-Aubrac" } } });
    expect(session.slotId).toBe(slots[0]!.id);
    await product.db.prisma.collegeSession.update({ where: { id: session.id }, data: { startsAt: new Date(Date.now() - 2 * 3_600_000) } });
    await pwa.reload();
    await pwa.getByRole("heading", { name: /Compte rendu à remplir/ }).waitFor();
    await pwa.getByRole("link", { name: /Collège Lucie-Aubrac/ }).click();
    await pwa.getByRole("heading", { level: 1, name: "Séance au Collège Lucie-Aubrac" }).waitFor();
    await pwa.getByLabel("5e C (24 inscrits)").fill("23");
    await pwa.getByLabel("Cyberharcèlement").check();
    await pwa.getByRole("button", { name: "Envoyer le compte rendu" }).click();
    await pwa.getByText(/Compte rendu envoyé le/).waitFor();

    // ── The tracking page says done; the figures show the slot's fill ────
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Suivi de la demande — Collège Lucie-Aubrac" }).waitFor();
    expect(await page.locator("main").textContent()).toContain("Réalisée");

    await bo.goto(`${product.baseUrl}/pilotage/chiffres-colleges`);
    await bo.getByRole("table", { name: "Remplissage par mois" }).waitFor();
    await bo.getByRole("heading", { name: "Collèges sans réservation ni demande sur la période" }).waitFor();
    await expectNoAxeViolations(bo, "the figures page with the slots' fill");
    await collegeCtx.close();
    await staffCtx.close();
    await phoneCtx.close();
  }, 240_000);
});
