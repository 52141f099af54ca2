import { randomUUID } from "node:crypto";
import type { PublishSlotsInput } from "@medianum/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, createUser, createWorkshopSession, createPlace, errorOf, seedTerritory, type Harness, type TestClient } from "./harness.js";

// Published collège slots through the tRPC router on a real database: the coordination publishes
// in bulk, a collège books on the portal and gets what a triaged request gets, either side
// cancels and the classes go back on the portal.

let h: Harness;
let coordinator: TestClient;
let counsellorClient: TestClient;
let counsellorA: string;
let counsellorB: string;
let ip = 1;
const college = () => h.client(`198.51.100.${ip++}`);
const START = new Date("2026-12-01T10:00:00Z");

function publication(overrides: Partial<PublishSlotsInput> = {}): PublishSlotsInput {
  return {
    from: "2027-01-01",
    to: "2027-01-31",
    weekdays: ["2", "4"],
    times: ["09:00"],
    durationMinutes: 55,
    topics: ["cyberbullying", "e_reputation"],
    counsellorIds: [counsellorA, counsellorB],
    capacityClasses: 3,
    ...overrides,
  };
}

function booking(slotId: string, overrides: Record<string, unknown> = {}) {
  return {
    slotId,
    uai: "0470040N",
    establishmentName: "Collège Jasmin",
    address: "12 rue Jasmin",
    communeInsee: "47001",
    requesterName: "Claire Dupuy",
    requesterRole: "cpe" as const,
    email: `cpe-${randomUUID().slice(0, 8)}@college.fr`,
    classes: [
      { level: "5e" as const, name: "5e A", pupils: 26 },
      { level: "4e" as const, name: "4e B", pupils: 24 },
    ],
    topics: ["cyberbullying" as const],
    consent: true as const,
    ...overrides,
  };
}

async function publishJanuary(overrides: Partial<PublishSlotsInput> = {}) {
  const res = await (await coordinator.api()).collegeSlot.publish(publication(overrides));
  if (res.outcome !== "published") throw new Error(`not published: ${JSON.stringify(res)}`);
  return res.slotIds;
}

async function slotView(slotId: string) {
  return (await college().api()).collegeSlot.slot({ slotId });
}

beforeAll(async () => {
  h = await createHarness(START);
  await seedTerritory(h.db);
  await createUser(h.db, "coordinator", "coord@medianum.test", "Camille Coordination");
  const a = await createUser(h.db, "counsellor", "a@medianum.test", "Alex Conseiller");
  const b = await createUser(h.db, "counsellor", "b@medianum.test", "Bea Conseillère");
  counsellorA = a.counsellor!.id;
  counsellorB = b.counsellor!.id;
  coordinator = h.client("203.0.113.1");
  await coordinator.login("coord@medianum.test");
  counsellorClient = h.client("203.0.113.2");
  await counsellorClient.login("a@medianum.test");
});
afterAll(() => h?.close());

