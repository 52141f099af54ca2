import { randomUUID } from "node:crypto";
import type { DashboardView, SyncOperation } from "@medianum/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { splitPeriod } from "../src/stats/activity-figures.js";
import { createHarness, type Harness } from "./harness.js";
import { seedSteeringDataset } from "./stats-fixtures.js";

// The dashboard reads whole months from the monthly rollups that triggers on ActivityRecord keep
// in the write path, and the days of a cut month from the records. These tests check that a
// figure follows every kind of write at once (no refresh to wait for) and that the rollups
// always equal what the records say.

let h: Harness;
let data: Awaited<ReturnType<typeof seedSteeringDataset>>;

beforeAll(async () => {
  h = await createHarness();
  data = await seedSteeringDataset(h.db);
});
afterAll(() => h.close());

async function as(email: string) {
  const c = h.client();
  await c.login(email);
  return c.api();
}
const figures = (v: DashboardView) => Object.fromEntries(v.figures.map((f) => [f.metric, f.value]));
const previous = (v: DashboardView) => Object.fromEntries(v.figures.map((f) => [f.metric, f.previous]));
const op = (kind: SyncOperation["kind"], payload: unknown): SyncOperation => ({ id: randomUUID(), kind, payload });

/** The four rollups recomputed from the records, beside what the triggers left in them. */
async function rollupsAndRecords() {
  const q = (sql: string) => h.db.sql.query<Record<string, unknown>>(sql);
  const [months, monthsFromRecords, places, placesFromRecords, themes, themesFromRecords, persons, personsFromRecords] = await Promise.all([
    q(`SELECT to_char(month, 'YYYY-MM') AS month, "counsellorId"::text AS c, type, records, participants, minutes, anonymous
       FROM "ActivityMonthStat" ORDER BY 1, 2, 3`),
    q(`SELECT to_char(date_trunc('month', date), 'YYYY-MM') AS month, "counsellorId"::text AS c, type,
              COUNT(*)::int AS records, SUM("participantsCount")::int AS participants, SUM("durationMinutes")::int AS minutes,
              COUNT(*) FILTER (WHERE "beneficiaryId" IS NULL)::int AS anonymous
       FROM "ActivityRecord" GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`),
    q(`SELECT to_char(month, 'YYYY-MM') AS month, "counsellorId"::text AS c, "placeRef", records, people FROM "ActivityPlaceMonthStat" ORDER BY 1, 2, 3`),
    q(`SELECT to_char(date_trunc('month', date), 'YYYY-MM') AS month, "counsellorId"::text AS c, COALESCE("placeId"::text, 'lieu:' || "locationType") AS "placeRef",
              COUNT(*)::int AS records, SUM("participantsCount")::int AS people
       FROM "ActivityRecord" GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`),
    q(`SELECT to_char(month, 'YYYY-MM') AS month, "counsellorId"::text AS c, theme, records, people FROM "ActivityThemeMonthStat" ORDER BY 1, 2, 3`),
    q(`SELECT to_char(date_trunc('month', date), 'YYYY-MM') AS month, "counsellorId"::text AS c, t.theme, COUNT(*)::int AS records, SUM("participantsCount")::int AS people
       FROM "ActivityRecord", unnest(themes) AS t(theme) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`),
    q(`SELECT to_char(month, 'YYYY-MM') AS month, "counsellorId"::text AS c, "beneficiaryId"::text AS b, records FROM "ActivityPersonMonth" ORDER BY 1, 2, 3`),
    q(`SELECT to_char(date_trunc('month', date), 'YYYY-MM') AS month, "counsellorId"::text AS c, "beneficiaryId"::text AS b, COUNT(*)::int AS records
       FROM "ActivityRecord" WHERE type = 'Individuel' AND "beneficiaryId" IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`),
  ]);
  return { months, monthsFromRecords, places, placesFromRecords, themes, themesFromRecords, persons, personsFromRecords };
}

