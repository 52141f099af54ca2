import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { followMenuLink, waitForDeviceReady } from "./support.js";
import { browser, product, startForThisFile } from "./lifecycle.js";
import { axeViolations } from "./axe.js";

// What the counsellor typed offline and the server refused comes back filled in, to be corrected
// and sent again: a collège report (the coordination added a class meanwhile) and a Pass numérique
// prescription (a cheque was moved to a colleague meanwhile).

startForThisFile();


async function phoneLoggedIn(email: string, stores: string[]): Promise<Page> {
  const context = await browser.newContext({ locale: "fr-FR", viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${product.baseUrl}/conseiller/`);
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(product.logins[0]!.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.getByRole("heading", { name: "Mon agenda" }).waitFor();
  await waitForDeviceReady(page, stores);
  return page;
}

describe("offline entries refused by the server, corrected on the phone", () => {
  it("a check-in days before the session is refused on the phone at once, with its reason: nothing marked, nothing to send", async () => {
    const { prisma } = product.db;
    const email = "conseiller6@medianum.test";
    const counsellor = await prisma.counsellor.findFirstOrThrow({ where: { user: { email } } });
    const place = await prisma.place.findFirstOrThrow({ where: { type: "mediatheque" } });
    const workshop = await prisma.workshop.create({ data: { title: "Réseaux sociaux en famille (test trop tôt)", theme: "other", audience: "all", description: "Test." } });
    const session = await prisma.workshopSession.create({
      data: { workshopId: workshop.id, startsAt: new Date(Date.now() + 3 * 86_400_000), durationMinutes: 90, placeId: place.id, capacity: 10, counsellors: { create: [{ counsellorId: counsellor.id }] } },
    });
    const registration = await prisma.registration.create({
      data: { sessionId: session.id, status: "confirmed", seats: 1, firstName: "Rémi", lastName: "Trop-Tôt", consentAt: new Date(), manageTokenHash: randomUUID() },
    });

    const page = await phoneLoggedIn(email, ["agenda", "sheets"]);
    // The agenda says when check-in opens instead of offering a link that cannot work yet.
    const card = page.getByRole("listitem").filter({ hasText: "Réseaux sociaux en famille (test trop tôt)" });
    await card.getByText(/^Pointage possible à partir du /).waitFor();
    expect(await card.getByRole("link", { name: /Pointer les présences/ }).count()).toBe(0);

    // Opened anyway (a bookmark): the sheet says it is not open yet, and a tap is refused at once.
    await page.goto(`${product.baseUrl}/conseiller/seances/${session.id}/presences`);
    await page.getByRole("button", { name: "Présent : Rémi Trop-Tôt" }).click();
    await page.getByRole("alert").filter({ hasText: "Rémi Trop-Tôt : Le pointage ouvre 2 heures avant le début de la séance." }).waitFor();
    expect(await page.getByRole("heading", { name: /Rémi Trop-Tôt/ }).textContent()).toContain("Confirmée");
    await page.getByText("Tout est envoyé").waitFor();
    expect(await page.getByRole("link", { name: /en attente|à corriger/ }).count()).toBe(0);
    expect(await prisma.registration.findUniqueOrThrow({ where: { id: registration.id } })).toMatchObject({ status: "confirmed", checkedInAt: null });
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("a collège report is kept on the device, sent when the network returns, refilled for correction when refused, and filed exactly once", async () => {
    const { prisma } = product.db;
    const email = "conseiller2@medianum.test";
    const counsellor = await prisma.counsellor.findFirstOrThrow({ where: { user: { email } } });
    const commune = await prisma.commune.findFirstOrThrow({ where: { name: "Agen" } });
    // A collège request scheduled by the coordination: one session, begun two hours ago, for 5e A.
    const request = await prisma.collegeRequest.create({
      data: {
        uai: "0470001A",
        establishmentName: "Collège Sans-Réseau",
        address: "1 place du Marché",
        communeInsee: commune.inseeCode,
        requesterName: "Claire Dupuy",
        requesterRole: "cpe",
        email: "cpe.sans-reseau@example.org",
        topics: ["cyberbullying", "e_reputation"],
        periods: [],
        status: "scheduled",
        trackingTokenHash: randomUUID(),
        consentAt: new Date(),
        classes: { create: [{ level: "5e", name: "5e A", pupils: 26 }, { level: "5e", name: "5e B", pupils: 24 }] },
      },
      include: { classes: true },
    });
    const [classA, classB] = [request.classes.find((c) => c.name === "5e A")!, request.classes.find((c) => c.name === "5e B")!];
    const session = await prisma.collegeSession.create({
      data: {
        requestId: request.id,
        startsAt: new Date(Date.now() - 2 * 3_600_000),
        durationMinutes: 110,
        room: "CDI",
        classes: { create: [{ classId: classA.id }] },
        counsellors: { create: [{ counsellorId: counsellor.id }] },
      },
    });

    const page = await phoneLoggedIn(email, ["collegeSessions"]);
    const context = page.context();

    // In the collège, no network: the app and the session open from the device.
    await context.setOffline(true);
    await page.reload();
    await page.getByText("Hors connexion").waitFor();
    await followMenuLink(page, "Séances en collège");
    await page.getByRole("heading", { name: "Compte rendu à remplir (1)" }).waitFor();
    await page.getByRole("link", { name: /Collège Sans-Réseau/ }).click();
    await page.getByRole("heading", { level: 1, name: "Séance au Collège Sans-Réseau" }).waitFor();
    await page.getByText("1 place du Marché, Agen").waitFor();
    await page.getByLabel("5e A (26 inscrits)").fill("23");
    await page.getByLabel("Remarques").fill("Beaucoup de questions sur les captures d'écran.");
    await page.getByRole("button", { name: "Envoyer le compte rendu" }).click();
    await page.getByText("Compte rendu enregistré sur cet appareil, en attente d'envoi.").waitFor();
    await page.getByRole("link", { name: "1 en attente" }).waitFor();
    expect(await prisma.activityRecord.count({ where: { collegeSessionId: session.id } })).toBe(0);

    // Meanwhile the coordination adds 5e B to the session: the report typed offline no longer covers every class.
    await prisma.collegeSessionClass.create({ data: { sessionId: session.id, classId: classB.id } });

    // Back online: the server refuses it; the page offers it again, filled in, with the new class to fill.
    await context.setOffline(false);
    await page.getByRole("link", { name: "1 à corriger" }).waitFor({ timeout: 30_000 });
    await page.getByRole("heading", { name: "Compte rendu à corriger" }).waitFor();
    await page.getByText("Le serveur a refusé ce compte rendu.").waitFor();
    await page.getByLabel("5e B (24 inscrits)").waitFor();
    expect(await page.getByLabel("5e A (26 inscrits)").inputValue()).toBe("23");
    expect(await page.getByLabel("5e B (24 inscrits)").inputValue()).toBe("");
    expect(await page.getByLabel("Remarques").inputValue()).toBe("Beaucoup de questions sur les captures d'écran.");
    expect(await axeViolations(page)).toEqual([]);
    expect(await prisma.activityRecord.count({ where: { collegeSessionId: session.id } })).toBe(0);

    await page.getByLabel("5e B (24 inscrits)").fill("21");
    await page.getByRole("button", { name: "Envoyer le compte rendu corrigé" }).click();
    await page.getByText(/Compte rendu envoyé le/).waitFor({ timeout: 30_000 });
    await page.getByText("Tout est envoyé").waitFor();

    const record = await prisma.activityRecord.findUniqueOrThrow({ where: { collegeSessionId: session.id } });
    expect(record).toMatchObject({ type: "Collectif", counsellorId: counsellor.id, participantsCount: 44, durationMinutes: 110 });
    const filed = await prisma.collegeSession.findUniqueOrThrow({ where: { id: session.id }, include: { classes: true } });
    expect(filed.status).toBe("done");
    expect(filed.classes.map((c) => [c.classId, c.pupilsPresent]).sort()).toEqual(
      [
        [classA.id, 23],
        [classB.id, 21],
      ].sort(),
    );
    expect(filed.remarks).toBe("Beaucoup de questions sur les captures d'écran.");
    // The list says so too, and the request is done with its only session.
    await page.getByRole("link", { name: "← Mes séances en collège" }).click();
    await page.getByRole("heading", { name: "Comptes rendus (1)" }).waitFor();
    await page.getByText("Compte rendu envoyé", { exact: true }).waitFor();
    expect((await prisma.collegeRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("done");
    await context.close();
  });

  it("a Pass numérique prescription refused for a cheque moved meanwhile is corrected from « Envois » with other cheques", async () => {
    const { prisma } = product.db;
    const email = "conseiller3@medianum.test";
    const me = await prisma.counsellor.findFirstOrThrow({ where: { user: { email } } });
    const colleague = await prisma.counsellor.findFirstOrThrow({ where: { user: { email: "conseiller4@medianum.test" } } });
    const page = await phoneLoggedIn(email, ["cheques"]);
    const context = page.context();
    const stock = await prisma.passCheque.findMany({ where: { counsellorId: me.id, status: "in_stock" }, orderBy: { number: "asc" }, take: 3 });
    const [moved, kept, other] = stock.map((c) => c.number) as [string, string, string];

    await context.setOffline(true);
    await followMenuLink(page, "Pass numérique");
    await page.getByRole("heading", { name: "Prescrire des chèques" }).waitFor();
    await page.getByRole("checkbox", { name: moved }).check();
    await page.getByRole("checkbox", { name: kept }).check();
    await page.getByLabel("Besoin de la personne").fill("Apprendre à faire une visio avec ses petits-enfants.");
    await page.getByRole("button", { name: "Prescrire" }).click();
    await page.getByText("2 chèques prescrits sur cet appareil").waitFor();
    await page.getByRole("link", { name: "1 en attente" }).waitFor();

    // Meanwhile the coordination moves the first cheque to a colleague's stock.
    await prisma.passCheque.update({ where: { number: moved }, data: { counsellorId: colleague.id } });
    await context.setOffline(false);
    await page.getByRole("link", { name: "1 à corriger" }).click();
    await page.getByRole("heading", { name: "Envois" }).waitFor();
    expect(await page.getByText("Tout est envoyé").count()).toBe(0);
    await page.getByText(`Le chèque ${moved} n'est pas dans votre stock.`).first().waitFor();
    await page.getByRole("link", { name: "Corriger : Pass numérique : 2 chèques" }).click();

    await page.getByRole("heading", { name: /Corriger la prescription du/ }).waitFor();
    expect(await page.getByRole("checkbox", { name: moved }).isChecked()).toBe(true);
    expect(await page.getByRole("checkbox", { name: kept }).isChecked()).toBe(true);
    expect(await page.getByLabel("Besoin de la personne").inputValue()).toBe("Apprendre à faire une visio avec ses petits-enfants.");
    expect(await prisma.passPrescription.count({ where: { counsellorId: me.id, need: { startsWith: "Apprendre à faire une visio" } } })).toBe(0);

    await page.getByRole("checkbox", { name: moved }).uncheck();
    await page.getByRole("checkbox", { name: other }).check();
    await page.getByRole("button", { name: "Envoyer la prescription corrigée" }).click();
    await page.getByText("Tout est envoyé").waitFor({ timeout: 30_000 });

    const saved = await prisma.passPrescription.findFirstOrThrow({ where: { counsellorId: me.id, need: "Apprendre à faire une visio avec ses petits-enfants." }, include: { cheques: true } });
    expect(saved.cheques.map((c) => c.number).sort()).toEqual([kept, other].sort());
    expect(await prisma.passPrescription.count({ where: { need: saved.need } })).toBe(1);
    expect(await prisma.passCheque.findUniqueOrThrow({ where: { number: moved } })).toMatchObject({ counsellorId: colleague.id, status: "in_stock", prescriptionId: null });
    await expect.poll(() => page.getByText("À corriger").count()).toBe(0);
    await context.close();
  });

  it("an edit made offline to a record changed meanwhile on another device is shown side by side, and « Garder ma version » wins knowingly", async () => {
    const { prisma } = product.db;
    const email = "conseiller5@medianum.test";
    const me = await prisma.counsellor.findFirstOrThrow({ where: { user: { email } } });
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());
    const record = await prisma.activityRecord.create({
      data: {
        id: randomUUID(),
        counsellorId: me.id,
        type: "Individuel",
        date: new Date(`${today}T00:00:00Z`),
        durationMinutes: 45,
        locationType: "Domicile",
        themes: ["Sante"],
        notes: "Prise de rendez-vous en ligne.",
        gender: "NonCommunique",
        ageBracket: "NonCommunique",
        socialStatus: "NonCommunique",
      },
    });
    const phonePage = await phoneLoggedIn(email, ["records"]);
    const phoneCtx = phonePage.context();

    // On the phone, offline: the duration becomes 1 h.
    await phoneCtx.setOffline(true);
    await phonePage.goto(`${product.baseUrl}/conseiller/accompagnements/${record.id}/modifier`);
    await phonePage.getByRole("heading", { name: "Modifier un accompagnement" }).waitFor();
    await phonePage.getByRole("radio", { name: "1 h", exact: true }).check();
    await phonePage.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await phonePage.getByText("Accompagnement modifié sur cet appareil").waitFor();

    // Meanwhile, on the office computer (online), the notes change: the server's version moves to 2.
    const office = await phoneLoggedIn(email, ["records"]);
    await office.goto(`${product.baseUrl}/conseiller/accompagnements/${record.id}/modifier`);
    await office.getByLabel("Notes").fill("Prise de rendez-vous en ligne, puis Ameli.");
    await office.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await office.getByText("Accompagnement modifié", { exact: true }).waitFor();
    await expect.poll(async () => (await prisma.activityRecord.findUniqueOrThrow({ where: { id: record.id } })).version, { timeout: 30_000 }).toBe(2);
    await office.context().close();

    // The phone comes back: its edit is not applied over the other one; both versions are shown.
    await phoneCtx.setOffline(false);
    await phonePage.getByRole("link", { name: "1 à corriger" }).click();
    await phonePage.getByRole("heading", { name: "Envois" }).waitFor();
    await phonePage.getByText("Modifié ailleurs", { exact: true }).waitFor();
    await phonePage.getByText("Cet enregistrement a été modifié ailleurs pendant que vous étiez hors connexion.").waitFor();
    const duration = phonePage.getByRole("row").filter({ has: phonePage.getByRole("rowheader", { name: "Durée" }) });
    expect((await duration.getByRole("cell").allTextContents()).map((t) => t.trim())).toEqual(["1 h", "45 min"]);
    const notes = phonePage.getByRole("row").filter({ has: phonePage.getByRole("rowheader", { name: "Notes" }) });
    expect((await notes.getByRole("cell").allTextContents()).map((t) => t.trim())).toEqual(["Prise de rendez-vous en ligne.", "Prise de rendez-vous en ligne, puis Ameli."]);
    expect(await prisma.activityRecord.findUniqueOrThrow({ where: { id: record.id } })).toMatchObject({ version: 2, durationMinutes: 45 });

    await phonePage.getByRole("button", { name: "Garder ma version" }).click();
    await phonePage.getByText("Rien n'attend sur cet appareil.").waitFor({ timeout: 30_000 });
    expect(await prisma.activityRecord.findUniqueOrThrow({ where: { id: record.id } })).toMatchObject({ version: 3, durationMinutes: 60, notes: "Prise de rendez-vous en ligne." });
    expect(await prisma.activityRecord.count({ where: { counsellorId: me.id, notes: { startsWith: "Prise de rendez-vous en ligne" } } })).toBe(1);
    await phoneCtx.close();
  });
});
