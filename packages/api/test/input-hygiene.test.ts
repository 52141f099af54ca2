import { randomUUID } from "node:crypto";
import { ZodError } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseErrorCode, userFacingDatabaseError } from "../src/shared/errors.js";
import { fieldErrorsOf } from "../src/trpc.js";
import { booking, createHarness, createPlace, createUser, createWorkshopSession, errorOf, seedTerritory, type Harness } from "./harness.js";

// Inputs that used to end in a 500 (issue 10): NUL bytes and lone surrogates in free text,
// JavaScript's extreme Dates and year 0, and unique keys hit by a concurrent insert. Each is now a
// 4xx with a French message, through the whole router.

let h: Harness;
let placeId: string;
let sessionId: string;
let workshopId: string;
let ip = 1;
const visitor = () => h.client(`198.51.100.${ip++}`).api();
async function as(email: string) {
  const c = h.client();
  await c.login(email);
  return c.api();
}
const TEXT_REFUSED = /ce texte contient un caractère invisible ou invalide/;
const DATE_REFUSED = /choisissez une date entre 2000 et 2100/;

/** The French messages per field of a refused input (what the form shows). */
async function fieldErrors(call: () => Promise<unknown>) {
  const err = await errorOf(call);
  expect(err.code).toBe("BAD_REQUEST");
  expect(err.cause).toBeInstanceOf(ZodError);
  return fieldErrorsOf(err.cause as ZodError);
}

function collegeRequest(overrides: Record<string, unknown> = {}) {
  return {
    uai: "0470040N",
    establishmentName: "Collège Jasmin",
    address: "12 rue Jasmin",
    communeInsee: "47001",
    requesterName: "Claire Dupuy",
    requesterRole: "cpe" as const,
    email: `cpe-${randomUUID().slice(0, 8)}@college.fr`,
    classes: [{ level: "5e" as const, pupils: 26 }],
    topics: ["cyberbullying" as const],
    periods: [{ from: "2027-01-11", to: "2027-01-22" }],
    consent: true as const,
    ...overrides,
  };
}

beforeAll(async () => {
  h = await createHarness();
  await seedTerritory(h.db);
  placeId = (await createPlace(h.db)).id;
  await createUser(h.db, "coordinator", "coord@medianum.test");
  await createUser(h.db, "counsellor", "cn@medianum.test");
  const s = await createWorkshopSession(h.db, { placeId, capacity: 12, startsAt: new Date("2026-12-02T14:00:00Z") });
  sessionId = s.id;
  workshopId = s.workshopId;
});
afterAll(() => h.close());

describe("free text with NUL bytes or lone surrogates is refused with the field's name", () => {
  it("booking.book (public form)", async () => {
    const api = await visitor();
    const errors = await fieldErrors(() => api.booking.book(booking(sessionId, { firstName: "Léa\u0000", lastName: "\ud800Martin", need: "Besoin\u0000" })));
    expect(errors.firstName).toEqual(["Prénom : ce texte contient un caractère invisible ou invalide ; retapez-le sans copier-coller."]);
    expect(errors.lastName![0]).toMatch(/^Nom : ce texte contient/);
    expect(errors.need![0]).toMatch(/^Votre besoin : ce texte contient/);
    expect(await h.db.prisma.registration.count()).toBe(0);
  });

  it("college.submit and college.trackingMessage (public forms)", async () => {
    const errors = await fieldErrors(async () => (await visitor()).college.submit(collegeRequest({ establishmentName: "Collège\u0000", constraints: "Jeudi\udc00" })));
    expect(errors.establishmentName![0]).toMatch(TEXT_REFUSED);
    expect(errors.constraints![0]).toMatch(TEXT_REFUSED);
    const { trackingToken } = await (await visitor()).college.submit(collegeRequest());
    const msg = await fieldErrors(async () => (await visitor()).college.trackingMessage({ token: trackingToken, body: "Bonjour\u0000" }));
    expect(msg.body![0]).toMatch(/^Votre message : ce texte contient/);
    // A line break is fine in a message.
    await expect((await visitor()).college.trackingMessage({ token: trackingToken, body: "Bonjour,\nà jeudi." })).resolves.toBeDefined();
  });

  it("booking.upcomingSessions filters (commune, EPCI)", async () => {
    const api = await visitor();
    const errors = await fieldErrors(() => api.booking.upcomingSessions({ communeInsee: "47\u0000", epciCode: "\ud800" }));
    expect(errors.communeInsee![0]).toMatch(/^Commune : ce texte contient/);
    expect(errors.epciCode![0]).toMatch(/^Intercommunalité : ce texte contient/);
  });

  it("staff search boxes and filters (outbox search, audit action, dashboard scope)", async () => {
    const api = await as("coord@medianum.test");
    expect((await fieldErrors(() => api.outbox.list({ search: "x\u0000", page: 0 }))).search![0]).toMatch(/^Recherche :/);
    expect((await fieldErrors(() => api.audit.list({ action: "team\u0000" }))).action![0]).toMatch(/^Action :/);
    expect((await fieldErrors(() => api.stats.dashboard({ from: "2026-01-01", to: "2026-12-31", scope: "commune", scopeId: "47001\u0000" }))).scopeId).toBeDefined();
  });
});

