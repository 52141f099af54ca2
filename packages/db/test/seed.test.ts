import {
  activityTypes,
  administrativeThemes,
  ageBrackets,
  audiences,
  autonomyLevels,
  checkTransition,
  checkUai,
  classLevels,
  collegeSlotStatuses,
  collectiveRecordInput,
  collegeRequestStatuses,
  collegeTopics,
  equipment,
  feedbackKinds,
  fragilityGroups,
  genders,
  individualRecordInput,
  locationTypes,
  mediationThemes,
  openingHoursSchema,
  participantBreakdownSchema,
  partnerKinds,
  passChequeStatuses,
  periodSchema,
  placeServices,
  placeTypes,
  recommendAnswers,
  redirectionStructures,
  registrationStatuses,
  requesterRoles,
  roles,
  SEAT_HOLDING_STATUSES,
  sessionStatuses,
  slotServes,
  socialStatuses,
  workshopLevels,
  workshopThemes,
  FEEDBACK_MIN_ANSWERS,
  type CollegeRequestActor,
  type CollegeRequestStatus,
} from "@medianum/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/client.js";
import { DEMO_PASSWORD, fragilityGroupOf, normaliseEpciName, seedDemo, type SeedDemoResult } from "../src/seed/index.js";
import { addDays, parisDay } from "../src/seed/random.js";
import { createTestDatabase } from "../src/testing.js";

const hashPassword = async (pw: string) => `test-hash:${pw}`;

/** Every value-list code stored in a column must belong to its domain list. */
function expectCodes(list: { has(v: string): boolean }, values: readonly (string | null | undefined)[], what: string) {
  const bad = values.filter((v): v is string => v != null && !list.has(v));
  expect(bad, `${what}: codes hors liste`).toEqual([]);
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return out;
}

async function countAll(db: Database): Promise<Record<string, number>> {
  const p = db.prisma;
  const counters: Record<string, () => Promise<number>> = {
    communes: () => p.commune.count(),
    epcis: () => p.epci.count(),
    users: () => p.user.count(),
    counsellors: () => p.counsellor.count(),
    places: () => p.place.count(),
    partners: () => p.partner.count(),
    workshops: () => p.workshop.count(),
    workshopSessions: () => p.workshopSession.count(),
    registrations: () => p.registration.count(),
    collegeRequests: () => p.collegeRequest.count(),
    collegeRequestEvents: () => p.collegeRequestEvent.count(),
    collegeSessions: () => p.collegeSession.count(),
    activityRecords: () => p.activityRecord.count(),
    passCheques: () => p.passCheque.count(),
    passPrescriptions: () => p.passPrescription.count(),
    yearlyObjectives: () => p.yearlyObjective.count(),
  };
  // One after the other: a burst of parallel queries would open many pool connections for nothing.
  const out: Record<string, number> = {};
  for (const [k, count] of Object.entries(counters)) out[k] = await count();
  return out;
}

describe("normalised EPCI names", () => {
  it("match the published group names to the official EPCI names", () => {
    expect(normaliseEpciName("CC du Confluent et des Coteaux de Prayssas")).toBe(normaliseEpciName("Confluent et Coteaux de Prayssas"));
    expect(fragilityGroupOf("CA Agglomération d'Agen")).toBe("less_exposed");
    expect(fragilityGroupOf("CC Fumel Vallée du Lot")).toBe("highly_fragile");
    expect(fragilityGroupOf("CA Val de Garonne Agglomération")).toBe("mixed");
    expect(fragilityGroupOf("CC des Deux Rives")).toBeNull();
  });
});

