import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { waitForDeviceReady } from "./support.js";
import { browser, product, startForThisFile } from "./lifecycle.js";
import { axeViolations } from "./axe.js";

// Feedback as people meet it: a parent answers on a phone from the e-mail's link, a collège on its
// tracking page, workshop participants scan the QR code the counsellor shows offline. Every new
// page passes an axe-core sweep (WCAG 2.1 A and AA) at 320 px.

startForThisFile();

declare const document: { documentElement: { scrollWidth: number } };

const PHONE = { locale: "fr-FR", viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true } as const;
const token = () => randomBytes(32).toString("base64url");
const hash = (t: string) => createHash("sha256").update(t).digest("hex");

async function answer(page: Page, usefulness: string, comment: string) {
  await page.getByLabel(usefulness).check();
  await page.getByRole("group", { name: /recommanderiez/ }).getByLabel("Oui").check();
  await page.getByLabel(/Un commentaire libre/).fill(comment);
  await page.getByRole("button", { name: "Envoyer ma réponse" }).click();
}

describe("feedback", () => {
  it("a parent answers once on a phone; the form, its errors and its thanks pass axe", async () => {
    const { prisma } = product.db;
    const workshop = await prisma.workshop.findFirstOrThrow({ where: { isPublic: true } });
    const place = await prisma.place.findFirstOrThrow();
    const session = await prisma.workshopSession.create({ data: { workshopId: workshop.id, placeId: place.id, capacity: 10, durationMinutes: 90, startsAt: new Date(Date.now() - 86_400_000) } });
    const reg = await prisma.registration.create({
      data: { sessionId: session.id, status: "attended", seats: 1, firstName: "Nadia", lastName: "Avis", email: "nadia.avis@exemple.fr", consentAt: new Date(), manageTokenHash: randomUUID() },
    });
    const t = token();
    await prisma.feedbackInvitation.create({ data: { kind: "workshop_session", tokenHash: hash(t), registrationId: reg.id, workshopSessionId: session.id, expiresAt: new Date(Date.now() + 30 * 86_400_000) } });

    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${product.baseUrl}/avis/${t}`);
    await page.getByRole("heading", { level: 1, name: `Votre avis sur « ${workshop.title} »` }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

    await page.getByRole("button", { name: "Envoyer ma réponse" }).click();
    await page.getByRole("heading", { name: "Votre réponse n'est pas complète" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await answer(page, "4 — Très utile", "Merci, très concret.");
    await page.getByRole("heading", { level: 1, name: "Merci pour votre réponse" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${product.baseUrl}/avis/${t}`);
    await page.getByText("Vous avez déjà répondu à ce questionnaire : merci !").waitFor();
    expect(await prisma.feedbackAnswer.count({ where: { workshopSessionId: session.id, comment: "Merci, très concret." } })).toBe(1);
    await context.close();
  });

  it("a collège answers on its tracking page, once per reported session", async () => {
    const { prisma } = product.db;
    const request = await prisma.collegeRequest.findFirstOrThrow({ where: { establishmentName: "Collège Jasmin" }, include: { classes: true } });
    const t = token();
    await prisma.collegeTrackingToken.create({ data: { requestId: request.id, tokenHash: hash(t) } });
    const session = await prisma.collegeSession.create({
      data: { requestId: request.id, startsAt: new Date(Date.now() - 2 * 86_400_000), durationMinutes: 55, status: "done", reportedAt: new Date(), topicsCovered: ["cyberbullying"], classes: { create: [{ classId: request.classes[0]!.id, pupilsPresent: 20 }] } },
    });
    await prisma.feedbackInvitation.create({ data: { kind: "college_session", collegeSessionId: session.id, expiresAt: new Date(Date.now() + 90 * 86_400_000) } });

    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${product.baseUrl}/colleges/suivi/${t}`);
    await page.getByRole("heading", { name: "Votre avis sur les séances" }).waitFor();
    await page.getByRole("button", { name: "Donner notre avis sur cette séance" }).click();
    expect(await axeViolations(page)).toEqual([]);
    await answer(page, "3 — Utile", "Les élèves ont posé beaucoup de questions.");
    await page.getByText("Avis donné").waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await prisma.feedbackAnswer.count({ where: { collegeSessionId: session.id } })).toBe(1);
    await context.close();
  });

  it("the counsellor shows a QR code offline; participants answer on their phones", async () => {
    const { prisma } = product.db;
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${product.baseUrl}/conseiller/`);
    await page.getByLabel("Adresse e-mail").fill("conseiller1@medianum.test");
    await page.getByLabel("Mot de passe").fill(product.logins[0]!.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("heading", { name: "Mon agenda" }).waitFor();
    await waitForDeviceReady(page, ["agenda", "feedbackKeys"]);
    const counsellor = await prisma.counsellor.findFirstOrThrow({ where: { user: { email: "conseiller1@medianum.test" } } });
    const record = await prisma.activityRecord.findFirstOrThrow({ where: { counsellorId: counsellor.id, type: "Collectif" }, orderBy: { date: "desc" } });
    // The demo data may hold answers of this workshop already: one more is expected.
    const before = await prisma.feedbackAnswer.count({ where: { activityRecordId: record.id } });

    await context.setOffline(true);
    await page.goto(`${product.baseUrl}/conseiller/ateliers/${record.id}/avis`);
    await page.getByRole("img", { name: "QR code du questionnaire d'avis" }).waitFor();
    expect(await page.locator(".mn-qr svg").count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    const url = (await page.locator(".mn-qr__url").textContent())!;
    expect(url).toMatch(new RegExp(`/avis/[A-Za-z0-9_-]{43}\\?atelier=${record.id}$`));

    const phone = await browser.newContext(PHONE);
    const participant = await phone.newPage();
    await participant.goto(url);
    await participant.getByRole("heading", { level: 1, name: "Votre avis sur « Atelier collectif »" }).waitFor();
    await answer(participant, "2 — Peu utile", "Trop rapide pour moi.");
    await participant.getByRole("heading", { level: 1, name: "Merci pour votre réponse" }).waitFor();
    expect(await prisma.feedbackAnswer.count({ where: { activityRecordId: record.id } })).toBe(before + 1);
    await phone.close();
    await context.close();
  });
});
