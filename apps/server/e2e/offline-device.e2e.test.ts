import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatDate, formatDuration, mediationThemes } from "@medianum/domain";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumOptions, deviceRows, followMenuLink, launchBrowser, startProduct, waitForDeviceReady, type Product } from "./support.js";

let product: Product;
let browser: Browser;
/** The profile of the phone of the first two tests (a persistent Chromium profile: closing it is switching the phone off). */
let phoneDir: string;
/** That phone, switched on again with no network: the second test goes on with it. */
let phone: { context: BrowserContext; page: Page } | null = null;

beforeAll(async () => {
  product = await startProduct();
  browser = await launchBrowser();
  phoneDir = await mkdtemp(join(tmpdir(), "medianum-phone-"));
});
afterAll(async () => {
  await phone?.context.close();
  await browser?.close();
  await product?.close();
  if (phoneDir) await rm(phoneDir, { recursive: true, force: true });
});

const PHONE = { locale: "fr-FR", viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } as const;

type Login = Product["logins"][number];

/** The n-th demo counsellor (each test has its own, so that their records do not mix). */
async function counsellor(n: number) {
  const login = product.logins.filter((l) => l.role === "counsellor")[n]!;
  const user = await product.db.prisma.user.findUniqueOrThrow({ where: { email: login.email }, include: { counsellor: { include: { usualPlace: true } } } });
  return { login, user, counsellorId: user.counsellor!.id, usualPlace: user.counsellor!.usualPlace! };
}