async function expectRollupsToMatchRecords() {
  const r = await rollupsAndRecords();
  expect(r.months.length).toBeGreaterThan(0);
  expect(r.months).toEqual(r.monthsFromRecords);
  expect(r.places).toEqual(r.placesFromRecords);
  expect(r.themes).toEqual(r.themesFromRecords);
  expect(r.persons).toEqual(r.personsFromRecords);
}

describe("periods that cut a month", () => {
  it("splits a period into whole months for the rollups and the days left for the records", () => {
    expect(splitPeriod({ from: "2026-01-01", to: "2026-12-31" })).toEqual({ firstMonth: "2026-01-01", lastMonth: "2026-12-01", days: [] });
    expect(splitPeriod({ from: "2026-01-15", to: "2026-03-10" })).toEqual({
      firstMonth: "2026-02-01",
      lastMonth: "2026-02-01",
      days: [{ from: "2026-01-15", to: "2026-01-31" }, { from: "2026-03-01", to: "2026-03-10" }],
    });
    expect(splitPeriod({ from: "2025-12-02", to: "2026-02-28" }).days).toEqual([{ from: "2025-12-02", to: "2025-12-31" }]);
    expect(splitPeriod({ from: "2024-02-10", to: "2024-02-29" }).days).toEqual([{ from: "2024-02-10", to: "2024-02-29" }]);
    expect(splitPeriod({ from: "2026-01-20", to: "2026-02-05" }).days).toEqual([{ from: "2026-01-20", to: "2026-02-05" }]);
  });

  it("counts the days of the cut months from the records and the whole months from the rollups", async () => {
    const api = await as("coordination@test.fr");
    // 20 January (followed person), 5 February (same person), 1 March (home visit in Duras).
    const v = await api.stats.dashboard({ from: "2026-01-15", to: "2026-03-10" });
    expect(figures(v)).toMatchObject({
      peopleHelped: 2, // the followed person once across January and February, plus the home visit
      individualAccompaniments: 3,
      collectiveWorkshops: 0,
      workshopParticipants: 0,
      hours: 2, // 165 minutes
    });
    // 10 March 2025, cut the same way a year before.
    expect(previous(v)).toMatchObject({ peopleHelped: 1, individualAccompaniments: 1, collectiveWorkshops: 0, hours: 0 });
    expect(v.byMonth).toEqual([
      { month: "2026-01", individual: 1, collective: 0, participants: 0, minutes: 30 },
      { month: "2026-02", individual: 1, collective: 0, participants: 0, minutes: 45 },
      { month: "2026-03", individual: 1, collective: 0, participants: 0, minutes: 90 },
    ]);
    expect(v.byTheme.map((t) => [t.theme, t.records, t.people])).toEqual([
      ["AideAuxDemarchesAdministratives", 1, 1],
      ["Email", 1, 1],
      ["Sante", 1, 1],
      ["SecuriteNumerique", 1, 1],
    ]);
    expect(v.byCounsellor).toEqual([
      { counsellorId: data.c1, name: "Alice Martin", individual: 2, collective: 0, participants: 0, minutes: 75 },
      { counsellorId: data.c2, name: "Bruno Petit", individual: 1, collective: 0, participants: 0, minutes: 90 },
    ]);
    expect(v.byPlaceType.map((p) => [p.key, p.records, p.people])).toEqual([
      ["mediatheque", 2, 2],
      ["lieu:Domicile", 1, 1],
    ]);
  });

  it("a few days inside one month, and a counsellor over a year less its last day", async () => {
    const api = await as("coordination@test.fr");
    const march = await api.stats.dashboard({ from: "2026-03-05", to: "2026-03-20" });
    expect(figures(march)).toMatchObject({ peopleHelped: 8, individualAccompaniments: 0, collectiveWorkshops: 1, workshopParticipants: 8, hours: 2 });
    const alice = await api.stats.dashboard({ from: "2026-01-01", to: "2026-12-30", scope: "counsellor", scopeId: data.c1 });
    // Not the workshop of 31 December: two visits of the followed person and one anonymous.
    expect(figures(alice)).toMatchObject({ peopleHelped: 2, individualAccompaniments: 3, collectiveWorkshops: 0, hours: 2 });
    expect(alice.byMonth.at(-1)).toEqual({ month: "2026-12", individual: 0, collective: 0, participants: 0, minutes: 0 });
  });

  it("whole months and the same period read from the records agree on the rollups' contents", async () => {
    await expectRollupsToMatchRecords();
  });
});

