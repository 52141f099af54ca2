import { randomUUID } from "node:crypto";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { followMenuLink, waitForDeviceReady } from "./support.js";
import { browser, product, startForThisFile } from "./lifecycle.js";

startForThisFile();

const NOTES = ["Hors ligne 1 : ordonnance en ligne", "Hors ligne 2 : compte Ameli", "Hors ligne 3 : photos du téléphone"];

async function recordOffline(page: Page, i: number) {
  await page.getByRole("link", { name: "Nouvel accompagnement" }).click();
  await page.getByRole("heading", { name: "Nouvel accompagnement" }).waitFor();
  await page.getByRole("radio", { name: "À domicile" }).check();
  await page.getByRole("radio", { name: ["30 min", "45 min", "1 h"][i]!, exact: true }).check();
  await page.getByRole("checkbox", { name: "Santé" }).check();
  await page.getByLabel("Notes").fill(NOTES[i]!);
  await page.getByRole("button", { name: "Enregistrer l'accompagnement" }).click();
  await page.getByText("Accompagnement enregistré sur cet appareil").waitFor();
}

describe("the counsellor app offline, in Chromium", () => {
  it("records three accompaniments and one check-in without network, then each arrives exactly once, even when the tab closes mid-sync", async () => {
    const { prisma } = product.db;
    const login = product.logins.find((l) => l.role === "counsellor")!;
    const user = await prisma.user.findUniqueOrThrow({ where: { email: login.email }, include: { counsellor: true } });
    const counsellorId = user.counsellor!.id;

    // A workshop session of this counsellor starting in 40 minutes (check-in is open), with one booking.
    const place = await prisma.place.findFirstOrThrow({ where: { type: "mediatheque" } });
    const workshop = await prisma.workshop.create({ data: { title: "Tablette pas à pas (test hors ligne)", theme: "other", audience: "all", description: "Test." } });
    const session = await prisma.workshopSession.create({
      data: { workshopId: workshop.id, startsAt: new Date(Date.now() + 40 * 60_000), durationMinutes: 90, placeId: place.id, capacity: 10, counsellors: { create: [{ counsellorId }] } },
    });
    const registration = await prisma.registration.create({
      data: { sessionId: session.id, status: "confirmed", seats: 1, firstName: "Aïcha", lastName: "Hors-Ligne", consentAt: new Date(), manageTokenHash: randomUUID() },
    });
    const before = await prisma.activityRecord.count({ where: { counsellorId } });

    const context: BrowserContext = await browser.newContext({ locale: "fr-FR", viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    let page = await context.newPage();
    await page.goto(`${product.baseUrl}/conseiller/`);
    await page.getByLabel("Adresse e-mail").fill(login.email);
    await page.getByLabel("Mot de passe").fill(login.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("heading", { name: "Mon agenda" }).waitFor();
    // The service worker controls the app and the device holds the agenda and the attendance sheets.
    await waitForDeviceReady(page, ["agenda", "sheets"]);

    // Network cut, app reloaded: it opens from the service worker and the device.
    await context.setOffline(true);
    await page.reload();
    await page.getByRole("heading", { name: "Mon agenda" }).waitFor();
    await page.getByText("Hors connexion").waitFor();

    for (let i = 0; i < 3; i++) await recordOffline(page, i);
    await page.getByRole("link", { name: "Mon agenda" }).click();
    await page.getByRole("heading", { name: "Mon agenda" }).waitFor();
    await page.getByRole("link", { name: /Pointer les présences : Tablette pas à pas/ }).click();
    await page.getByRole("heading", { name: "Pointage des présences" }).waitFor();
    await page.getByRole("button", { name: "Présent : Aïcha Hors-Ligne" }).click();
    await page.getByText("Aïcha Hors-Ligne : présent(e) (enregistré sur cet appareil)").waitFor();
    await page.getByRole("link", { name: "4 en attente" }).waitFor();
    expect(await prisma.activityRecord.count({ where: { counsellorId } })).toBe(before);

    // Reconnected: the first send reaches the server, which applies it, but the tab closes before the answer comes back.
    let sent = 0;
    let applied!: () => void;
    const serverApplied = new Promise<void>((r) => (applied = r));
    const traffic: { url: string; body: string; contentType: string }[] = [];
    await context.route("**/api/trpc/sync.push**", async (route) => {
      sent += 1;
      const req = route.request();
      traffic.push({ url: req.url(), body: req.postData() ?? "", contentType: (await req.allHeaders())["content-type"] ?? "application/json" });
      await route.fetch();
      applied();
      // Never answered: the page is closed meanwhile.
    });
    await context.setOffline(false);
    await serverApplied;
    await page.close();
    await context.unroute("**/api/trpc/sync.push**");
    expect(sent).toBe(1);
    // Three accompaniments, and the session's collective record fed by the check-in.
    expect(await prisma.activityRecord.count({ where: { counsellorId } })).toBe(before + 4);

    // Reopened: what was left "being sent" is sent again; the server's receipts answer "already done".
    page = await context.newPage();
    await page.goto(`${product.baseUrl}/conseiller/`);
    await page.getByText("Tout est envoyé").waitFor({ timeout: 30_000 });

    expect(await prisma.activityRecord.count({ where: { counsellorId } })).toBe(before + 4);
    expect(await prisma.activityRecord.findUniqueOrThrow({ where: { workshopSessionId: session.id } })).toMatchObject({ type: "Collectif", participantsCount: 1 });
    for (const notes of NOTES) expect(await prisma.activityRecord.count({ where: { counsellorId, notes } })).toBe(1);
    expect(await prisma.registration.findUniqueOrThrow({ where: { id: registration.id } })).toMatchObject({ status: "attended" });
    expect(await prisma.registration.count({ where: { sessionId: session.id } })).toBe(1);
    const receipts = await prisma.syncReceipt.count({ where: { counsellorId } });
    expect(receipts).toBe(4);

    // The captured traffic replayed as it was, three times: every item is answered "duplicate", nothing is added.
    for (let i = 0; i < 3; i++) {
      const replay = await page.request.post(traffic[0]!.url, { headers: { "content-type": traffic[0]!.contentType, origin: product.baseUrl }, data: traffic[0]!.body });
      expect(replay.status()).toBe(200);
      const statuses = JSON.stringify(await replay.json()).match(/"status":"(applied|duplicate|rejected|conflict)"/g);
      expect(statuses).toEqual(Array(4).fill('"status":"duplicate"'));
    }
    expect(await prisma.activityRecord.count({ where: { counsellorId } })).toBe(before + 4);
    expect(await prisma.registration.count({ where: { sessionId: session.id } })).toBe(1);
    expect(await prisma.syncReceipt.count({ where: { counsellorId } })).toBe(4);

    // The records show on the device as sent, and in the back-office exactly once.
    await followMenuLink(page, "Mes accompagnements");
    await page.getByRole("heading", { name: "Mes accompagnements" }).waitFor();
    expect(await page.getByText("En attente d'envoi").count()).toBe(0);
    await context.close();

    const staff = await browser.newContext({ locale: "fr-FR" });
    const bo = await staff.newPage();
    await bo.goto(`${product.baseUrl}/pilotage/saisies`);
    await bo.getByLabel("Adresse e-mail").fill("coordination@medianum.test");
    await bo.getByLabel("Mot de passe").fill(product.logins.find((l) => l.role === "coordinator")!.password);
    await bo.getByRole("button", { name: "Se connecter" }).click();
    await bo.getByRole("heading", { name: "Saisies des conseillers" }).waitFor();
    await bo.getByLabel("Conseiller").selectOption({ label: user.displayName });
    await bo.getByRole("table").waitFor();
    const records = await prisma.activityRecord.findMany({ where: { counsellorId, notes: { in: NOTES } }, select: { durationMinutes: true } });
    expect(records.map((r) => r.durationMinutes).sort((a, b) => a - b)).toEqual([30, 45, 60]);
    // Newest received first: the four rows on top are the three accompaniments and the check-in's workshop record, each once.
    await expect.poll(() => bo.getByRole("row").filter({ hasText: "Tablette pas à pas (test hors ligne)" }).count()).toBe(1);
    const top = await Promise.all([1, 2, 3, 4].map((i) => bo.getByRole("row").nth(i).textContent()));
    const health = top.filter((t) => t!.includes("Santé"));
    expect(health).toHaveLength(3);
    expect(health.map((t) => t!.match(/(30 min|45 min|1 h)(?! \d)/)?.[1]).sort()).toEqual(["1 h", "30 min", "45 min"]);
    expect(top.filter((t) => t!.includes("Tablette pas à pas (test hors ligne)"))).toHaveLength(1);
    // The check-in shows on the session's registrations.
    await bo.goto(`${product.baseUrl}/pilotage/seances/${session.id}`);
    const row = bo.getByRole("row").filter({ hasText: "Aïcha" });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Présent/i);
    await staff.close();
  });
});
