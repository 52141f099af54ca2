import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, createPlace, createWorkshopSession, seedTerritory, type Harness } from "./harness.js";

// A parent types any commune of the département, with or without sessions of its own, and sees
// every session, nearest first from the commune's centre.
let h: Harness;
const inDays = (d: number) => new Date(h.clock.now.getTime() + d * 86_400_000);
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await createHarness();
  await seedTerritory(h.db);
  const { prisma } = h.db;
  await prisma.commune.update({ where: { inseeCode: "47001" }, data: { latitude: 44.2036, longitude: 0.6163 } });
  await prisma.commune.update({ where: { inseeCode: "47086" }, data: { latitude: 44.6762, longitude: 0.1826 } });
  // Villeneuve-sur-Lot hosts no session; Marmande has a place; Tonneins has no known centre.
  await prisma.commune.create({
    data: { inseeCode: "47323", name: "Villeneuve-sur-Lot", postalCodes: ["47300"], population: 22000, departementCode: "47", latitude: 44.4081, longitude: 0.7047 },
  });
  // Official codes: Marmande and Tonneins share Val de Garonne Agglomération and the arrondissement
  // of Marmande, where Duras also is; Agen is in another arrondissement.
  await prisma.epci.create({ data: { code: "200030674", name: "Val de Garonne Agglomération", departementCode: "47" } });
  await prisma.commune.update({ where: { inseeCode: "47001" }, data: { arrondissementCode: "471" } });
  await prisma.commune.update({ where: { inseeCode: "47086" }, data: { arrondissementCode: "472" } });
  const valDeGaronne = { departementCode: "47", epciCode: "200030674", arrondissementCode: "472" };
  await prisma.commune.create({ data: { inseeCode: "47157", name: "Marmande", postalCodes: ["47200"], population: 17000, ...valDeGaronne } });
  await prisma.commune.create({ data: { inseeCode: "47310", name: "Tonneins", postalCodes: ["47400"], population: 9000, ...valDeGaronne } });

  const agen = await createPlace(h.db, "47001", "Médiathèque Lacépède");
  await prisma.place.update({ where: { id: agen.id }, data: { latitude: 44.2042, longitude: 0.6187 } });
  const marmande = await createPlace(h.db, "47157", "Médiathèque Albert-Camus");
  await prisma.place.update({ where: { id: marmande.id }, data: { latitude: 44.4999, longitude: 0.1654 } });
  // No position of its own: it counts at the centre of Duras.
  const duras = await createPlace(h.db, "47086", "Mairie de Duras");
  // Neither the place nor its commune has a position.
  const tonneins = await createPlace(h.db, "47310", "Centre social La Manu");

  // Dates in the reverse order of distances from Villeneuve, so that date order is not the answer.
  ids.tonneins = (await createWorkshopSession(h.db, { placeId: tonneins.id, capacity: 8, startsAt: inDays(1) })).id;
  ids.duras = (await createWorkshopSession(h.db, { placeId: duras.id, capacity: 8, startsAt: inDays(2) })).id;
  ids.marmande = (await createWorkshopSession(h.db, { placeId: marmande.id, capacity: 8, startsAt: inDays(3) })).id;
  ids.agen = (await createWorkshopSession(h.db, { placeId: agen.id, capacity: 8, startsAt: inDays(4) })).id;
});
afterAll(() => h.close());

describe("catalogue near a commune", () => {
  it("lists every session nearest first from a commune that has none, with its distance", async () => {
    const api = await h.client().api();
    const list = await api.booking.upcomingSessions({ near: "47323" });
    expect(list.map((s) => s.id)).toEqual([ids.agen, ids.marmande, ids.duras, ids.tonneins]);
    const km = list.map((s) => s.distanceKm);
    // Villeneuve → Agen ≈ 24 km, → Marmande ≈ 44 km, → Duras ≈ 51 km as the crow flies.
    expect(km[0]).toBeGreaterThan(22);
    expect(km[0]).toBeLessThan(26);
    expect(km[1]).toBeGreaterThan(42);
    expect(km[1]).toBeLessThan(46);
    expect(km[2]).toBeGreaterThan(49);
    expect(km[2]).toBeLessThan(53);
    // The card's words come with the list (the portal's first page carries no label list).
    expect(list[0]!.nearLabel).toBe(`à ${Math.round(km[0]!)} km`);
    expect(km[3]).toBeNull();
  });

  it("puts a commune without known centre's own sessions first, then its intercommunalité's, then its arrondissement's", async () => {
    const api = await h.client().api();
    const noCentre = await api.booking.upcomingSessions({ near: "47310" });
    expect(noCentre.map((s) => s.id)).toEqual([ids.tonneins, ids.marmande, ids.duras, ids.agen]);
    expect(noCentre.map((s) => s.proximity)).toEqual(["commune", "epci", "arrondissement", null]);
    expect(noCentre.map((s) => s.nearLabel)).toEqual(["Dans votre commune", "Dans votre intercommunalité", "Dans votre arrondissement", null]);
    expect(noCentre.every((s) => s.distanceKm === null)).toBe(true);
    // With a known centre, the kilometres say it all.
    expect((await api.booking.upcomingSessions({ near: "47323" })).every((s) => s.proximity === null)).toBe(true);
  });

  it("still applies the other filters, and keeps date order for an unknown commune", async () => {
    const api = await h.client().api();
    const soon = await api.booking.upcomingSessions({ near: "47323", to: inDays(3) });
    expect(soon.map((s) => s.id)).toEqual([ids.marmande, ids.duras, ids.tonneins]);
    const unknown = await api.booking.upcomingSessions({ near: "99999" });
    expect(unknown.map((s) => s.id)).toEqual([ids.tonneins, ids.duras, ids.marmande, ids.agen]);
  });

  it("offers every commune of the département to search, with or without sessions", async () => {
    const api = await h.client().api();
    const communes = await api.booking.communes();
    expect(communes.map((c) => c.name)).toEqual(["Agen", "Duras", "Marmande", "Tonneins", "Villeneuve-sur-Lot"]);
    expect(communes.find((c) => c.inseeCode === "47323")).toEqual({ inseeCode: "47323", name: "Villeneuve-sur-Lot", postalCode: "47300" });
  });
});