describe("publishing slots in bulk", () => {
  it("every Tuesday and Thursday morning of January: 8 slots, listed on the portal for Agen", async () => {
    const ids = await publishJanuary();
    expect(ids).toHaveLength(8);
    const listed = await (await college().api()).collegeSlot.search({ communeInsee: "47001" });
    expect(listed.map((s) => s.id)).toEqual(ids);
    expect(listed[0]).toMatchObject({ classesLeft: 3, bookable: true, area: "Tout le département", topics: ["cyberbullying", "e_reputation"] });
  });

  it("warns of the counsellors' agendas (a workshop, a slot already published) and saves nothing until confirmed", async () => {
    const place = await createPlace(h.db);
    await createWorkshopSession(h.db, { placeId: place.id, capacity: 10, startsAt: new Date("2027-02-02T08:30:00Z"), counsellorIds: [counsellorA], title: "Atelier écrans" });
    const before = await h.db.prisma.collegeSlot.count();
    const api = await coordinator.api();
    const res = await api.collegeSlot.publish(publication({ from: "2027-02-01", to: "2027-02-07", weekdays: ["2"] }));
    expect(res.outcome).toBe("conflicts");
    if (res.outcome !== "conflicts") return;
    expect(res.conflicts.map((c) => `${c.counsellorName}: ${c.kind} ${c.title}`)).toEqual(["Alex Conseiller: workshop Atelier écrans"]);
    expect(await h.db.prisma.collegeSlot.count()).toBe(before);

    const confirmed = await api.collegeSlot.publish(publication({ from: "2027-02-01", to: "2027-02-07", weekdays: ["2"], confirmConflicts: true }));
    expect(confirmed).toMatchObject({ outcome: "published", count: 1 });
    // The same counsellors offered twice at once: the slot already published is a conflict too.
    const twice = await api.collegeSlot.publish(publication({ from: "2027-02-01", to: "2027-02-07", weekdays: ["2"], counsellorIds: [counsellorB] }));
    expect(twice.outcome === "conflicts" && twice.conflicts[0]!.title).toMatch(/Créneau collèges déjà publié/);
    expect(twice.outcome === "conflicts" && twice.conflicts[0]!.kind).toBe("slot");
  });

  it("scheduling a triaged request over a counsellor's published slot warns of it", async () => {
    await publishJanuary({ from: "2027-05-03", to: "2027-05-09", weekdays: ["1"], counsellorIds: [counsellorA] });
    const { requestId } = await (await college().api()).college.submit({ ...booking(randomUUID()), periods: [{ from: "2027-05-03", to: "2027-05-03" }] });
    const detail = await (await coordinator.api()).college.request({ id: requestId });
    const res = await (await coordinator.api()).college.schedule({
      requestId,
      sessions: [{ classIds: [detail.classes[0]!.id], day: "2027-05-03", time: "09:30", durationMinutes: 55, counsellorIds: [counsellorA] }],
    });
    expect(res.outcome).toBe("conflicts");
    expect(res.conflicts.map((c) => [c.kind, c.counsellorName])).toEqual([["slot", "Alex Conseiller"]]);
  });

  it("refuses an unknown counsellor and a pattern whose days are all past, in French", async () => {
    const api = await coordinator.api();
    expect((await errorOf(() => api.collegeSlot.publish(publication({ counsellorIds: [randomUUID()] })))).message).toMatch(/conseillers choisis est introuvable/);
    expect((await errorOf(() => api.collegeSlot.publish(publication({ from: "2026-11-02", to: "2026-11-30" })))).message).toMatch(/dates sont passées/);
  });

  it("only staff publish, list, withdraw and read the figures; a counsellor or a visitor cannot", async () => {
    const anon = await college().api();
    expect((await errorOf(() => anon.collegeSlot.publish(publication()))).code).toBe("UNAUTHORIZED");
    expect((await errorOf(() => anon.collegeSlot.list({}))).code).toBe("UNAUTHORIZED");
    const counsellor = await counsellorClient.api();
    expect((await errorOf(() => counsellor.collegeSlot.publish(publication()))).code).toBe("FORBIDDEN");
    expect((await errorOf(() => counsellor.collegeSlot.withdraw({ slotId: randomUUID() }))).code).toBe("FORBIDDEN");
    expect((await errorOf(() => counsellor.collegeSlot.figures({}))).code).toBe("FORBIDDEN");
  });
});

