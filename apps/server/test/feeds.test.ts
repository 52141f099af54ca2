import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Database } from "@medianum/db";
import { createTestDatabase } from "@medianum/db/testing";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../src/app.js";
import { loadConfig } from "../src/config.js";

// The public feeds of the catalogue as a calendar application and a partner's server read them,
// and the embeddable catalogue's framing rules, over HTTP against a real database.

const NOW = new Date("2026-12-02T10:00:00Z");
const PARTNER = "https://www.college-exemple.fr";
let db: Database;
let app: Awaited<ReturnType<typeof buildServer>>;
const ids: Record<string, string> = {};

function appsWithHead() {
  const dir = mkdtempSync(join(tmpdir(), "medianum-apps-"));
  for (const name of ["portal", "counsellor", "backoffice"]) {
    mkdirSync(join(dir, name, "dist"), { recursive: true });
    writeFileSync(join(dir, name, "dist", "index.html"), `<!doctype html><html lang="fr"><head><title>${name}</title></head><body><div id="root"></div></body></html>`);
  }
  return dir;
}

async function session(title: string, theme: string, placeId: string, startsAt: string, opts: { status?: string; isPublic?: boolean; capacity?: number } = {}) {
  const w = await db.prisma.workshop.create({ data: { title, theme, audience: "parents", description: `À propos de ${title}.`, isPublic: opts.isPublic ?? true, contactEmail: "animatrice@medianum.test" } });
  const s = await db.prisma.workshopSession.create({
    data: { workshopId: w.id, startsAt: new Date(startsAt), durationMinutes: 90, placeId, capacity: opts.capacity ?? 12, status: opts.status ?? "scheduled" },
  });
  return s.id;
}

beforeAll(async () => {
  db = await createTestDatabase();
  const p = db.prisma;
  await p.departement.create({ data: { code: "47", name: "Lot-et-Garonne" } });
  await p.epci.create({ data: { code: "200035459", name: "Agglomération d'Agen", departementCode: "47" } });
  await p.epci.create({ data: { code: "200068120", name: "Val de Garonne Agglomération", departementCode: "47" } });
  await p.commune.create({ data: { inseeCode: "47001", name: "Agen", postalCodes: ["47000"], population: 32000, departementCode: "47", epciCode: "200035459" } });
  await p.commune.create({ data: { inseeCode: "47157", name: "Marmande", postalCodes: ["47200"], population: 18000, departementCode: "47", epciCode: "200068120" } });
  const agen = await p.place.create({ data: { name: "Médiathèque Lacépède", type: "mediatheque", address: "Place de la Médiathèque", postalCode: "47000", communeInsee: "47001" } });
  const marmande = await p.place.create({ data: { name: "Centre social", type: "mairie", address: "1 rue Centrale", postalCode: "47200", communeInsee: "47157" } });
  ids.screens = await session("Les écrans en famille", "screens", agen.id, "2026-12-10T13:00:00Z");
  ids.cancelled = await session("Réseaux sociaux : les bons réglages", "social_networks", agen.id, "2026-12-12T09:00:00Z", { status: "cancelled" });
  ids.marmande = await session("=HYPERLINK(\"http://evil\")", "video_games", marmande.id, "2026-12-15T14:00:00Z");
  ids.private = await session("Séance au collège", "cyberbullying", agen.id, "2026-12-11T09:00:00Z", { isPublic: false });
  ids.past = await session("Atelier passé", "screens", agen.id, "2026-11-20T13:00:00Z", { status: "done" });
  ids.far = await session("Trop loin", "screens", agen.id, "2027-09-01T13:00:00Z");
  await p.registration.create({
    data: { sessionId: ids.screens, status: "confirmed", seats: 3, firstName: "Amina", lastName: "Diallo", email: "amina.parent@exemple.fr", phone: "0611223344", consentAt: NOW, manageTokenHash: "a".repeat(64) },
  });
  const config = {
    ...loadConfig({ NODE_ENV: "production", LOG_LEVEL: "silent", PUBLIC_URL: "https://ateliers.exemple.fr", EMBED_ALLOWED_ORIGINS: `${PARTNER}, https://mairie.exemple.fr` }),
    appsDir: appsWithHead(),
    jobsEnabled: false,
  };
  app = await buildServer({ config, db, now: () => NOW });
}, 120_000);
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const get = (url: string) => app.inject({ method: "GET", url });

function events(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  return cal.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, summary: e.summary, status: String(v.getFirstPropertyValue("status") ?? ""), start: e.startDate.toJSDate(), end: e.endDate.toJSDate(), description: e.description, location: e.location };
  });
}

