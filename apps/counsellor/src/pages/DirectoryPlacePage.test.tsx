// @vitest-environment jsdom
import "fake-indexeddb/auto";
import { randomUUID } from "node:crypto";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import { directoryEntry, type SyncSnapshot } from "@medianum/domain";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DeviceDb } from "../offline/db.js";
import { DeviceContext, engine } from "../offline/device.js";
import { storeSnapshot } from "../offline/snapshot.js";
import { freshDeviceDb, goOffline } from "../offline/testing.js";
import { DirectoryPage } from "./DirectoryPage.js";
import { DirectoryPlacePage } from "./DirectoryPlacePage.js";

// A place's page of the orientation directory with no network: what the last sync stored on the
// device is all it reads.

const placeId = randomUUID();
const partnerId = randomUUID();
// As the server sends it (directoryEntry), including a partner that has no coordinates.
const directory = [
  directoryEntry.parse({
    id: placeId,
    source: "place",
    name: "France services de Duras",
    kindLabel: "France services",
    services: ["admin_help", "pass_numerique"],
    description: null,
    address: "2 place du Marché",
    postalCode: "47120",
    communeInsee: "47086",
    communeName: "Duras",
    phone: "05 53 83 00 00",
    email: "franceservices@duras.fr",
    website: "https://www.duras.fr",
    openingHours: [
      { day: "mon", opens: "09:00", closes: "12:00" },
      { day: "mon", opens: "14:00", closes: "17:00" },
      { day: "thu", opens: "09:00", closes: "12:30" },
    ],
    accessInfo: "Entrée par la cour, accessible en fauteuil roulant.",
    latitude: 44.6766,
    longitude: 0.1817,
  }),
  directoryEntry.parse({
    id: partnerId,
    source: "partner",
    name: "CCAS d'Agen",
    kindLabel: "CCAS",
    services: ["social_support"],
    description: "Aide sociale et domiciliation.",
    address: "8 rue Lamoureux",
    postalCode: "47000",
    communeInsee: "47001",
    communeName: "Agen",
    phone: null,
    email: null,
    website: null,
    openingHours: [],
    accessInfo: null,
  }),
];

let db: DeviceDb;
beforeAll(() => {
  // Offline: any request would fail, and the page must not need one.
  goOffline();
});
beforeEach(async () => {
  db = await freshDeviceDb();
  const snapshot = { generatedAt: new Date(), agenda: [], records: [], places: [], defaults: { usualPlaceId: null }, directory, cheques: [], prescriptions: [], collegeSessions: [] };
  await storeSnapshot(db, snapshot as unknown as SyncSnapshot);
});
afterEach(cleanup);

function show(page: React.ReactNode) {
  return render(<DeviceContext.Provider value={{ db, engine }}>{page}</DeviceContext.Provider>);
}

describe("a place's page in the orientation directory, offline", () => {
  it("opens from the list and shows hours, services, access, contact and where it is on a map", async () => {
    show(<DirectoryPage />);
    const link = await screen.findByRole("link", { name: "France services de Duras" });
    expect(link.getAttribute("href")).toBe(`/annuaire/${placeId}`);
    cleanup();

    show(<DirectoryPlacePage id={placeId} />);
    expect(await screen.findByRole("heading", { level: 1, name: "France services de Duras" })).toBeTruthy();
    const section = (name: string) => {
      const h = screen.getByRole("heading", { level: 2, name });
      const items: string[] = [];
      for (let n = h.nextElementSibling; n && n.tagName !== "H2"; n = n.nextElementSibling) items.push(n.textContent ?? "");
      return items.join("\n");
    };
    expect(section("Horaires")).toBe("Lundi 09:00–12:00, 14:00–17:00Jeudi 09:00–12:30");
    expect(section("Services")).toBe("Aide aux démarches administrativesAccepte le Pass numérique");
    expect(section("Accès")).toContain("2 place du Marché, 47120 Duras");
    expect(section("Accès")).toContain("Entrée par la cour, accessible en fauteuil roulant.");
    expect(screen.getByRole("link", { name: "05 53 83 00 00" }).getAttribute("href")).toBe("tel:0553830000");
    expect(screen.getByRole("link", { name: "franceservices@duras.fr" }).getAttribute("href")).toBe("mailto:franceservices@duras.fr");
    expect(screen.getByRole("link", { name: "Ouvrir dans l'application de cartes" }).getAttribute("href")).toBe(
      "geo:44.676600,0.181700?q=44.676600,0.181700(France%20services%20de%20Duras)",
    );
    expect(screen.getByRole("link", { name: /Voir sur OpenStreetMap/ }).getAttribute("href")).toBe(
      "https://www.openstreetmap.org/?mlat=44.676600&mlon=0.181700#map=18/44.676600/0.181700",
    );
    // The title is set in an effect, which may run a moment after the heading is on screen.
    await waitFor(() => expect(document.title).toMatch(/^France services de Duras/));
  });

  it("without coordinates, offers an OpenStreetMap search of the address and says what is not known", async () => {
    show(<DirectoryPlacePage id={partnerId} />);
    const article = await screen.findByRole("article");
    expect(within(article).getByText("Aide sociale et domiciliation.")).toBeTruthy();
    expect(within(article).queryByRole("link", { name: "Ouvrir dans l'application de cartes" })).toBeNull();
    expect(within(article).getByRole("link", { name: /Voir sur OpenStreetMap/ }).getAttribute("href")).toBe(
      "https://www.openstreetmap.org/search?query=8%20rue%20Lamoureux%2047000%20Agen",
    );
    expect(within(article).getByText("Horaires non renseignés : appelez avant d'y envoyer quelqu'un.")).toBeTruthy();
    expect(within(article).getByText("Aucun contact renseigné.")).toBeTruthy();
  });

  it("says so when the place is not on this device", async () => {
    show(<DirectoryPlacePage id={randomUUID()} />);
    expect(await screen.findByText("Ce lieu n'est pas dans l'annuaire de cet appareil.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "← Annuaire d'orientation" }).getAttribute("href")).toBe("/annuaire");
  });
});