describe("booking by a collège", () => {
  it("books two classes: request « Programmée » with its tracking link, one session with the slot's counsellors, e-mail and .ics to all", async () => {
    const [slotId] = await publishJanuary({ from: "2027-03-01", to: "2027-03-07", weekdays: ["2"] });
    const input = booking(slotId!);
    const res = await (await college().api()).collegeSlot.book(input);
    expect(res.email).toBe(input.email);

    const tracking = await (await college().api()).college.tracking({ token: res.trackingToken });
    expect(tracking.status).toBe("scheduled");
    expect(tracking.sessions).toHaveLength(1);
    expect(tracking.sessions[0]).toMatchObject({ status: "scheduled", classes: ["5e A", "4e B"], counsellors: expect.arrayContaining(["Alex Conseiller", "Bea Conseillère"]) });
    expect(tracking.canCancel).toBe(true);

    expect(await slotView(slotId!)).toMatchObject({ classesLeft: 1, bookable: true });

    const mails = await h.db.prisma.outboxEmail.findMany({ where: { OR: [{ to: input.email }, { to: { in: ["a@medianum.test", "b@medianum.test"] } }] }, orderBy: { seq: "asc" } });
    const notice = mails.find((m) => m.to === input.email && !m.ics);
    expect(notice?.subject).toBe("Séance de sensibilisation programmée — Collège Jasmin");
    expect(notice?.text).toMatch(/Statut de votre demande : Programmée/);
    const invitations = mails.filter((m) => m.ics?.includes("METHOD:REQUEST"));
    expect(invitations.map((m) => m.to).sort()).toEqual([input.email, "a@medianum.test", "b@medianum.test"].sort());

    // The counsellor's offline snapshot holds the session, as for a triaged request.
    const snapshot = await (await counsellorClient.api()).sync.snapshot();
    expect(snapshot.collegeSessions.some((s) => s.establishmentName === "Collège Jasmin" && s.startsAt.getTime() === tracking.sessions[0]!.startsAt.getTime())).toBe(true);

    // In the back-office inbox it is an ordinary scheduled request.
    const inbox = await (await coordinator.api()).college.requests({ status: "scheduled" });
    expect(inbox.some((r) => r.id === res.requestId)).toBe(true);
  });

  it("never exceeds the slot's classes: too many says how many are left, a full slot says so and books nothing", async () => {
    const [slotId] = await publishJanuary({ from: "2027-03-08", to: "2027-03-14", weekdays: ["2"], capacityClasses: 2 });
    const requestsBefore = await h.db.prisma.collegeRequest.count();
    const tooMany = await errorOf(async () =>
      (await college().api()).collegeSlot.book(booking(slotId!, { classes: [1, 2, 3].map((i) => ({ level: "6e", name: `6e ${i}`, pupils: 20 })) })),
    );
    expect(tooMany.code).toBe("CONFLICT");
    expect(tooMany.message).toMatch(/n'accueille plus que 2 classes/);
    await (await college().api()).collegeSlot.book(booking(slotId!));
    const full = await errorOf(async () => (await college().api()).collegeSlot.book(booking(slotId!, { classes: [{ level: "3e", pupils: 20 }] })));
    expect(full.message).toMatch(/complet : faites une demande de séance/);
    expect(full.details).toMatchObject({ reason: "full" });
    expect(await h.db.prisma.collegeRequest.count()).toBe(requestsBefore + 1);
    expect(await slotView(slotId!)).toMatchObject({ classesLeft: 0, bookable: false });
  });

  it("closes at its deadline and refuses a commune it does not serve or a topic it does not offer", async () => {
    const [slotId] = await publishJanuary({ from: "2027-03-15", to: "2027-03-21", weekdays: ["2"], deadlineDays: 3, communeInsees: ["47086"] });
    const api = await college().api();
    expect((await errorOf(() => api.collegeSlot.book(booking(slotId!)))).message).toMatch(/pas proposé aux collèges de cette commune \(Agen\)/);
    expect((await errorOf(() => api.collegeSlot.book(booking(slotId!, { communeInsee: "47086", topics: ["social_network_economics"] })))).message).toMatch(
      /ne propose pas « Fonctionnement économique des réseaux sociaux »/,
    );
    // Not listed for Agen, listed for Duras.
    expect((await api.collegeSlot.search({ communeInsee: "47001", from: "2027-03-15" })).some((s) => s.id === slotId)).toBe(false);
    expect((await api.collegeSlot.search({ communeInsee: "47086", from: "2027-03-15" })).map((s) => s.id)).toContain(slotId);

    // Tuesday 16 March, three days before: closes at midnight starting Saturday 13 March (Paris).
    h.clock.now = new Date("2027-03-12T22:59:00Z");
    expect(await slotView(slotId!)).toMatchObject({ bookable: true });
    h.clock.now = new Date("2027-03-12T23:00:00Z");
    expect(await slotView(slotId!)).toMatchObject({ bookable: false, classesLeft: 3 });
    const closed = await errorOf(async () => (await college().api()).collegeSlot.book(booking(slotId!, { communeInsee: "47086" })));
    expect(closed.message).toMatch(/réservations de ce créneau sont closes/);
    h.clock.now = START;
    await coordinator.login("coord@medianum.test");
    await counsellorClient.login("a@medianum.test");
  });

  it("refuses bad input with the form's French messages, never a 500", async () => {
    const api = await college().api();
    const e = await errorOf(() => api.collegeSlot.book({ ...booking(randomUUID()), uai: "0470040A" }));
    expect(e.code).toBe("BAD_REQUEST");
    expect(e.message).toMatch(/UAI/);
    expect((await errorOf(() => api.collegeSlot.book(booking(randomUUID())))).code).toBe("NOT_FOUND");
  });
});

describe("cancellation frees the classes", () => {
  it("the collège cancels from its tracking page: classes back on the portal, .ics CANCEL to the counsellors", async () => {
    const [slotId] = await publishJanuary({ from: "2027-04-05", to: "2027-04-11", weekdays: ["4"], capacityClasses: 2 });
    const res = await (await college().api()).collegeSlot.book(booking(slotId!));
    expect(await slotView(slotId!)).toMatchObject({ classesLeft: 0, bookable: false });
    await (await college().api()).college.trackingCancel({ token: res.trackingToken, reason: "Sortie scolaire ce jour-là" });
    expect(await slotView(slotId!)).toMatchObject({ classesLeft: 2, bookable: true });
    const cancels = await h.db.prisma.outboxEmail.findMany({ where: { to: "b@medianum.test", ics: { contains: "METHOD:CANCEL" } } });
    expect(cancels.length).toBeGreaterThan(0);
    // Another collège takes the freed place.
    await (await college().api()).collegeSlot.book(booking(slotId!, { uai: "0470041P", establishmentName: "Collège Lomet" }));
    expect(await slotView(slotId!)).toMatchObject({ classesLeft: 0 });
  });

  it("staff cancel the booked session: the collège is told, the request goes back to review, the classes are free again", async () => {
    const [slotId] = await publishJanuary({ from: "2027-04-12", to: "2027-04-18", weekdays: ["4"], capacityClasses: 2 });
    const res = await (await college().api()).collegeSlot.book(booking(slotId!));
    const session = await h.db.prisma.collegeSession.findFirstOrThrow({ where: { requestId: res.requestId } });
    await (await coordinator.api()).college.cancelSession({ sessionId: session.id, reason: "Conseiller en formation" });
    expect(await slotView(slotId!)).toMatchObject({ classesLeft: 2 });
    const tracking = await (await college().api()).college.tracking({ token: res.trackingToken });
    expect(tracking.status).toBe("under_review");
  });

  it("withdrawing a slot takes it off the portal and cancels its bookings with notice", async () => {
    const [slotId] = await publishJanuary({ from: "2027-04-19", to: "2027-04-25", weekdays: ["4"] });
    const res = await (await college().api()).collegeSlot.book(booking(slotId!, { classes: [{ level: "6e", pupils: 22 }] }));
    const out = await (await coordinator.api()).collegeSlot.withdraw({ slotId: slotId!, reason: "Journée banalisée" });
    expect(out).toEqual({ cancelledSessions: 1 });
    expect((await errorOf(() => slotView(slotId!))).code).toBe("NOT_FOUND");
    const tracking = await (await college().api()).college.tracking({ token: res.trackingToken });
    expect(tracking.sessions[0]!.status).toBe("cancelled");
    const notice = await h.db.prisma.outboxEmail.findFirst({ where: { subject: { startsWith: "Séance annulée" }, text: { contains: "Journée banalisée" } } });
    expect(notice).not.toBeNull();
  });
});

describe("steering figures", () => {
  it("fill rate by month and territory, and the collèges known that neither booked nor requested in the period", async () => {
    // A collège known from last school year only.
    await h.db.prisma.collegeRequest.create({
      data: {
        uai: "0470099X",
        establishmentName: "Collège Ancien",
        communeInsee: "47086",
        requesterName: "Ancien contact",
        requesterRole: "teacher",
        email: "ancien@college.fr",
        topics: ["cyberbullying"],
        periods: [],
        status: "done",
        trackingTokenHash: randomUUID(),
        consentAt: new Date("2025-10-01T10:00:00Z"),
        createdAt: new Date("2025-10-01T10:00:00Z"),
      },
    });
    const f = await (await coordinator.api()).collegeSlot.figures({});
    expect(f.from).toBe("2026-09-01");
    const january = f.byMonth.find((m) => m.month === "2027-01")!;
    expect(january).toEqual({ month: "2027-01", slots: 8, capacityClasses: 24, bookedClasses: 0 });
    const march = f.byMonth.find((m) => m.month === "2027-03")!;
    // 2 + 2 booked out of 3 + 2 + 3 offered.
    expect(march).toEqual({ month: "2027-03", slots: 3, capacityClasses: 8, bookedClasses: 4 });
    expect(f.byTerritory.map((t) => t.territory)).toEqual(["Duras", "Tout le département"]);
    expect(f.notReached.map((c) => c.establishmentName)).toEqual(["Collège Ancien"]);
  });
});
