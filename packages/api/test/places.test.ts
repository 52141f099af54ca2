import { fromSchemaLieuxDeMediationNumerique } from "@gouvfr-anct/lieux-de-mediation-numerique";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, createPlace, createUser, errorOf, seedTerritory, type Harness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await seedTerritory(h.db);
  await createUser(h.db, "coordinator", "coordination@test.fr", "Coralie");
  await createUser(h.db, "counsellor", "alice@test.fr", "Alice");
});
afterAll(() => h.close());

async function staff() {
  const c = h.client();
  await c.login("coordination@test.fr");
  return c.api();
}

const validPlace = {
  name: "Espace numérique de Duras",
  type: "france_services" as const,
  address: "12 rue du Château",
  postalCode: "47120",
  communeInsee: "47086",
  phone: "05 53 00 00 00",
  email: "ens@duras.fr",
  website: "https://duras.fr",
  openingHours: [
    { day: "mon" as const, opens: "09:00", closes: "12:00" },
    { day: "mon" as const, opens: "14:00", closes: "17:00" },
    { day: "wed" as const, opens: "09:00", closes: "12:00" },
  ],
  services: ["accompaniment" as const, "workshops" as const, "admin_help" as const],
  latitude: 44.677,
  longitude: 0.182,
  siret: "213 700 865 00013",
};

describe("places and partners", () => {
  it("creates, edits and lists a place; every change is audited", async () => {
    const api = await staff();
    const { id } = await api.places.create(validPlace);
    await api.places.update({ ...validPlace, id, name: "Espace France services de Duras" });
    const list = await api.places.list();
    const p = list.find((x) => x.id === id)!;
    expect(p).toMatchObject({ name: "Espace France services de Duras", communeName: "Duras", phone: "0553000000", siret: "21370086500013" });
    const log = await h.db.prisma.auditLog.findMany({ where: { entityId: id }, orderBy: { at: "asc" } });
    expect(log.map((l) => l.action)).toEqual(["places.create", "places.update"]);
  });

  it("refuses bad input with messages on the fields", async () => {
    const api = await staff();
    const e = await errorOf(() => api.places.create({ ...validPlace, postalCode: "4712", siret: "123" }));
    expect(e.code).toBe("BAD_REQUEST");
    const issues = (e as unknown as { cause: { issues: { path: (string | number)[]; message: string }[] } }).cause.issues;
    const fe = Object.fromEntries(issues.map((i) => [i.path.join("."), i.message]));
    expect(fe.postalCode).toBe("Code postal invalide (5 chiffres).");
    expect(fe.siret).toMatch(/SIRET/);
    const unknown = await errorOf(() => api.places.create({ ...validPlace, communeInsee: "47999" }));
    expect(unknown.message).toBe("Cette commune est inconnue.");
  });

  it("keeps a place that history refers to, and deletes an unused one", async () => {
    const api = await staff();
    const used = await createPlace(h.db);
    const { counsellor } = await createUser(h.db, "counsellor", "c2@test.fr");
    await h.db.prisma.counsellor.update({ where: { id: counsellor!.id }, data: { usualPlaceId: used.id } });
    const e = await errorOf(() => api.places.delete({ id: used.id }));
    expect(e.code).toBe("CONFLICT");
    expect(await h.db.prisma.place.findUnique({ where: { id: used.id } })).not.toBeNull();
    const { id } = await api.places.create({ ...validPlace, name: "Lieu éphémère", siret: "" });
    await api.places.delete({ id });
    expect(await h.db.prisma.place.findUnique({ where: { id } })).toBeNull();
  });

  it("manages partners and refuses to delete one that still runs places", async () => {
    const api = await staff();
    const { id } = await api.places.createPartner({ name: "Centre social de Duras", kind: "association", services: ["social_support"], communeInsee: "47086" });
    const place = await api.places.create({ ...validPlace, name: "Salle du centre social", partnerId: id });
    expect((await api.places.partners()).find((p) => p.id === id)).toMatchObject({ places: 1, communeName: "Duras" });
    const kept = await errorOf(() => api.places.deletePartner({ id }));
    expect(kept.code).toBe("CONFLICT");
    expect(kept.message).toBe("« Centre social de Duras » gère encore 1 lieu : rattachez-le à une autre structure d'abord.");
    await api.places.delete({ id: place.id });
    await api.places.deletePartner({ id });
    expect(await api.places.partners()).toEqual([]);
  });
});

describe("export to the national places standard", () => {
  it("produces places the ANCT library reads back, and reports those it refuses", async () => {
    const api = await staff();
    await api.places.create({ ...validPlace, name: "Espace Standard", siret: "21370086500013" });
    // A place whose address the standard refuses (characters outside its pattern) is reported, not exported.
    await h.db.prisma.place.create({
      data: { name: "Lieu mal saisi", type: "other", address: "<script>", postalCode: "47120", communeInsee: "47086" },
    });
    const res = await api.places.standardExport();
    const lieu = res.lieux.find((l) => l.nom === "Espace Standard")!;
    expect(lieu).toMatchObject({
      pivot: "21370086500013",
      commune: "Duras",
      code_postal: "47120",
      code_insee: "47086",
      adresse: "12 rue du Château",
      typologie: "RFS",
      telephone: "0553000000",
      courriels: "ens@duras.fr",
      horaires: "Mo 09:00-12:00,14:00-17:00; We 09:00-12:00",
      latitude: 44.677,
      longitude: 0.182,
    });
    expect(String(lieu.services)).toContain("Aide aux démarches administratives");
    expect(String(lieu.dispositif_programmes_nationaux)).toContain("France Services");
    // Validated by the library itself: reading the export back through its constructors succeeds.
    const back = fromSchemaLieuxDeMediationNumerique(res.lieux as never);
    expect(back).toHaveLength(res.lieux.length);
    expect(res.rejected).toEqual([expect.objectContaining({ name: "Lieu mal saisi", reason: "adresse (voie) refusée par le standard" })]);
    expect(res.withoutSiret.map((p) => p.name)).toContain("Médiathèque Lacépède");
  });
});