describe("every write reaches the figures at once", () => {
  const year = { from: "2026-01-01", to: "2026-12-31" };

  it("a record sent from the app, then edited to another month, place and person, then removed", async () => {
    const coordination = await as("coordination@test.fr");
    const alice = await as("alice@test.fr");
    const before = await coordination.stats.dashboard(year);

    const [place] = await h.db.prisma.place.findMany({ where: { communeInsee: "47086" } });
    const record = { id: randomUUID(), date: "2026-05-12", durationMinutes: 75, locationType: "LieuActivite" as const, placeId: place!.id, themes: ["ReseauxSociaux" as const] };
    expect((await alice.sync.push({ operations: [op("activity.individual.create", record)] })).results[0]!.status).toBe("applied");
    const created = await coordination.stats.dashboard(year);
    expect(figures(created).individualAccompaniments).toBe(figures(before).individualAccompaniments! + 1);
    expect(figures(created).peopleHelped).toBe(figures(before).peopleHelped! + 1);
    expect(created.byMonth.find((m) => m.month === "2026-05")).toEqual({ month: "2026-05", individual: 1, collective: 0, participants: 0, minutes: 75 });
    expect(created.byTheme.find((t) => t.theme === "ReseauxSociaux")).toMatchObject({ records: 1, people: 1 });
    await expectRollupsToMatchRecords();

    // Edited: another month, at home in Agen instead, with the followed person, another theme.
    const b1 = await h.db.prisma.beneficiary.findFirstOrThrow({ where: { counsellorId: data.c1 } });
    const edited = { ...record, date: "2026-06-03", durationMinutes: 30, locationType: "Domicile" as const, placeId: null, communeInsee: "47001", themes: ["Email" as const], beneficiaryId: b1.id };
    const res = await alice.sync.push({ operations: [op("activity.individual.update", { record: edited, baseVersion: 1 })] });
    expect(res.results[0]!.status).toBe("applied");
    const moved = await coordination.stats.dashboard(year);
    expect(moved.byMonth.find((m) => m.month === "2026-05")!.individual).toBe(0);
    expect(moved.byMonth.find((m) => m.month === "2026-06")).toEqual({ month: "2026-06", individual: 1, collective: 0, participants: 0, minutes: 30 });
    // The followed person was already counted: one more record, not one more person.
    expect(figures(moved).peopleHelped).toBe(figures(before).peopleHelped);
    expect(moved.byTheme.find((t) => t.theme === "ReseauxSociaux")).toBeUndefined();
    expect(moved.byPlaceType.find((p) => p.key === "lieu:Domicile")!.records).toBe(2);
    await expectRollupsToMatchRecords();

    // Removed (no screen deletes a record today; any writer goes through the same triggers).
    await h.db.prisma.activityRecord.delete({ where: { id: record.id } });
    const removed = await coordination.stats.dashboard(year);
    expect(figures(removed)).toEqual(figures(before));
    expect(removed.byMonth).toEqual(before.byMonth);
    expect(removed.byTheme).toEqual(before.byTheme);
    expect(removed.byCounsellor).toEqual(before.byCounsellor);
    expect(removed.byPlaceType).toEqual(before.byPlaceType);
    await expectRollupsToMatchRecords();
  });

  it("a place retyped by the team shows under its new type in every month already counted", async () => {
    const coordination = await as("coordination@test.fr");
    const duras = await h.db.prisma.place.findFirstOrThrow({ where: { communeInsee: "47086" } });
    await h.db.prisma.place.update({ where: { id: duras.id }, data: { type: "france_services" } });
    const v = await coordination.stats.dashboard(year);
    expect(v.byPlaceType.find((p) => p.key === "mairie")).toBeUndefined();
    expect(v.byPlaceType.find((p) => p.key === "france_services")).toMatchObject({ records: 1, people: 8 });
    await h.db.prisma.place.update({ where: { id: duras.id }, data: { type: "mairie" } });
  });

  it("erasing a followed person leaves their records counted as anonymous visits", async () => {
    const coordination = await as("coordination@test.fr");
    const before = await coordination.stats.dashboard(year);
    const b1 = await h.db.prisma.beneficiary.findFirstOrThrow({ where: { counsellorId: data.c1 } });
    await h.db.prisma.passPrescription.updateMany({ where: { beneficiaryId: b1.id }, data: { beneficiaryId: null } });
    // ON DELETE SET NULL rewrites the records: the triggers see it like any update.
    await h.db.prisma.beneficiary.delete({ where: { id: b1.id } });
    const after = await coordination.stats.dashboard(year);
    // Two visits of one person become two anonymous visits.
    expect(figures(after).peopleHelped).toBe(figures(before).peopleHelped! + 1);
    expect(figures(after).individualAccompaniments).toBe(figures(before).individualAccompaniments);
    await expectRollupsToMatchRecords();
    expect(await h.db.prisma.activityPersonMonth.count({ where: { beneficiaryId: b1.id } })).toBe(0);
  });

  it("many records in one statement (a bulk insert), then a bulk update and delete", async () => {
    const coordination = await as("coordination@test.fr");
    const before = await coordination.stats.dashboard(year);
    const ids = Array.from({ length: 30 }, () => randomUUID());
    await h.db.prisma.activityRecord.createMany({
      data: ids.map((id, i) => ({
        id,
        counsellorId: i % 2 ? data.c1 : data.c2,
        type: i % 3 ? "Individuel" : "Collectif",
        date: new Date(Date.UTC(2026, i % 12, 1 + (i % 28))),
        durationMinutes: 30,
        locationType: "Domicile",
        communeInsee: "47001",
        themes: ["Email", "Sante"],
        participantsCount: i % 3 ? 1 : 4,
      })),
    });
    const added = await coordination.stats.dashboard(year);
    expect(figures(added).individualAccompaniments).toBe(figures(before).individualAccompaniments! + 20);
    expect(figures(added).collectiveWorkshops).toBe(figures(before).collectiveWorkshops! + 10);
    expect(figures(added).workshopParticipants).toBe(figures(before).workshopParticipants! + 40);
    await expectRollupsToMatchRecords();

    await h.db.prisma.activityRecord.updateMany({ where: { id: { in: ids } }, data: { date: new Date("2027-02-01T00:00:00Z") } });
    const movedOut = await coordination.stats.dashboard(year);
    expect(figures(movedOut)).toEqual(figures(before));
    await expectRollupsToMatchRecords();

    await h.db.prisma.activityRecord.deleteMany({ where: { id: { in: ids } } });
    await expectRollupsToMatchRecords();
  });
});