describe("seedDemo", () => {
  let db: Database;
  let result: SeedDemoResult;
  // SEED_TEST_NOW replays the seed at another date (e.g. around Christmas or a DST change).
  const now = process.env.SEED_TEST_NOW ? new Date(process.env.SEED_TEST_NOW) : new Date();
  const today = parisDay(now);

  beforeAll(async () => {
    db = await createTestDatabase();
    result = await seedDemo(db.prisma, { hashPassword, now });
  });
  afterAll(async () => {
    await db?.close();
  });

  it("seeds an empty database and returns the demo logins", () => {
    expect(result.seeded).toBe(true);
    expect(result.logins).toHaveLength(8);
    expect(result.logins.every((l) => l.password === DEMO_PASSWORD)).toBe(true);
    expect(result.logins.map((l) => l.email)).toEqual([
      "admin@medianum.test",
      "coordination@medianum.test",
      ...[1, 2, 3, 4, 5, 6].map((i) => `conseiller${i}@medianum.test`),
    ]);
    expect(result.summary.communes).toBeGreaterThan(300);
  });

  it("loads the communes and EPCIs of Lot-et-Garonne with a fragility index", async () => {
    const communes = await db.prisma.commune.findMany({ where: { departementCode: "47" }, include: { epci: true } });
    expect(communes.length).toBeGreaterThan(300);
    for (const c of communes) {
      expect(c.inseeCode).toMatch(/^47\d{3}$/);
      expect(c.epci, `${c.name} sans EPCI`).not.toBeNull();
      expect(c.postalCodes.length).toBeGreaterThan(0);
      expect(c.fragilityIndex).not.toBeNull();
      expect(c.fragilityIndex!).toBeGreaterThanOrEqual(0);
      expect(c.fragilityIndex!).toBeLessThanOrEqual(25);
      const band = { highly_fragile: [17, 21], mixed: [13, 17], less_exposed: [10, 14] }[c.epci!.fragilityGroup ?? "mixed"]!;
      expect(c.fragilityIndex!, `${c.name} (${c.epci!.fragilityGroup})`).toBeGreaterThanOrEqual(band[0]!);
      expect(c.fragilityIndex!, `${c.name} (${c.epci!.fragilityGroup})`).toBeLessThanOrEqual(band[1]!);
    }
    expect(communes.find((c) => c.inseeCode === "47001")?.name).toBe("Agen");
    // A demo commune with places has a centre among them (the portal measures distances from it).
    const agen = communes.find((c) => c.inseeCode === "47001")!;
    expect(agen.latitude).toBeCloseTo(44.2, 1);
    expect(agen.longitude).toBeCloseTo(0.6, 1);

    // The 11 EPCIs of the département fall in the three published groups.
    const epcis = await db.prisma.epci.findMany({ where: { departementCode: "47" } });
    expect(epcis).toHaveLength(11);
    expect(epcis.filter((e) => e.fragilityGroup === null)).toEqual([]);
    expect(countBy(epcis, (e) => e.fragilityGroup!)).toEqual({ mixed: 5, highly_fragile: 5, less_exposed: 1 });
    expectCodes(fragilityGroups, (await db.prisma.epci.findMany()).map((e) => e.fragilityGroup), "Epci.fragilityGroup");

    // The mean index stays near the département's published value (15).
    const mean = communes.reduce((s, c) => s + c.fragilityIndex!, 0) / communes.length;
    expect(mean).toBeGreaterThan(14);
    expect(mean).toBeLessThan(18);
  });

  it("creates 8 users with the 3 roles and counsellor profiles", async () => {
    const users = await db.prisma.user.findMany({ include: { counsellor: true } });
    expect(users).toHaveLength(8);
    expectCodes(roles, users.map((u) => u.role), "User.role");
    expect(countBy(users, (u) => u.role)).toEqual({
      admin: 1,
      coordinator: 1,
      counsellor: 6,
    });
    expect(users.every((u) => u.passwordHash === `test-hash:${DEMO_PASSWORD}`)).toBe(true);
    const epciCodes = new Set((await db.prisma.epci.findMany()).map((e) => e.code));
    for (const u of users.filter((x) => x.role === "counsellor")) {
      expect(u.counsellor).not.toBeNull();
      expect(u.counsellor!.usualPlaceId).not.toBeNull();
      expect(u.counsellor!.postStartsOn).not.toBeNull();
      expect(u.counsellor!.territoryEpciCodes.length).toBeGreaterThan(0);
      expect(u.counsellor!.territoryEpciCodes.every((c) => epciCodes.has(c))).toBe(true);
    }
  });

  it("creates about 20 places in communes of 47 and a dozen partners", async () => {
    const places = await db.prisma.place.findMany({ include: { commune: true } });
    expect(places.length).toBeGreaterThanOrEqual(18);
    expect(places.length).toBeLessThanOrEqual(25);
    for (const p of places) {
      expect(p.commune.departementCode).toBe("47");
      expect(p.commune.postalCodes).toContain(p.postalCode);
      expect(openingHoursSchema.safeParse(p.openingHours).success, p.name).toBe(true);
    }
    expectCodes(placeTypes, places.map((p) => p.type), "Place.type");
    expectCodes(placeServices, places.flatMap((p) => p.services), "Place.services");
    expect(places.filter((p) => p.type === "centre_medico_social")).toHaveLength(8);

    const partners = await db.prisma.partner.findMany();
    expect(partners.length).toBeGreaterThanOrEqual(10);
    expectCodes(partnerKinds, partners.map((p) => p.kind), "Partner.kind");
    expectCodes(placeServices, partners.flatMap((p) => p.services), "Partner.services");
    for (const p of partners) expect(openingHoursSchema.safeParse(p.openingHours).success, p.name).toBe(true);
  });

  it("plans upcoming e-parentalité sessions, one full and some nearly full", async () => {
    const workshops = await db.prisma.workshop.findMany();
    expect(workshops.length).toBeGreaterThanOrEqual(5);
    expectCodes(workshopThemes, workshops.map((w) => w.theme), "Workshop.theme");
    expectCodes(audiences, workshops.map((w) => w.audience), "Workshop.audience");

    const sessions = await db.prisma.workshopSession.findMany({ include: { registrations: true, counsellors: true } });
    expectCodes(sessionStatuses, sessions.map((s) => s.status), "WorkshopSession.status");
    const regs = sessions.flatMap((s) => s.registrations);
    expectCodes(registrationStatuses, regs.map((r) => r.status), "Registration.status");
    expect(regs.every((r) => /^[0-9a-f]{64}$/.test(r.manageTokenHash))).toBe(true);
    expect(regs.every((r) => !r.email || r.email.endsWith("@exemple.fr"))).toBe(true);
    expect(regs.every((r) => r.email || r.phone)).toBe(true);

    const upcoming = sessions.filter((s) => s.status === "scheduled" && s.startsAt > now);
    expect(upcoming.length).toBeGreaterThanOrEqual(12);
    expect(upcoming.every((s) => s.startsAt < addDays(now, 8 * 7 + 1))).toBe(true);
    const left = upcoming.map((s) => {
      expect(s.capacity).toBeGreaterThanOrEqual(8);
      expect(s.capacity).toBeLessThanOrEqual(15);
      expect(s.counsellors.length).toBeGreaterThanOrEqual(1);
      expect(s.counsellors.length).toBeLessThanOrEqual(2);
      const taken = s.registrations.filter((r) => SEAT_HOLDING_STATUSES.includes(r.status as never)).reduce((n, r) => n + r.seats, 0);
      expect(taken).toBeLessThanOrEqual(s.capacity);
      expect(s.registrations.filter((r) => SEAT_HOLDING_STATUSES.includes(r.status as never)).every((r) => r.status === "confirmed")).toBe(true);
      return s.capacity - taken;
    });
    expect(left.filter((l) => l === 0).length).toBeGreaterThanOrEqual(1);
    expect(left.filter((l) => l === 1 || l === 2).length).toBeGreaterThanOrEqual(1);

    const past = sessions.filter((s) => s.startsAt < now);
    expect(past.length).toBeGreaterThanOrEqual(3);
    expect(past.every((s) => s.status === "done")).toBe(true);
    const pastStatuses = new Set(past.flatMap((s) => s.registrations.map((r) => r.status)));
    expect([...pastStatuses].sort()).toEqual(["attended", "no_show"]);
  });

  it("stores collège requests in at least 5 statuses with valid UAIs and consistent histories", async () => {
    const requests = await db.prisma.collegeRequest.findMany({
      include: { events: { orderBy: { createdAt: "asc" } }, classes: true, sessions: { include: { classes: true, counsellors: true } } },
    });
    expectCodes(collegeRequestStatuses, requests.map((r) => r.status), "CollegeRequest.status");
    expect(new Set(requests.map((r) => r.status)).size).toBeGreaterThanOrEqual(5);
    expectCodes(requesterRoles, requests.map((r) => r.requesterRole), "CollegeRequest.requesterRole");
    expectCodes(collegeTopics, requests.flatMap((r) => r.topics), "CollegeRequest.topics");
    for (const r of requests) {
      expect(checkUai(r.uai), r.uai).toEqual({ ok: true, uai: r.uai });
      expect(r.uai.startsWith("047")).toBe(true);
      expect(r.communeInsee.startsWith("47")).toBe(true);
      expect(Array.isArray(r.periods) && (r.periods as unknown[]).length > 0).toBe(true);
      for (const p of r.periods as unknown[]) expect(periodSchema.safeParse(p).success).toBe(true);
      expect(r.classes.length).toBeGreaterThan(0);
      expectCodes(classLevels, r.classes.map((c) => c.level), "CollegeClass.level");
      expect(r.classes.every((c) => c.pupils >= 1 && c.pupils <= 40)).toBe(true);

      const [first, ...rest] = r.events;
      // A collège that booked a published slot is scheduled at once; a request starts received.
      const bookedSlot = r.sessions.some((s) => s.slotId !== null);
      let status: CollegeRequestStatus = bookedSlot ? "scheduled" : "received";
      expect(first).toMatchObject({ fromStatus: null, toStatus: status, actorType: "college" });
      for (const e of rest) {
        expect(e.fromStatus).toBe(status);
        const check = checkTransition(status, e.toStatus as CollegeRequestStatus, e.actorType as CollegeRequestActor, e.reason);
        expect(check, `${r.establishmentName}: ${status} → ${e.toStatus}`).toEqual({ ok: true });
        if (e.actorType === "college") expect(e.actorUserId).toBeNull();
        else expect(e.actorUserId).not.toBeNull();
        status = e.toStatus as CollegeRequestStatus;
      }
      expect(status).toBe(r.status);
      expect(r.events.every((e) => e.createdAt <= now)).toBe(true);

      if (r.status === "scheduled" || r.status === "done") {
        expect(r.sessions).toHaveLength(1);
        const s = r.sessions[0]!;
        expect(s.classes.length).toBe(r.classes.length);
        expect(s.counsellors.length).toBeGreaterThanOrEqual(1);
        expect(s.status).toBe(r.status === "done" ? "done" : "scheduled");
        expect(r.status === "done" ? s.startsAt < now : s.startsAt > now).toBe(true);
        expectCodes(collegeTopics, s.topicsCovered, "CollegeSession.topicsCovered");
      } else {
        expect(r.sessions).toHaveLength(0);
      }
      if (r.status === "done") {
        expect(await db.prisma.activityRecord.count({ where: { collegeSessionId: r.sessions[0]!.id } })).toBe(1);
      }
      if (r.status === "declined") expect(r.declineReason).toBeTruthy();
    }
  });

  it("records a year of activity with valid Coop codes", async () => {
    const records = await db.prisma.activityRecord.findMany();
    expect(records.length).toBeGreaterThanOrEqual(300);
    expect(records.length).toBeLessThanOrEqual(500);
    const yearAgo = addDays(today, -365);
    expect(records.filter((r) => r.date < yearAgo || r.date > today)).toEqual([]);

    expectCodes(activityTypes, records.map((r) => r.type), "type");
    expectCodes(locationTypes, records.map((r) => r.locationType), "locationType");
    expectCodes(mediationThemes, records.flatMap((r) => r.themes), "themes");
    expectCodes(administrativeThemes, records.flatMap((r) => r.administrativeThemes), "administrativeThemes");
    expectCodes(equipment, records.flatMap((r) => r.equipment), "equipment");
    expectCodes(autonomyLevels, records.map((r) => r.autonomy), "autonomy");
    expectCodes(redirectionStructures, records.map((r) => r.redirectionStructure), "redirectionStructure");
    expectCodes(genders, records.map((r) => r.gender), "gender");
    expectCodes(ageBrackets, records.map((r) => r.ageBracket), "ageBracket");
    expectCodes(socialStatuses, records.map((r) => r.socialStatus), "socialStatus");
    expectCodes(workshopLevels, records.map((r) => r.workshopLevel), "workshopLevel");

    const individual = records.filter((r) => r.type === "Individuel");
    const collective = records.filter((r) => r.type === "Collectif");
    expect(individual.length).toBeGreaterThan(collective.length * 4);
    expect(collective.length).toBeGreaterThan(0);

    // Device handling comes first, as in the Tarn figures.
    const themeCounts = new Map<string, number>();
    for (const t of individual.flatMap((r) => r.themes)) themeCounts.set(t, (themeCounts.get(t) ?? 0) + 1);
    const top = [...themeCounts].sort((a, b) => b[1] - a[1]).map(([t]) => t);
    expect(top[0]).toBe("PrendreEnMainDuMateriel");
    expect(top.slice(0, 5)).toEqual(expect.arrayContaining(["AideAuxDemarchesAdministratives", "CultureNumerique"]));

    // Each row passes the API's own input schemas.
    const base = (r: (typeof records)[number]) => ({
      id: r.id,
      date: r.date.toISOString().slice(0, 10),
      durationMinutes: r.durationMinutes,
      locationType: r.locationType,
      placeId: r.placeId,
      communeInsee: r.communeInsee,
      themes: r.themes,
      administrativeThemes: r.administrativeThemes,
      administrativeDetail: r.administrativeDetail ?? undefined,
      equipment: r.equipment,
      notes: r.notes ?? undefined,
    });
    for (const r of individual) {
      const res = individualRecordInput.safeParse({
        ...base(r),
        autonomy: r.autonomy,
        redirectionStructure: r.redirectionStructure,
        gender: r.gender,
        ageBracket: r.ageBracket,
        socialStatus: r.socialStatus,
        beneficiaryId: r.beneficiaryId,
      });
      expect(res.error?.issues ?? [], r.id).toEqual([]);
    }
    for (const r of collective) {
      expect(participantBreakdownSchema.safeParse(r.participantBreakdown).success).toBe(true);
      const res = collectiveRecordInput.safeParse({
        ...base(r),
        workshopTitle: r.workshopTitle,
        workshopLevel: r.workshopLevel,
        participantsCount: r.participantsCount,
        breakdown: r.participantBreakdown,
        workshopSessionId: r.workshopSessionId,
        collegeSessionId: r.collegeSessionId,
      });
      expect(res.error?.issues ?? [], r.id).toEqual([]);
    }

    // Records are by the counsellors, at places of their territory or in its communes.
    const counsellors = await db.prisma.counsellor.findMany();
    expect(new Set(records.map((r) => r.counsellorId))).toEqual(new Set(counsellors.map((c) => c.id)));
  });

  it("publishes collège slots for the portal: some booked, none over its classes, each booking in the territory it serves", async () => {
    const slots = await db.prisma.collegeSlot.findMany({
      include: { counsellors: true, sessions: { include: { classes: true, counsellors: true, request: { include: { commune: true } } } } },
      orderBy: { startsAt: "asc" },
    });
    expect(slots.length).toBeGreaterThanOrEqual(15);
    expectCodes(collegeSlotStatuses, slots.map((s) => s.status), "CollegeSlot.status");
    expectCodes(collegeTopics, slots.flatMap((s) => s.topics), "CollegeSlot.topics");
    const classesLeft = (s: (typeof slots)[number]) => s.capacityClasses - s.sessions.filter((x) => x.status !== "cancelled").reduce((n, x) => n + x.classes.length, 0);
    for (const s of slots) {
      expect(classesLeft(s), `créneau du ${s.startsAt.toISOString()}`).toBeGreaterThanOrEqual(0);
      expect(s.counsellors.length).toBeGreaterThanOrEqual(1);
      for (const booked of s.sessions) {
        expect(booked.startsAt).toEqual(s.startsAt);
        expect(booked.durationMinutes).toBe(s.durationMinutes);
        expect(booked.counsellors.map((c) => c.counsellorId).sort()).toEqual(s.counsellors.map((c) => c.counsellorId).sort());
        expect(slotServes(s, booked.request.commune)).toBe(true);
        expect(booked.request.topics.every((t) => s.topics.includes(t))).toBe(true);
      }
    }
    const upcoming = slots.filter((s) => s.startsAt > now);
    // On the portal: slots with room, one partly booked, one full; steering: past slots, booked and not.
    expect(upcoming.filter((s) => classesLeft(s) === s.capacityClasses).length).toBeGreaterThanOrEqual(5);
    expect(upcoming.some((s) => classesLeft(s) > 0 && classesLeft(s) < s.capacityClasses)).toBe(true);
    expect(upcoming.some((s) => classesLeft(s) === 0)).toBe(true);
    const past = slots.filter((s) => s.startsAt <= now);
    expect(past.some((s) => s.sessions.length > 0)).toBe(true);
    expect(past.some((s) => s.sessions.length === 0)).toBe(true);
    // A whole-département publication too, with a booking deadline.
    expect(slots.some((s) => s.epciCodes.length === 0 && s.communeInsees.length === 0 && s.bookingClosesAt !== null && s.bookingClosesAt < s.startsAt)).toBe(true);
  });

  it("stores feedback answers that point to no one, enough for the dashboard to show figures", async () => {
    const answers = await db.prisma.feedbackAnswer.findMany();
    const invitations = await db.prisma.feedbackInvitation.findMany();
    expectCodes(feedbackKinds, answers.map((a) => a.kind), "FeedbackAnswer.kind");
    expectCodes(recommendAnswers, answers.map((a) => a.recommend), "FeedbackAnswer.recommend");
    expect(answers.every((a) => a.usefulness >= 1 && a.usefulness <= 4)).toBe(true);
    expect(answers.every((a) => a.month.getUTCDate() === 1 && a.month <= now)).toBe(true);
    // Every answer used a slot of an invitation, kind by kind; the invitations name people, answers do not.
    for (const kind of feedbackKinds.values) {
      expect(answers.filter((a) => a.kind === kind).length, kind).toBe(invitations.filter((i) => i.kind === kind).reduce((n, i) => n + i.answerCount, 0));
      expect(answers.filter((a) => a.kind === kind).length, kind).toBeGreaterThan(0);
    }
    expect(invitations.every((i) => i.answerCount <= i.maxAnswers)).toBe(true);
    expect(new Set(invitations.filter((i) => i.tokenHash).map((i) => i.tokenHash)).size).toBe(invitations.filter((i) => i.tokenHash).length);
    // Some theme passes the threshold, so the dashboard shows figures, not only « moins de 5 réponses ».
    const byTheme = new Map<string, number>();
    for (const a of answers) for (const t of a.themes) byTheme.set(t, (byTheme.get(t) ?? 0) + 1);
    expect(Math.max(...byTheme.values())).toBeGreaterThanOrEqual(FEEDBACK_MIN_ANSWERS);
    expect(answers.some((a) => a.comment !== null)).toBe(true);
  });

  it("allots Pass numérique cheques to every counsellor", async () => {
    const cheques = await db.prisma.passCheque.findMany();
    expect(cheques.length).toBeGreaterThanOrEqual(180);
    expect(cheques.length).toBeLessThanOrEqual(250);
    expectCodes(passChequeStatuses, cheques.map((c) => c.status), "PassCheque.status");
    expect(cheques.every((c) => /^PN47-\d{6}$/.test(c.number))).toBe(true);
    const counsellors = await db.prisma.counsellor.findMany();
    for (const c of counsellors) {
      const mine = cheques.filter((x) => x.counsellorId === c.id);
      expect(mine.length).toBeGreaterThanOrEqual(30);
      expect(mine.length).toBeLessThanOrEqual(40);
      expect(mine.some((x) => x.status === "prescribed" || x.status === "used")).toBe(true);
    }
    for (const ch of cheques) {
      if (ch.status === "prescribed" || ch.status === "used") expect(ch.prescriptionId).not.toBeNull();
      if (ch.status === "used") expect(ch.usedAt).not.toBeNull();
      if (ch.status === "in_stock") expect(ch.prescriptionId).toBeNull();
    }
    expect(cheques.filter((c) => c.status === "used").length).toBeGreaterThan(0);
    expect(await db.prisma.passPrescription.count()).toBeGreaterThan(0);
  });

  it("sets yearly objectives for the current year", async () => {
    const year = Number(today.toISOString().slice(0, 4));
    expect(await db.prisma.yearlyObjective.count({ where: { year } })).toBeGreaterThanOrEqual(2);
  });

  it("does nothing on a database that already has users", async () => {
    const before = await countAll(db);
    const again = await seedDemo(db.prisma, { hashPassword, now });
    expect(again).toEqual({ seeded: false, summary: {}, logins: [] });
    expect(await countAll(db)).toEqual(before);
    // The summary returned by the first run matches what is stored.
    for (const [k, v] of Object.entries(before)) expect(result.summary[k], k).toBe(v);
  });

  it("is deterministic for a given `now`", async () => {
    const other = await createTestDatabase();
    try {
      const second = await seedDemo(other.prisma, { hashPassword, now });
      expect(second.summary).toEqual(result.summary);
      const indices = async (d: Database) =>
        (await d.prisma.commune.findMany({ orderBy: { inseeCode: "asc" }, select: { inseeCode: true, fragilityIndex: true } })).map(
          (c) => `${c.inseeCode}:${c.fragilityIndex}`,
        );
      expect(await indices(other)).toEqual(await indices(db));
    } finally {
      await other.close();
    }
  });
});