async function logIn(page: Page, login: Login) {
  await page.getByLabel("Adresse e-mail").fill(login.email);
  await page.getByLabel("Mot de passe").fill(login.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

/** The status line at the top of every page of the app. */
function statusLine(page: Page) {
  return page.getByRole("status").filter({ hasText: /En ligne|Hors connexion/ });
}

/** The cards of "Mes accompagnements". */
function recordCards(page: Page) {
  return page.getByRole("main").getByRole("listitem");
}

/** Today in the département (the app's forms use this day). */
function todayInParis() {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}
const dayOf = (d: Date) => d.toISOString().slice(0, 10);
/** "Santé" for "Sante", as the app shows a theme. */
const themeLabel = (t: string) => (mediationThemes.has(t) ? mediationThemes.label(t) : t);

function launchPhone() {
  return chromium.launchPersistentContext(phoneDir, { ...chromiumOptions(), ...PHONE });
}

const WORKSHOP_TITLE = "Smartphone pas à pas (saisi hors connexion)";

describe("the counsellor app on a phone, in Chromium", () => {
  it("opens with no network after the phone was switched off and on, with the agenda and the records kept on the device", async () => {
    const { prisma } = product.db;
    const { login, counsellorId } = await counsellor(0);
    const nextWorkshop = await prisma.workshopSession.findFirstOrThrow({
      where: { counsellors: { some: { counsellorId } }, startsAt: { gte: new Date() }, status: { not: "cancelled" } },
      orderBy: { startsAt: "asc" },
      include: { workshop: true },
    });
    const latest = await prisma.activityRecord.findFirstOrThrow({ where: { counsellorId }, orderBy: [{ date: "desc" }, { updatedAt: "desc" }] });

    // First use, with network: log in, the app installs itself and downloads the counsellor's data.
    const first = await launchPhone();
    const page = first.pages()[0] ?? (await first.newPage());
    await page.goto(`${product.baseUrl}/conseiller/`);
    await logIn(page, login);
    await page.getByRole("heading", { name: "Mon agenda" }).waitFor();
    await waitForDeviceReady(page, ["agenda", "records"]);
    // Chromium finds nothing that would stop "Installer l'application" (manifest, icons, service worker, scope).
    const cdp = await first.newCDPSession(page);
    expect((await cdp.send("Page.getInstallabilityErrors")).installabilityErrors).toEqual([]);
    // Phone off: the whole browser process ends.
    await first.close();

    // Phone on again, in a place with no network, before anything is opened.
    const context = await launchPhone();
    await context.setOffline(true);
    const again = context.pages()[0] ?? (await context.newPage());
    phone = { context, page: again };
    const response = await again.goto(`${product.baseUrl}/conseiller/`);
    expect(response?.fromServiceWorker()).toBe(true);
    await again.getByRole("heading", { name: "Mon agenda" }).waitFor();
    await statusLine(again).getByText("Hors connexion").waitFor();
    await again.getByRole("heading", { name: nextWorkshop.workshop.title, level: 3 }).first().waitFor();

    await followMenuLink(again, "Mes accompagnements");
    await again.getByRole("heading", { name: "Mes accompagnements" }).waitFor();
    const newest = recordCards(again).first();
    await newest.waitFor();
    const text = await newest.textContent();
    expect(text).toContain(formatDate(new Date(`${dayOf(latest.date)}T12:00:00Z`)));
    expect(text).toContain(latest.themes.map(themeLabel).join(", "));
    expect(await recordCards(again).count()).toBeGreaterThan(1);
    expect(await again.getByText("En attente d'envoi").count()).toBe(0);
  });

  it("records a collective workshop in that offline app, refuses a breakdown counting more people than participants, keeps it across another restart, and sends it once back online", async () => {
    // Goes on with the phone switched on again offline by the previous test.
    expect(phone, "the phone restarted offline by the previous test").not.toBeNull();
    const { page, context } = phone!;
    const { prisma } = product.db;
    const { counsellorId, usualPlace } = await counsellor(0);
    const before = await prisma.activityRecord.count({ where: { counsellorId } });

    await page.getByRole("link", { name: "Atelier collectif", exact: true }).click();
    await page.getByRole("heading", { name: "Atelier collectif" }).waitFor();
    // The date of the day and the usual place are already there.
    expect(await page.getByLabel("Date", { exact: true }).inputValue()).toBe(todayInParis());
    expect(await page.getByLabel("Quel lieu d'activité ?").inputValue()).toBe(usualPlace.id);

    await page.getByLabel("Titre de l'atelier").fill(WORKSHOP_TITLE);
    await page.getByLabel("Nombre de participants").fill("6");
    await page.getByRole("checkbox", { name: "Prendre en main du matériel" }).check();
    const genre = page.getByRole("group", { name: "Genre", exact: true });
    const age = page.getByRole("group", { name: "Tranche d'âge", exact: true });
    const social = page.getByRole("group", { name: "Statut", exact: true });
    // 5 women and 4 men among 6 participants: refused on the device, nothing queued.
    await genre.getByLabel("Féminin").fill("5");
    await genre.getByLabel("Masculin").fill("4");
    await age.getByLabel("60 à 69 ans").fill("3");
    await age.getByLabel("70 ans et plus").fill("2");
    await social.getByLabel("Retraité(e)").fill("5");
    await page.getByRole("button", { name: "Enregistrer l'atelier" }).click();
    await page.getByRole("alert").getByText("La répartition compte plus de personnes que de participants.").waitFor();
    expect(await page.getByRole("heading", { name: "Atelier collectif" }).isVisible()).toBe(true);
    expect(await statusLine(page).textContent()).toContain("Tout est envoyé");
    expect(await deviceRows(page, ["outbox"])).toEqual([0]);

    // Corrected: 4 women and 2 men.
    await genre.getByLabel("Féminin").fill("4");
    await genre.getByLabel("Masculin").fill("2");
    await page.getByRole("button", { name: "Enregistrer l'atelier" }).click();
    await page.getByText("Atelier enregistré sur cet appareil : il sera envoyé dès le retour du réseau.").waitFor();
    await statusLine(page).getByRole("link", { name: "1 en attente" }).waitFor();
    const card = recordCards(page).filter({ hasText: WORKSHOP_TITLE });
    expect(await card.count()).toBe(1);
    expect(await card.textContent()).toContain("6 participants");
    expect(await card.textContent()).toContain("En attente d'envoi");
    expect(await prisma.activityRecord.count({ where: { counsellorId } })).toBe(before);

    // Phone off and on again, still without network: the workshop still waits, nothing is lost.
    await context.close();
    const restarted = await launchPhone();
    await restarted.setOffline(true);
    const again = restarted.pages()[0] ?? (await restarted.newPage());
    phone = { context: restarted, page: again };
    await again.goto(`${product.baseUrl}/conseiller/accompagnements`);
    await statusLine(again).getByRole("link", { name: "1 en attente" }).waitFor();
    const kept = recordCards(again).filter({ hasText: WORKSHOP_TITLE });
    expect(await kept.textContent()).toContain("En attente d'envoi");

    // Network back.
    await restarted.setOffline(false);
    await statusLine(again).getByText("Tout est envoyé").waitFor({ timeout: 30_000 });
    const stored = await prisma.activityRecord.findMany({ where: { workshopTitle: WORKSHOP_TITLE } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      counsellorId,
      type: "Collectif",
      date: new Date(`${todayInParis()}T00:00:00Z`),
      placeId: usualPlace.id,
      participantsCount: 6,
      themes: ["PrendreEnMainDuMateriel"],
      participantBreakdown: {
        gender: { Feminin: 4, Masculin: 2 },
        ageBracket: { SoixanteSoixanteNeuf: 3, SoixanteDixPlus: 2 },
        socialStatus: { Retraite: 5 },
      },
    });
    expect(await prisma.activityRecord.count({ where: { counsellorId } })).toBe(before + 1);
    await expect.poll(() => kept.textContent()).not.toContain("En attente d'envoi");
  });

  it("orients a person and shows my figures with no network, on that phone: the directory searched by commune and service, the figures equal to the server's", async () => {
    const { page, context } = phone!;
    const { prisma } = product.db;
    // What the server computes, read first online.
    await followMenuLink(page, "Mes chiffres");
    await page.getByText(/Calculés par le serveur/).waitFor();
    const online = await page.getByRole("main").locator("section").allTextContents();

    await context.setOffline(true);
    await page.reload();
    await statusLine(page).getByText("Hors connexion").waitFor();
    await page.getByText("Calculés sur cet appareil, sans réseau").waitFor();
    // The device holds this year's records: the same pure function gives the same figures.
    expect(await page.getByRole("main").locator("section").allTextContents()).toEqual(online);

    const place = await prisma.place.findFirstOrThrow({ where: { services: { has: "aidants_connect" }, phone: { not: null } }, include: { commune: true }, orderBy: { name: "asc" } });
    await followMenuLink(page, "Annuaire");
    await page.getByRole("heading", { name: "Annuaire d'orientation" }).waitFor();
    await page.getByLabel("Commune ou code postal").fill(place.commune.name);
    await page.getByLabel("Service").selectOption({ label: "Aidants Connect" });
    const card = page.getByRole("main").getByRole("listitem").filter({ has: page.getByRole("heading", { name: place.name, exact: true }) });
    await card.waitFor();
    const text = (await card.textContent())!;
    expect(text).toContain(place.address);
    expect(text).toContain(place.phone!);
    expect(text).toContain("Aidants Connect");
    // Every result is in that commune and offers that service.
    const all = await page.getByRole("main").getByRole("listitem").allTextContents();
    expect(all.length).toBeGreaterThan(0);
    for (const t of all) {
      expect(t).toContain(place.commune.name);
      expect(t).toContain("Aidants Connect");
    }
    await page.getByRole("status").filter({ hasText: /résultats?$/ }).getByText(`${all.length} résultat`, { exact: false }).waitFor();
    await context.setOffline(false);
    await statusLine(page).getByText("En ligne").waitFor({ timeout: 30_000 });
  });

  it("prefills a new accompaniment (today, usual place, last duration, frequent theme first): three actions from the menu record it; a duplicate takes two", async () => {
    const { prisma } = product.db;
    const { login, counsellorId, usualPlace } = await counsellor(1);
    // The defaults as the API defines them: the counsellor's 20 latest individual records.
    const recent = await prisma.activityRecord.findMany({
      where: { counsellorId, type: "Individuel" },
      orderBy: [{ date: "desc" }, { createdAt: "desc" }],
      take: 20,
      select: { durationMinutes: true, themes: true },
    });
    const lastDuration = recent[0]!.durationMinutes;
    const themeCounts = new Map<string, number>();
    for (const r of recent) for (const t of r.themes) themeCounts.set(t, (themeCounts.get(t) ?? 0) + 1);
    const topCount = Math.max(...themeCounts.values());
    const today = todayInParis();

    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${product.baseUrl}/conseiller/`);
    await logIn(page, login);
    await page.getByRole("heading", { name: "Mon agenda" }).waitFor();

    // Right after login, the form waits a little for the first download and opens prefilled; on a
    // slow line it opens first, and the download fills the fields still untouched when it lands.
    await page.getByRole("link", { name: "Nouvel accompagnement", exact: true }).click();
    await page.getByRole("heading", { name: "Nouvel accompagnement" }).waitFor();
    expect(await page.getByLabel("Date", { exact: true }).inputValue()).toBe(today);
    expect(await page.getByRole("radio", { name: "Lieu d'activité", exact: true }).isChecked()).toBe(true);
    const place = page.getByLabel("Quel lieu d'activité ?");
    await expect.poll(() => place.inputValue(), { timeout: 30_000 }).toBe(usualPlace.id);
    expect(await place.locator("option:checked").textContent()).toContain(usualPlace.name);
    await expect.poll(() => page.getByRole("radio", { name: formatDuration(lastDuration), exact: true }).isChecked()).toBe(true);
    const themes = page.getByRole("group", { name: "Thématiques" });
    const firstTheme = themes.getByRole("checkbox").first();
    const topTheme = (await firstTheme.getAttribute("value"))!;
    expect(themeCounts.get(topTheme)).toBe(topCount);
    expect(await page.getByText("Vos thématiques récentes sont en tête de liste.").isVisible()).toBe(true);

    // The shortest path, from the menu, counted.
    await page.getByRole("link", { name: "Mon agenda", exact: true }).click();
    await page.getByRole("heading", { name: "Mon agenda" }).waitFor();
    let actions = 0;
    const act = async (step: () => Promise<unknown>) => {
      actions += 1;
      await step();
    };
    const start = new Date();
    const t0 = performance.now();
    await act(() => page.getByRole("link", { name: "Nouvel accompagnement", exact: true }).click());
    await act(() => firstTheme.check());
    await act(() => page.getByRole("button", { name: "Enregistrer l'accompagnement" }).click());
    await page.getByText("Accompagnement enregistré").waitFor();
    const ms = performance.now() - t0;
    console.log(`Saisie la plus courte : ${actions} actions depuis le menu, ${ms.toFixed(0)} ms jusqu'au message « enregistré »`);
    expect(actions).toBeLessThanOrEqual(3);

    await expect.poll(() => prisma.activityRecord.count({ where: { counsellorId, createdAt: { gte: start } } }), { timeout: 30_000 }).toBe(1);
    const saved = await prisma.activityRecord.findFirstOrThrow({ where: { counsellorId, createdAt: { gte: start } } });
    expect(saved).toMatchObject({ type: "Individuel", date: new Date(`${today}T00:00:00Z`), locationType: "LieuActivite", placeId: usualPlace.id, durationMinutes: lastDuration, themes: [topTheme] });

    // Duplicate an earlier record with other themes, another place and another duration when there is one.
    await page.getByRole("heading", { name: "Mes accompagnements" }).waitFor();
    const candidates = await prisma.activityRecord.findMany({
      where: { counsellorId, type: "Individuel", locationType: "LieuActivite", placeId: { not: null }, createdAt: { lt: start } },
      orderBy: [{ date: "desc" }, { createdAt: "desc" }],
      take: 30,
      include: { place: true },
    });
    const source =
      candidates.find((r) => r.themes.length > 1 && r.placeId !== usualPlace.id && r.durationMinutes !== lastDuration) ??
      candidates.find((r) => r.themes.length > 1) ??
      candidates[0]!;
    const duplicate = page.locator(`a[href$="/accompagnements/nouveau?depuis=${source.id}"]`);
    expect(await duplicate.textContent()).toContain("Dupliquer");
    const dupStart = new Date();
    actions = 0;
    await act(() => duplicate.click());
    await page.getByRole("heading", { name: "Nouvel accompagnement" }).waitFor();
    expect(await page.getByLabel("Date", { exact: true }).inputValue()).toBe(today);
    expect(await place.inputValue()).toBe(source.placeId);
    expect(await place.locator("option:checked").textContent()).toContain(source.place!.name);
    expect(await page.getByRole("radio", { name: formatDuration(source.durationMinutes), exact: true }).isChecked()).toBe(true);
    expect(await themes.getByRole("checkbox", { checked: true }).count()).toBe(source.themes.length);
    for (const t of source.themes) expect(await themes.getByRole("checkbox", { name: themeLabel(t), exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel("Notes").inputValue()).toBe("");
    await act(() => page.getByRole("button", { name: "Enregistrer l'accompagnement" }).click());
    await page.getByText("Accompagnement enregistré").waitFor();
    expect(actions).toBe(2);

    await expect.poll(() => prisma.activityRecord.count({ where: { counsellorId, createdAt: { gte: dupStart } } }), { timeout: 30_000 }).toBe(1);
    const copy = await prisma.activityRecord.findFirstOrThrow({ where: { counsellorId, createdAt: { gte: dupStart } } });
    expect(copy.id).not.toBe(source.id);
    expect(copy).toMatchObject({
      type: "Individuel",
      date: new Date(`${today}T00:00:00Z`),
      locationType: "LieuActivite",
      placeId: source.placeId,
      durationMinutes: source.durationMinutes,
      themes: source.themes,
      administrativeThemes: source.administrativeThemes,
    });
    await context.close();
  });

  it("keeps what was typed offline when the session expired meanwhile, and sends it after a new login", async () => {
    const { prisma } = product.db;
    const { login, user, counsellorId } = await counsellor(2);
    const note = `Saisie hors connexion, session expirée ${Date.now()}`;

    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${product.baseUrl}/conseiller/`);
    await logIn(page, login);
    await page.getByRole("heading", { name: "Mon agenda" }).waitFor();
    await waitForDeviceReady(page, ["agenda"]);

    await context.setOffline(true);
    await statusLine(page).getByText("Hors connexion").waitFor();
    await page.getByRole("link", { name: "Nouvel accompagnement", exact: true }).click();
    await page.getByRole("checkbox", { name: "Santé" }).check();
    await page.getByLabel("Notes").fill(note);
    await page.getByRole("button", { name: "Enregistrer l'accompagnement" }).click();
    await page.getByText("Accompagnement enregistré sur cet appareil").waitFor();
    await statusLine(page).getByRole("link", { name: "1 en attente" }).waitFor();

    // Meanwhile the session ends on the server (expired, or ended by the team).
    const { count } = await prisma.authSession.deleteMany({ where: { userId: user.id } });
    expect(count).toBeGreaterThan(0);

    await context.setOffline(false);
    await statusLine(page).getByText("Votre session a expiré").waitFor({ timeout: 30_000 });
    const relogin = statusLine(page).getByRole("link", { name: "Se reconnecter pour les envoyer" });
    await relogin.waitFor();
    await statusLine(page).getByText("En ligne").waitFor();
    expect(await statusLine(page).getByRole("link", { name: "1 en attente" }).isVisible()).toBe(true);
    const pending = recordCards(page).filter({ hasText: "En attente d'envoi" });
    expect(await pending.count()).toBe(1);
    expect(await pending.textContent()).toContain("Santé");
    expect(await prisma.activityRecord.count({ where: { notes: note } })).toBe(0);

    await relogin.click();
    await page.getByText("Votre session a expiré. Vos saisies sont conservées sur cet appareil").waitFor();
    await logIn(page, login);
    await page.getByRole("heading", { name: "Mon agenda" }).waitFor();
    await statusLine(page).getByText("Tout est envoyé").waitFor({ timeout: 30_000 });
    expect(await statusLine(page).getByText("Votre session a expiré").count()).toBe(0);
    expect(await prisma.activityRecord.count({ where: { notes: note } })).toBe(1);
    expect(await prisma.activityRecord.findFirstOrThrow({ where: { notes: note } })).toMatchObject({ counsellorId, type: "Individuel", themes: ["Sante"] });
    await context.close();
  });
});