describe.runIf(!!process.env.TEST_DATABASE_URL)("concurrent writers on PostgreSQL", () => {
  it("records of one counsellor for one month and place sent at once are all counted, without deadlock", async () => {
    const coordination = await as("coordination@test.fr");
    const before = figures(await coordination.stats.dashboard({ from: "2026-09-01", to: "2026-09-30" }));
    const bruno = await as("bruno@test.fr");
    const apis = Array.from({ length: 8 }, () => bruno);
    const [place] = await h.db.prisma.place.findMany({ where: { communeInsee: "47086" } });
    const results = await Promise.allSettled(
      apis.map((api, i) =>
        api.sync.push({
          operations: Array.from({ length: 3 }, (_, j) =>
            op("activity.individual.create", { id: randomUUID(), date: `2026-09-${String(1 + ((i + j) % 5)).padStart(2, "0")}`, durationMinutes: 60, locationType: "LieuActivite", placeId: place!.id, themes: ["Email", "Sante"] }),
          ),
        }),
      ),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const after = figures(await coordination.stats.dashboard({ from: "2026-09-01", to: "2026-09-30" }));
    expect(after.individualAccompaniments).toBe(before.individualAccompaniments! + 24);
    expect(after.hours).toBe(before.hours! + 24);
    await expectRollupsToMatchRecords();
  });
});
