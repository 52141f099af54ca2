import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browser, product, startForThisFile } from "./lifecycle.js";
import { parisDayIn, submitLogin } from "./support.js";
import { expectNoAxeViolations } from "./axe.js";

// A collège's request from the portal to the counsellor's report, in Chromium, as the issue's
// newcomer would check it: file, follow by the link, schedule in the back-office, see it in the
// PWA, report, and read "Réalisée" on the tracking page. Axe checks each page of the pipeline.

startForThisFile();

const password = () => product.logins[0]!.password;

/** Id of the focused element (the server's tsconfig has no DOM types; this runs in the page). */
function activeId(page: Page): Promise<string | undefined> {
  return page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id?: string } | null } }).document.activeElement?.id);
}

describe("collège awareness sessions, end to end in Chromium", () => {
  it("request on the portal → tracking link → scheduling → counsellor's report → tracking page says done", async () => {
    // ── The collège files its request (320 px wide) ───────────────────────
    const collegeCtx = await browser.newContext({ locale: "fr-FR", viewport: { width: 320, height: 720 } });
    const page = await collegeCtx.newPage();
    await page.goto(`${product.baseUrl}/`);
    await page.getByRole("link", { name: "Demander une séance de sensibilisation" }).click();
    await page.getByRole("heading", { level: 1, name: "Demander une séance de sensibilisation" }).waitFor();
    await page.getByLabel("Code UAI").waitFor();
    await expectNoAxeViolations(page, "the request form");
    // The collège space has its own header, navigation and footer, not the parents' ones.
    await page.getByRole("navigation", { name: "Espace collèges" }).getByRole("link", { name: "Suivre une demande" }).waitFor();
    expect(await page.getByRole("banner").textContent()).toContain("Séances en collège");
    expect(await page.getByRole("banner").textContent()).not.toContain("e-parentalité");
    expect(await page.getByRole("contentinfo").textContent()).toContain("page de suivi");

    // Sent empty: every message names its field and says what to do; the summary takes the focus.
    await page.getByRole("button", { name: "Envoyer la demande" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Le formulaire contient des erreurs" });
    await summary.waitFor();
    const items = (await summary.getByRole("listitem").allTextContents()).map((t) => t.trim());
    expect(items).toEqual(
      expect.arrayContaining([
        "Code UAI : indiquez le code de l'établissement (7 chiffres et une lettre, par exemple 0470040N).",
        "Commune : choisissez la commune du collège dans la liste.",
        "Votre fonction : cochez celle qui vous correspond.",
        "Classe 1 — Niveau : choisissez le niveau de la classe dans la liste (6e, 5e, 4e ou 3e).",
        "Période 1 — Du : indiquez une date, ce champ est obligatoire.",
        "Période 1 — Au : indiquez une date, ce champ est obligatoire.",
      ]),
    );
    for (const item of items) expect(item, "each error names its field").toMatch(/^(Classe \d+ — |Période \d+ — )?[^:]+ : /);
    expect(items.join("\n")).not.toMatch(/Choisissez une valeur dans la liste|Code INSEE|AAAA-MM-JJ/);
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { className?: string } | null } }).document.activeElement?.className)).toContain(
      "mn-error-summary",
    );
    // The message is read with its field.
    const communeError = await page.getByLabel("Commune").getAttribute("aria-describedby");
    expect(communeError).toContain("communeInsee-error");
    expect(await page.locator("#communeInsee-error").textContent()).toContain("Commune : choisissez la commune du collège dans la liste.");
    await expectNoAxeViolations(page, "the empty request form with its errors");

    await page.getByLabel("Code UAI").fill("0470041N"); // wrong check letter
    await page.getByLabel("Nom du collège").fill("Collège Armand-Fallières");
    await page.getByLabel("Adresse", { exact: true }).fill("3 avenue de la Gare");
    await page.getByLabel("Commune").selectOption({ label: "Nérac (47600)" });
    await page.getByLabel("Votre nom").fill("Hélène Roux");
    await page.getByLabel("CPE", { exact: true }).check();
    await page.getByLabel("Adresse e-mail").fill("cpe.fallieres@exemple.fr");
    await page.getByLabel("Niveau").selectOption("4e");
    await page.getByLabel("Nom de la classe").fill("4e B");
    await page.getByLabel("Nombre d'élèves").fill("27");
    await page.getByLabel("Cyberharcèlement").check();
    await page.getByLabel("Du", { exact: true }).fill(parisDayIn(10));
    await page.getByLabel("Au", { exact: true }).fill(parisDayIn(30));
    await page.getByLabel(/J'accepte que le Département/).check();
    await page.getByRole("button", { name: "Envoyer la demande" }).click();
    // The error is next to the field and in the summary; nothing typed is lost.
    await page.getByText("Code UAI : la lettre finale ne correspond pas aux chiffres").first().waitFor();
    expect(await page.getByLabel("Nom du collège").inputValue()).toBe("Collège Armand-Fallières");
    expect(await page.getByLabel("Nombre d'élèves").inputValue()).toBe("27");
    await expectNoAxeViolations(page, "the request form with errors");
    await page.getByLabel("Code UAI").fill("0470040N");
    await page.getByRole("button", { name: "Envoyer la demande" }).click();
    await page.getByRole("heading", { level: 1, name: "Demande envoyée" }).waitFor();
    expect(await page.locator("main").textContent()).toContain("cpe.fallieres@exemple.fr");
    await expectNoAxeViolations(page, "the acknowledgement");

    // The acknowledgement e-mail is queued; its private link is created when it is sent, never stored.
    const ack = await product.db.prisma.outboxEmail.findFirstOrThrow({ where: { to: "cpe.fallieres@exemple.fr" } });
    expect(ack.subject).toBe("Demande de séance reçue — Collège Armand-Fallières");
    expect(ack.linkKind).toBe("college_tracking");
    await page.getByRole("link", { name: "Suivre ma demande" }).click();
    await page.getByRole("heading", { level: 1, name: "Suivi de la demande — Collège Armand-Fallières" }).waitFor();
    const token = /^\/colleges\/suivi\/([A-Za-z0-9_-]{43})$/.exec(new URL(page.url()).pathname)![1]!;
    expect(ack.text).not.toContain(token);
    expect(await page.locator("main").textContent()).toContain("Reçue");
    await page.getByLabel("Écrire à l'équipe de coordination").fill("Le CDI est disponible le mardi.");
    await page.getByRole("button", { name: "Envoyer le message" }).click();
    await page.getByText("Message envoyé à l'équipe de coordination.").waitFor();
    await expectNoAxeViolations(page, "the tracking page");

    // ── The coordinator schedules it in the back-office ───────────────────
    const staffCtx = await browser.newContext({ locale: "fr-FR" });
    const bo = await staffCtx.newPage();
    await bo.goto(`${product.baseUrl}/pilotage/demandes`);
    await submitLogin(bo, "coordination@medianum.test", password());
    await bo.getByRole("heading", { level: 1, name: "Demandes des collèges" }).waitFor();
    await bo.getByRole("link", { name: "Collège Armand-Fallières" }).waitFor();
    await expectNoAxeViolations(bo, "the back-office inbox");
    await bo.getByLabel("Statut", { exact: true }).selectOption("received");
    await bo.getByRole("link", { name: "Collège Armand-Fallières" }).click();
    await bo.getByRole("heading", { level: 1, name: "Collège Armand-Fallières" }).waitFor();
    await bo.getByText("Le CDI est disponible le mardi.").waitFor();
    await expectNoAxeViolations(bo, "the back-office request page");

    const day = parisDayIn(12);
    await bo.getByLabel("Date", { exact: true }).fill(day);
    await bo.getByLabel("Heure de début").fill("10:00");
    await bo.getByLabel(/^Salle/).fill("CDI");
    await bo.getByRole("group", { name: "Conseillers numériques" }).getByLabel("Julien Castaing").check();
    // A workshop of Julien at that time gives a warning first (made here so the test does not depend on the demo calendar).
    const julien = await product.db.prisma.counsellor.findFirstOrThrow({ where: { user: { email: "conseiller1@medianum.test" } } });
    const place = await product.db.prisma.place.findFirstOrThrow();
    const workshop = await product.db.prisma.workshop.findFirstOrThrow();
    const [y, m, d] = day.split("-").map(Number) as [number, number, number];
    const at = new Date(Date.UTC(y, m - 1, d, 8, 30)); // 09:30 or 10:30 in Paris: overlaps 10:00–10:55
    await product.db.prisma.workshopSession.create({
      data: { workshopId: workshop.id, startsAt: at, durationMinutes: 90, placeId: place.id, capacity: 10, counsellors: { create: [{ counsellorId: julien.id }] } },
    });
    await bo.getByRole("button", { name: "Programmer la séance" }).click();
    await bo.getByText("Attention : conseiller déjà occupé à ce moment-là").waitFor();
    expect(await bo.locator("#conflicts").textContent()).toContain("Julien Castaing");
    await expectNoAxeViolations(bo, "the scheduling conflict warning");
    await bo.getByRole("button", { name: "Programmer quand même" }).click();
    await bo.getByText("Séance programmée : le collège est prévenu par e-mail.").waitFor();
    await bo.getByText("Programmée").first().waitFor();
    const scheduledMail = await product.db.prisma.outboxEmail.findFirstOrThrow({
      where: { to: "cpe.fallieres@exemple.fr", subject: { startsWith: "Séance de sensibilisation programmée" } },
    });
    expect(scheduledMail.text).toContain("Statut de votre demande : Programmée.");

    await bo.getByRole("link", { name: "Chiffres des collèges" }).click();
    await bo.getByRole("heading", { level: 1, name: "Chiffres des séances en collège" }).waitFor();
    await bo.getByRole("table", { name: "Par mois", exact: true }).waitFor();
    await expectNoAxeViolations(bo, "the figures page");

    // The collège's page now shows the date, place and counsellor.
    await page.reload();
    await page.getByRole("heading", { name: "La séance" }).waitFor();
    const scheduledText = await page.locator("main").textContent();
    expect(scheduledText).toContain("Programmée");
    expect(scheduledText).toContain("CDI, 3 avenue de la Gare, Nérac");
    expect(scheduledText).toContain("Julien Castaing");

    // ── Time passes: the session took place this morning ──────────────────
    const session = await product.db.prisma.collegeSession.findFirstOrThrow({ where: { request: { establishmentName: "Collège Armand-Fallières" } } });
    await product.db.prisma.collegeSession.update({ where: { id: session.id }, data: { startsAt: new Date(Date.now() - 2 * 3_600_000) } });

    // ── The counsellor reports it from the PWA (phone) ────────────────────
    const phoneCtx = await browser.newContext({ locale: "fr-FR", viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const pwa = await phoneCtx.newPage();
    await pwa.goto(`${product.baseUrl}/conseiller/colleges`);
    await submitLogin(pwa, "conseiller1@medianum.test", password());
    await pwa.getByRole("heading", { level: 1, name: "Mes séances en collège" }).waitFor();
    await pwa.getByRole("heading", { name: /Compte rendu à remplir/ }).waitFor();
    await pwa.getByRole("link", { name: /Collège Armand-Fallières/ }).click();
    await pwa.getByRole("heading", { level: 1, name: "Séance au Collège Armand-Fallières" }).waitFor();
    const detail = await pwa.locator("main").textContent();
    expect(detail).toContain("3 avenue de la Gare");
    expect(detail).toContain("Hélène Roux");
    expect(detail).toContain("cpe.fallieres@exemple.fr");
    await pwa.getByLabel("4e B (27 inscrits)").fill("25");
    await pwa.getByLabel("E-réputation").check();
    await pwa.getByRole("button", { name: "Envoyer le compte rendu" }).click();
    await pwa.getByText(/Compte rendu envoyé le/).waitFor();
    const record = await product.db.prisma.activityRecord.findUniqueOrThrow({ where: { collegeSessionId: session.id } });
    expect(record).toMatchObject({ type: "Collectif", participantsCount: 25, counsellorId: julien.id });

    // ── The collège's tracking page says done ─────────────────────────────
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Suivi de la demande — Collège Armand-Fallières" }).waitFor();
    expect(await page.locator("main").textContent()).toContain("Réalisée");
    expect(await page.locator("main").textContent()).toContain("Les séances ont eu lieu.");
    await collegeCtx.close();
    await staffCtx.close();
    await phoneCtx.close();
  });

  it("the request form can be filled and sent with the keyboard only", async () => {
    const ctx = await browser.newContext({ locale: "fr-FR" });
    const page = await ctx.newPage();
    await page.goto(`${product.baseUrl}/colleges/demande`);
    await page.getByLabel("Code UAI").waitFor();

    /** Presses Tab until the element with this id has the focus. */
    async function tabTo(id: string) {
      for (let i = 0; i < 80; i++) {
        if ((await activeId(page)) === id) return;
        await page.keyboard.press("Tab");
      }
      throw new Error(`#${id} never got the focus with Tab`);
    }
    const kb = page.keyboard;
    await tabTo("uai");
    await kb.type("0470040N");
    await tabTo("establishmentName");
    await kb.type("Collège Clavier");
    await tabTo("address");
    await kb.type("1 rue des Touches");
    await tabTo("communeInsee");
    await kb.type("Agen");
    await tabTo("requesterName");
    await kb.type("Paul Tab");
    await tabTo("requesterRole-principal");
    await kb.press("ArrowDown"); // → CPE
    await tabTo("email");
    await kb.type("paul.tab@exemple.fr");
    await tabTo("classes.0.level");
    await kb.type("5");
    await tabTo("classes.0.pupils");
    await kb.type("24");
    await tabTo("add-class");
    await kb.press("Enter"); // a second class; the focus moves to its level
    await expect.poll(() => activeId(page)).toBe("classes.1.level");
    await kb.type("3");
    await tabTo("classes.1.pupils");
    await kb.type("26");
    await tabTo("topics-social_network_economics");
    await kb.press("Space");
    await tabTo("periods.0.from");
    // Day and month alike, so that the keystrokes mean the same in a dd/mm or mm/dd date field.
    await kb.type("03032027");
    await tabTo("consent");
    await kb.press("Space");
    await tabTo("send-request");
    await kb.press("Enter");
    const sent = page.getByRole("heading", { level: 1, name: "Demande envoyée" });
    await sent.or(page.locator(".mn-error-summary")).first().waitFor();
    const summary = page.locator(".mn-error-summary");
    expect((await summary.count()) ? await summary.textContent() : "no error").toBe("no error");
    await sent.waitFor();
    const stored = await product.db.prisma.collegeRequest.findFirstOrThrow({
      where: { establishmentName: "Collège Clavier" },
      include: { classes: { orderBy: { level: "asc" } }, commune: true },
    });
    expect(stored).toMatchObject({ requesterRole: "cpe", email: "paul.tab@exemple.fr", topics: ["social_network_economics"], address: "1 rue des Touches" });
    expect(stored.commune.name).toBe("Agen");
    expect(stored.classes.map((c) => [c.level, c.pupils])).toEqual([
      ["3e", 26],
      ["5e", 24],
    ]);
    // The end of the period took the start once the start field was left.
    expect(stored.periods).toEqual([{ from: "2027-03-03", to: "2027-03-03" }]);
    await ctx.close();
  }, 120_000);
});