describe("dates and instants outside 2000–2100 are refused in French", () => {
  const extremes = [new Date(8.64e15), new Date(-8.64e15)];

  it("booking.upcomingSessions, workshop.sessions, agenda.mine", async () => {
    const staff = await as("coord@medianum.test");
    const counsellor = await as("cn@medianum.test");
    for (const d of extremes) {
      expect((await fieldErrors(async () => (await visitor()).booking.upcomingSessions({ from: d }))).from![0]).toMatch(DATE_REFUSED);
      expect((await fieldErrors(() => staff.workshop.sessions({ to: d }))).to![0]).toMatch(DATE_REFUSED);
      expect((await fieldErrors(() => counsellor.agenda.mine({ from: d, to: d }))).to![0]).toMatch(DATE_REFUSED);
    }
  });

  it("workshop.createSession", async () => {
    const staff = await as("coord@medianum.test");
    for (const day of ["0000-01-01", "2101-01-01"]) {
      const errors = await fieldErrors(() => staff.workshop.createSession({ workshopId, day, time: "10:00", durationMinutes: 90, placeId, capacity: 12 }));
      expect(errors.day![0]).toMatch(DATE_REFUSED);
    }
  });

  it("year 0 in audit.list, activity.createIndividual and sync.push", async () => {
    const staff = await as("coord@medianum.test");
    expect((await fieldErrors(() => staff.audit.list({ from: "0000-01-01" }))).from![0]).toMatch(DATE_REFUSED);
    const counsellor = await as("cn@medianum.test");
    const record = { id: randomUUID(), date: "0000-01-01", durationMinutes: 45, locationType: "LieuActivite" as const, placeId, themes: ["Email" as const] };
    expect((await fieldErrors(() => counsellor.activity.createIndividual(record))).date![0]).toMatch(DATE_REFUSED);
    const { results } = await counsellor.sync.push({ operations: [{ id: randomUUID(), kind: "activity.individual.create", payload: record }] });
    expect(results[0]).toMatchObject({ status: "rejected", fieldErrors: { date: [expect.stringMatching(DATE_REFUSED)] } });
    expect(await h.db.prisma.activityRecord.count()).toBe(0);
  });
});

describe("unique keys hit by a concurrent insert", () => {
  it("read the same SQLSTATE from every shape the database error takes (Prisma, raw query, SQL runner)", async () => {
    const insert = `INSERT INTO "Departement" (code, name) VALUES ('47', 'Lot-et-Garonne bis')`;
    const shapes = [
      await errorOf(() => h.db.prisma.departement.create({ data: { code: "47", name: "Lot-et-Garonne bis" } })),
      await errorOf(() => h.db.prisma.$executeRawUnsafe(insert)),
      await errorOf(() => h.db.prisma.$transaction(async (tx) => tx.$queryRawUnsafe(insert))),
      await errorOf(() => h.db.sql.query(insert)),
    ];
    for (const e of shapes) {
      expect(databaseErrorCode(e)).toBe("23505");
      const answer = userFacingDatabaseError(e)!;
      expect(answer.code).toBe("CONFLICT");
      expect(answer.message).toBe("Cet élément existe déjà : il vient sans doute d'être enregistré par une autre demande. Actualisez la page pour le voir.");
    }
  });

  it("a row deleted meanwhile is NOT_FOUND, a missing parent a CONFLICT; other failures stay unexpected", async () => {
    expect(userFacingDatabaseError(await errorOf(() => h.db.prisma.place.update({ where: { id: randomUUID() }, data: { name: "x" } })))?.code).toBe("NOT_FOUND");
    expect(userFacingDatabaseError(await errorOf(() => h.db.prisma.counsellor.create({ data: { userId: randomUUID() } })))?.code).toBe("CONFLICT");
    expect(userFacingDatabaseError(await errorOf(() => h.db.sql.query("SELECT 1/0")))).toBeNull();
    expect(userFacingDatabaseError(new Error("boom"))).toBeNull();
  });

  it("an invitation to an e-mail already taken answers CONFLICT in French", async () => {
    await createUser(h.db, "admin", "admin@medianum.test");
    const admin = await as("admin@medianum.test");
    await admin.team.invite({ email: "nouvelle@medianum.test", displayName: "Nouvelle", role: "coordinator" });
    const err = await errorOf(() => admin.team.invite({ email: "nouvelle@medianum.test", displayName: "Nouvelle", role: "coordinator" }));
    expect(err.code).toBe("CONFLICT");
    expect(err.message).toMatch(/existe déjà/);
  });
});
