import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, createPlace, createUser, createWorkshopSession, errorOf, seedTerritory, type Harness } from "./harness.js";

let h: Harness;
let placeId: string;
let me: { id: string };
let other: { id: string };
const inDays = (d: number) => new Date(h.clock.now.getTime() + d * 86_400_000);

function record(overrides: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    date: "2026-11-24",
    durationMinutes: 45,
    locationType: "LieuActivite" as const,
    placeId,
    themes: ["Email" as const, "NavigationSurInternet" as const],
    ...overrides,
  };
}

beforeAll(async () => {
  h = await createHarness();
  await seedTerritory(h.db);
  placeId = (await createPlace(h.db)).id;
  me = (await createUser(h.db, "counsellor", "moi@medianum.test", "Nora Petit")).counsellor!;
  other = (await createUser(h.db, "counsellor", "autre@medianum.test", "Yann Leroy")).counsellor!;
  await h.db.prisma.counsellor.update({ where: { id: me.id }, data: { usualPlaceId: placeId } });
  await createUser(h.db, "admin", "admin@medianum.test");
});
afterAll(() => h.close());

async function as(email: string) {
  const c = h.client();
  await c.login(email);
  return c.api();
}

describe("counsellor agenda", () => {
  it("shows only the sessions assigned to me, in time order, with the registrations count", async () => {
    const mine = await createWorkshopSession(h.db, { placeId, capacity: 12, startsAt: inDays(2), counsellorIds: [me.id], title: "Pronote pas à pas" });
    const earlier = await createWorkshopSession(h.db, { placeId, capacity: 8, startsAt: inDays(1), counsellorIds: [me.id, other.id], title: "Écrans" });
    await createWorkshopSession(h.db, { placeId, capacity: 8, startsAt: inDays(1), counsellorIds: [other.id], title: "Pas pour moi" });
    await (await h.client().api()).booking.book({ sessionId: mine.id, firstName: "A", lastName: "B", email: "a@exemple.fr", seats: 3, consent: true });

    const agenda = await (await as("moi@medianum.test")).agenda.mine({});
    expect(agenda.map((i) => i.id)).toEqual([earlier.id, mine.id]);
    expect(agenda[1]).toMatchObject({ kind: "workshop", title: "Pronote pas à pas", detail: "3 inscrits sur 12 places", place: { communeName: "Agen" } });
  });

  it("is refused to staff and visitors", async () => {
    expect((await errorOf(async () => (await as("admin@medianum.test")).agenda.mine({}))).code).toBe("FORBIDDEN");
    expect((await errorOf(async () => (await h.client().api()).agenda.mine({}))).code).toBe("UNAUTHORIZED");
  });
});

describe("individual accompaniment records", () => {
  it("records an accompaniment with Coop fields, anonymous by default, and lists it in my records", async () => {
    const api = await as("moi@medianum.test");
    const r = record({ autonomy: "PartiellementAutonome", equipment: ["Telephone"], notes: "Création d'une adresse e-mail" });
    await expect(api.activity.createIndividual(r)).resolves.toEqual({ id: r.id, version: 1, created: true });
    const stored = await h.db.prisma.activityRecord.findUniqueOrThrow({ where: { id: r.id } });
    expect(stored).toMatchObject({
      type: "Individuel",
      counsellorId: me.id,
      durationMinutes: 45,
      themes: ["Email", "NavigationSurInternet"],
      gender: "NonCommunique",
      ageBracket: "NonCommunique",
      socialStatus: "NonCommunique",
      beneficiaryId: null,
    });
    const list = await api.activity.mine({});
    expect(list[0]).toMatchObject({ id: r.id, placeName: "Médiathèque Lacépède", durationMinutes: 45 });
  });

  it("sending the same record again (a retried sync) creates no copy", async () => {
    const api = await as("moi@medianum.test");
    const r = record();
    const answers = [await api.activity.createIndividual(r), await api.activity.createIndividual(r), await api.activity.createIndividual(r)];
    expect(answers.map((a) => a.created)).toEqual([true, false, false]);
    expect(await h.db.prisma.activityRecord.count({ where: { id: r.id } })).toBe(1);
  });

  it("another counsellor cannot take over my record's id nor see my records", async () => {
    const r = record();
    await (await as("moi@medianum.test")).activity.createIndividual(r);
    const theirs = await as("autre@medianum.test");
    expect((await errorOf(() => theirs.activity.createIndividual(r))).code).toBe("CONFLICT");
    expect((await theirs.activity.mine({})).map((x) => x.id)).not.toContain(r.id);
  });

  it("refuses a record without theme or place, with French field messages, and stores nothing", async () => {
    const api = await as("moi@medianum.test");
    const r = record({ themes: [], placeId: null });
    const err = await errorOf(() => api.activity.createIndividual(r));
    expect(err.code).toBe("BAD_REQUEST");
    expect(await h.db.prisma.activityRecord.count({ where: { id: r.id } })).toBe(0);
    const unknownPlace = record({ placeId: randomUUID() });
    expect((await errorOf(() => api.activity.createIndividual(unknownPlace))).message).toContain("Ce lieu n'existe plus");
  });

  it("offers my usual place, my last duration and my recent themes as defaults", async () => {
    const api = await as("moi@medianum.test");
    await api.activity.createIndividual(record({ date: "2026-11-25", durationMinutes: 90, themes: ["SecuriteNumerique"] }));
    const d = await api.activity.defaults();
    expect(d.usualPlaceId).toBe(placeId);
    expect(d.lastDurationMinutes).toBe(90);
    expect(d.recentThemes.slice(0, 2)).toEqual(expect.arrayContaining(["Email"]));
    expect(d.recentThemes).toContain("SecuriteNumerique");
  });

  it("staff cannot record as a counsellor", async () => {
    const err = await errorOf(async () => (await as("admin@medianum.test")).activity.createIndividual(record()));
    expect(err.code).toBe("FORBIDDEN");
  });
});