describe("iCalendar feed /api/feeds/ateliers.ics", () => {
  it("parses as iCalendar: upcoming public sessions only, the cancelled one marked, UIDs the same on every fetch", async () => {
    const res = await get("/api/feeds/ateliers.ics");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    const first = events(res.body);
    expect(first.map((e) => e.uid)).toEqual([`seance-${ids.screens}@medianum`, `seance-${ids.cancelled}@medianum`, `seance-${ids.marmande}@medianum`]);
    const screens = first[0]!;
    expect(screens.summary).toBe("Les écrans en famille");
    expect(screens.status).toBe("CONFIRMED");
    expect(screens.start.toISOString()).toBe("2026-12-10T13:00:00.000Z");
    expect(screens.end.toISOString()).toBe("2026-12-10T14:30:00.000Z");
    expect(screens.location).toBe("Médiathèque Lacépède, Place de la Médiathèque, 47000 Agen");
    expect(screens.description).toContain("Places restantes : 9.");
    expect(screens.description).toContain(`https://ateliers.exemple.fr/seances/${ids.screens}`);
    const cancelled = first[1]!;
    expect(cancelled.status).toBe("CANCELLED");
    expect(cancelled.summary).toBe("Annulé : Réseaux sociaux : les bons réglages");

    const again = events((await get("/api/feeds/ateliers.ics")).body);
    expect(again.map((e) => e.uid)).toEqual(first.map((e) => e.uid));
  });

  it("says nothing personal: no registrant, no contact e-mail", async () => {
    for (const format of ["ics", "json", "csv"]) {
      const body = (await get(`/api/feeds/ateliers.${format}`)).body;
      for (const secret of ["Amina", "Diallo", "amina.parent@exemple.fr", "0611223344", "animatrice@medianum.test"]) expect(body, `${format} ${secret}`).not.toContain(secret);
    }
  });

  it("filters by commune, intercommunalité and theme", async () => {
    const uids = async (q: string) => events((await get(`/api/feeds/ateliers.ics?${q}`)).body).map((e) => e.uid);
    expect(await uids("commune=47157")).toEqual([`seance-${ids.marmande}@medianum`]);
    expect(await uids("epci=200035459")).toEqual([`seance-${ids.screens}@medianum`, `seance-${ids.cancelled}@medianum`]);
    expect(await uids("theme=social_networks")).toEqual([`seance-${ids.cancelled}@medianum`]);
    expect(await uids("commune=47157&theme=screens")).toEqual([]);
  });

  it("refuses a filter it cannot read with a French 400, never a 500", async () => {
    const cases = { "commune=Agen": "code INSEE", "epci=12": "SIREN", "theme=poker": "thème inconnu", "commune=47001&commune=47157": "une seule valeur" };
    for (const [q, words] of Object.entries(cases)) {
      const res = await get(`/api/feeds/ateliers.ics?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.headers["cache-control"]).toBe("no-store");
      expect(res.json().error, q).toContain(words);
    }
    const unknown = await get("/api/feeds/ateliers.pdf");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toContain("ateliers.ics");
  });

  it("may be kept a few minutes by calendars and proxies, unlike the rest of the API", async () => {
    const res = await get("/api/feeds/ateliers.ics");
    expect(res.headers["cache-control"]).toBe("public, max-age=300");
    expect((await get("/api/health")).headers["cache-control"]).toBe("no-store");
  });
});

describe("limits", () => {
  it("stops an address that loops on the feeds with a 429 saying when to come back; others still get them", async () => {
    const from = (remoteAddress: string) => app.inject({ method: "GET", url: "/api/feeds/ateliers.json", remoteAddress });
    for (let i = 0; i < 300; i++) expect((await from("203.0.113.9")).statusCode).toBe(200);
    const stopped = await from("203.0.113.9");
    expect(stopped.statusCode).toBe(429);
    expect(Number(stopped.headers["retry-after"])).toBeGreaterThan(0);
    expect(stopped.headers["cache-control"]).toBe("no-store");
    expect(stopped.json().error).toMatch(/^Trop de demandes depuis cette adresse : réessayez dans \d+ minutes?\.$/);
    expect((await from("203.0.113.10")).statusCode).toBe(200);
  }, 60_000);
});

describe("open-data listing /api/feeds/ateliers.json and .csv", () => {
  it("JSON lists each session with its status, seats left and booking link", async () => {
    const res = await get("/api/feeds/ateliers.json?epci=200035459");
    expect(res.headers["access-control-allow-origin"]).toBe("*");
    const { sessions } = res.json() as { sessions: Array<Record<string, unknown>> };
    expect(sessions.map((s) => [s.id, s.status, s.seatsLeft])).toEqual([
      [ids.screens, "scheduled", 9],
      [ids.cancelled, "cancelled", null],
    ]);
    expect(sessions[0]).toMatchObject({ startsAt: "2026-12-10T13:00:00.000Z", themeLabel: "Les écrans à la maison", url: `https://ateliers.exemple.fr/seances/${ids.screens}`, place: { communeInsee: "47001", communeName: "Agen", epciCode: "200035459" } });
  });

  it("CSV opens in a spreadsheet with French columns, Paris times, and a title typed as a formula stays text", async () => {
    const res = await get("/api/feeds/ateliers.csv");
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    const lines = res.body.replace(/^\uFEFF/, "").trim().split("\n");
    expect(lines[0]).toBe("Identifiant;Atelier;Thème;Début;Fin;Durée (min);Statut;Places restantes;Lieu;Adresse;Code postal;Commune;Code INSEE;SIREN intercommunalité;Lien d'inscription");
    expect(lines[1]).toContain(";2026-12-10 14:00;2026-12-10 15:30;90;Programmée;9;");
    expect(lines[2]).toContain(";Annulée;;");
    expect(lines[3]).toContain(`'=HYPERLINK(""http://evil"")`);
    expect(lines).toHaveLength(4);
  });
});

describe("embeddable catalogue /integration", () => {
  it("may be framed by the configured partner sites only; every other page by none", async () => {
    const res = await get("/integration?commune=47001");
    expect(res.statusCode).toBe(200);
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toContain(`frame-ancestors 'self' ${PARTNER} https://mairie.exemple.fr`);
    expect(csp.match(/frame-ancestors[^;]*/g)).toHaveLength(1);
    expect(csp).toContain("script-src 'self'");
    expect(res.headers["x-frame-options"]).toBeUndefined();
    for (const url of ["/", `/seances/${ids.screens}`, "/pilotage/", "/api/feeds/ateliers.ics"]) {
      const other = await get(url);
      expect(String(other.headers["content-security-policy"]), url).toContain("frame-ancestors 'none'");
    }
  });

  it("lists bookable sessions of the commune, each opening its portal page in a new tab", async () => {
    const html = (await get("/integration?commune=47001")).body;
    expect(html).toContain("<h1>Ateliers e-parentalité à venir à Agen</h1>");
    expect(html).toContain(`<a href="https://ateliers.exemple.fr/seances/${ids.screens}" target="_blank" rel="noopener">Les écrans en famille<span class="sr"> (nouvel onglet)</span></a>`);
    expect(html).toContain("9 places restantes");
    expect(html).not.toContain(ids.cancelled);
    expect(html).not.toContain(ids.marmande);
    expect(html).not.toContain("<script");
    const byTheme = (await get("/integration?theme=video_games")).body;
    // Escaped, never raw HTML: a title is typed by staff, the page lands on partners' sites.
    expect(byTheme).toContain("=HYPERLINK(&quot;http://evil&quot;)");
    expect(byTheme).not.toContain(ids.screens);
    expect(byTheme).toContain("<h1>Ateliers e-parentalité à venir : Jeux vidéo</h1>");
    const empty = (await get("/integration?epci=200068120&theme=screens")).body;
    expect(empty).toContain("<h1>Ateliers e-parentalité à venir : Les écrans à la maison (Val de Garonne Agglomération)</h1>");
    expect(empty).toContain("Aucun atelier n'est prévu pour le moment avec ces critères.");
  });

  it("says in French which filter of the address is wrong", async () => {
    const res = await get("/integration?theme=poker");
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("thème inconnu");
  });
});

describe("session page", () => {
  it("carries its schema.org Event in the head for search engines", async () => {
    const html = (await get(`/seances/${ids.screens}`)).body;
    const json = /<script type="application\/ld\+json">(.*?)<\/script><\/head>/s.exec(html)?.[1];
    expect(json).toBeDefined();
    expect(JSON.parse(json!)).toMatchObject({
      "@type": "Event",
      name: "Les écrans en famille",
      startDate: "2026-12-10T13:00:00.000Z",
      eventStatus: "https://schema.org/EventScheduled",
      location: { "@type": "Place", name: "Médiathèque Lacépède", address: { addressLocality: "Agen", postalCode: "47000" } },
      offers: { price: "0", availability: "https://schema.org/InStock" },
    });
    const cancelled = (await get(`/seances/${ids.cancelled}`)).body;
    expect(cancelled).not.toContain("ld+json");
    expect(cancelled).toContain('<div id="root">');
  });
});
