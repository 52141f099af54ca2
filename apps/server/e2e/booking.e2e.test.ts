import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { distanceKm, distanceLabel, geoPoint } from "@medianum/domain";
import { startSmtpServer } from "../test/smtp.js";
import { launchBrowser, startProduct, type Product } from "./support.js";

// Booking journeys in Chromium against the real server, with a real SMTP server in-process:
// book, read the e-mail and its calendar file, cancel by the link; book a full session and
// get promoted after a cancellation.

let product: Product;
let browser: Browser;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  product = await startProduct({ env: { SMTP_URL: smtp.url, MAIL_FROM: "Ateliers <ateliers@medianum.test>" } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await product?.close();
  await smtp?.close();
});

const deliver = () => product.app.jobs.runOnce("outbox-delivery");
const mailsTo = (address: string) => smtp.received.filter((m) => m.to && !Array.isArray(m.to) && m.to.text.includes(address));
const manageLinkIn = (text: string) => /https?:\/\/\S+\/inscription\/[A-Za-z0-9_-]+/.exec(text)?.[0];

/** A fresh public session of a demo workshop, so the journey does not depend on the demo's seat counts. */
async function freshSession(capacity: number) {
  const prisma = product.db.prisma;
  const workshop = await prisma.workshop.findFirstOrThrow({ where: { isPublic: true } });
  const place = await prisma.place.findFirstOrThrow();
  return prisma.workshopSession.create({
    data: { workshopId: workshop.id, placeId: place.id, capacity, durationMinutes: 90, startsAt: new Date(Date.now() + 20 * 86_400_000) },
    include: { workshop: true },
  });
}

async function fillBooking(page: Page, who: { first: string; last: string; email: string }) {
  await page.getByLabel("Prénom").fill(who.first);
  await page.getByLabel("Nom", { exact: true }).fill(who.last);
  await page.getByLabel("Adresse e-mail").fill(who.email);
  await page.getByLabel(/J'accepte que le Département/).check();
}

/** The manage link in the portal must point at this server (PUBLIC_URL differs in tests). */
function localised(link: string) {
  const u = new URL(link);
  return `${product.baseUrl}${u.pathname}`;
}

describe("booking journeys, in Chromium", () => {
  it("a parent books, receives the confirmation with its invitation, and cancels with the link", async () => {
    const session = await freshSession(8);
    const ctx = await browser.newContext({ locale: "fr-FR", viewport: { width: 390, height: 800 } });
    const page = await ctx.newPage();
    await page.goto(`${product.baseUrl}/seances/${session.id}`);
    await page.getByRole("heading", { level: 1, name: session.workshop.title }).waitFor();
    expect(await page.getByText("8 places restantes").count()).toBeGreaterThan(0);
    await fillBooking(page, { first: "Nadia", last: "Benali", email: "nadia.e2e@exemple.fr" });
    await page.getByLabel("Nombre de places").selectOption("2");
    await page.getByRole("button", { name: "Confirmer mon inscription" }).click();
    await page.getByRole("heading", { name: "Inscription confirmée" }).waitFor();
    await page.getByText("Vos 2 places sont réservées. Merci !").waitFor();
    const shownLink = await page.getByRole("link", { name: "Gérer mon inscription" }).getAttribute("href");
    expect(shownLink).toMatch(/^\/inscription\/[A-Za-z0-9_-]{43}$/);

    expect(await deliver()).toMatchObject({ ran: true, result: { sent: 1 } });
    const [mail] = mailsTo("nadia.e2e@exemple.fr");
    expect(mail?.subject).toBe(`Inscription confirmée : ${session.workshop.title}`);
    expect(mail?.text).toContain("2 places");
    const ics = smtp.icsOf(mail!)!;
    expect(ics).toMatch(/METHOD:REQUEST/);
    const uid = /UID:(.*)/.exec(ics)?.[1]?.trim();
    // The e-mail carries a manage link of its own, created when it was sent.
    const link = manageLinkIn(mail!.text ?? "")!;
    expect(new URL(link).pathname).toMatch(/^\/inscription\/[A-Za-z0-9_-]{43}$/);
    expect(new URL(link).pathname).not.toBe(shownLink);

    // The link from the e-mail: see the registration, cancel it.
    await page.goto(localised(link));
    await page.getByRole("heading", { name: "Mon inscription", exact: true }).waitFor();
    // The heading shows while the registration loads: wait for its content.
    await expect.poll(async () => page.locator("main").textContent()).toContain("Confirmée");
    await page.getByRole("button", { name: "Annuler mon inscription" }).click();
    await page.getByRole("button", { name: "Oui, annuler mon inscription" }).click();
    await page.getByText("Votre inscription est annulée").waitFor();
    await expect.poll(async () => page.locator("main").textContent()).toContain("Annulée");

    await deliver();
    const cancel = mailsTo("nadia.e2e@exemple.fr").find((m) => m.subject?.startsWith("Inscription annulée"));
    const cancelIcs = smtp.icsOf(cancel!)!;
    expect(cancelIcs).toMatch(/METHOD:CANCEL/);
    expect(/UID:(.*)/.exec(cancelIcs)?.[1]?.trim()).toBe(uid);
    expect(await product.db.prisma.registration.count({ where: { sessionId: session.id, status: "confirmed" } })).toBe(0);
    await ctx.close();
  });

  it("a parent types a commune without sessions of its own and sees the nearest sessions first, « à N km » on each card", async () => {
    const prisma = product.db.prisma;
    // Penne-d'Agenais has no place and no session in the demo; its town hall stands about here.
    const penne = { latitude: 44.3887, longitude: 0.8185 };
    await prisma.commune.update({ where: { inseeCode: "47203" }, data: penne });
    expect(await prisma.place.count({ where: { communeInsee: "47203" } })).toBe(0);
    // The nearest session, computed apart from the API from the places' positions.
    const upcoming = await prisma.workshopSession.findMany({
      where: { status: "scheduled", startsAt: { gt: new Date() }, workshop: { isPublic: true } },
      include: { place: { include: { commune: true } } },
    });
    const nearest = Math.min(
      ...upcoming.map((s) => distanceKm(penne, geoPoint(s.place.latitude, s.place.longitude) ?? geoPoint(s.place.commune.latitude, s.place.commune.longitude)!)),
    );

    const ctx = await browser.newContext({ locale: "fr-FR", viewport: { width: 320, height: 740 } });
    const page = await ctx.newPage();
    await page.goto(`${product.baseUrl}/`);
    await page.getByText("Choisir un lieu, une date ou un thème").click();
    const where = page.getByRole("combobox", { name: "Où ?" });
    await where.fill("penne");
    await page.getByRole("option", { name: "Penne-d'Agenais (47140)" }).waitFor();
    await where.press("ArrowDown");
    await where.press("Enter");
    expect(await where.inputValue()).toBe("Penne-d'Agenais (47140)");
    await page.getByRole("button", { name: "Afficher les ateliers" }).click();
    await page.waitForURL(/\?lieu=c%3A47203$/);
    await page.getByText("Les ateliers les plus proches d'abord").waitFor();

    const cards = await page.locator(".mn-card").allTextContents();
    expect(cards.length).toBe(Math.min(upcoming.length, 200));
    const km = cards.map((text) => Number(/à (\d+) km|à moins d'1 km/.exec(text)?.[1] ?? (text.includes("à moins d'1 km") ? 0 : NaN)));
    expect(km.every((n) => Number.isFinite(n)), "every card says how far it is").toBe(true);
    expect(km, "nearest first").toEqual([...km].sort((a, b) => a - b));
    expect(cards[0]).toContain(distanceLabel(nearest));
    // The first paint, rendered by the server, is already in that order.
    const html = await (await fetch(`${product.baseUrl}/?lieu=c:47203`)).text();
    expect(html).toContain(distanceLabel(nearest).replace(/'/g, "&#x27;"));
    await ctx.close();
  });

  it("a family bigger than the seats left is told before sending, and joins the waitlist as a whole", async () => {
    const session = await freshSession(1);
    const ctx = await browser.newContext({ locale: "fr-FR", viewport: { width: 360, height: 740 } });
    const page = await ctx.newPage();
    await page.goto(`${product.baseUrl}/seances/${session.id}`);
    await page.getByRole("heading", { level: 1, name: session.workshop.title }).waitFor();
    await fillBooking(page, { first: "Léa", last: "Famille", email: "lea.e2e@exemple.fr" });
    // The selector offers the whole family, not only the seat left.
    await page.getByLabel("Nombre de places").selectOption("3");
    await page.getByRole("status").filter({ hasText: "Il ne reste que 1 place : avec 3 places, vous serez inscrits sur la liste d'attente" }).waitFor();
    await page.getByRole("button", { name: "M'inscrire sur la liste d'attente" }).click();
    await page.getByRole("heading", { name: "Inscription en liste d'attente" }).waitFor();
    const registration = await product.db.prisma.registration.findFirstOrThrow({ where: { sessionId: session.id } });
    expect(registration).toMatchObject({ status: "waitlisted", seats: 3 });
    await ctx.close();
  });

  it("a parent joins the waitlist of a full session and is promoted when a seat frees up", async () => {
    const session = await freshSession(1);
    const first = await browser.newContext({ locale: "fr-FR" });
    const p1 = await first.newPage();
    await p1.goto(`${product.baseUrl}/seances/${session.id}`);
    await p1.getByRole("heading", { level: 1, name: session.workshop.title }).waitFor();
    await fillBooking(p1, { first: "Paul", last: "Premier", email: "paul.e2e@exemple.fr" });
    await p1.getByRole("button", { name: "Confirmer mon inscription" }).click();
    await p1.getByRole("heading", { name: "Inscription confirmée" }).waitFor();
    const p1Link = await p1.getByRole("link", { name: "Gérer mon inscription" }).getAttribute("href");

    // The catalogue now says the session is full, with its waitlist open.
    const second = await browser.newContext({ locale: "fr-FR", viewport: { width: 360, height: 740 } });
    const p2 = await second.newPage();
    await p2.goto(`${product.baseUrl}/seances/${session.id}`);
    await p2.getByRole("heading", { level: 1, name: session.workshop.title }).waitFor();
    expect(await p2.getByText("Complet — liste d'attente ouverte").count()).toBeGreaterThan(0);
    await fillBooking(p2, { first: "Inès", last: "Attente", email: "ines.e2e@exemple.fr" });
    await p2.getByRole("button", { name: "M'inscrire sur la liste d'attente" }).click();
    await p2.getByRole("heading", { name: "Inscription en liste d'attente" }).waitFor();
    const p2Link = await p2.getByRole("link", { name: "Gérer mon inscription" }).getAttribute("href");

    // The first parent cancels: the waitlisted one is confirmed and told by e-mail.
    await p1.goto(`${product.baseUrl}${p1Link}`);
    await p1.getByRole("button", { name: "Annuler mon inscription" }).click();
    await p1.getByRole("button", { name: "Oui, annuler mon inscription" }).click();
    await p1.getByText("Votre inscription est annulée").waitFor();

    await deliver();
    const promoted = mailsTo("ines.e2e@exemple.fr").find((m) => m.subject?.startsWith("Une place s'est libérée"));
    expect(promoted, "promotion e-mail").toBeDefined();
    expect(smtp.icsOf(promoted!)).toMatch(/METHOD:REQUEST/);
    await p2.goto(`${product.baseUrl}${p2Link}`);
    await p2.getByRole("heading", { name: "Mon inscription", exact: true }).waitFor();
    await expect.poll(async () => p2.locator("main").textContent()).toContain("Confirmée");
    await first.close();
    await second.close();
  });
});
