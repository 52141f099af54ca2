import { randomUUID } from "node:crypto";
import { instantToParisDayTime } from "@medianum/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAttendance } from "../src/booking/attendance.js";
import { booking, createHarness, createPlace, createUser, createWorkshopSession, errorOf, seedTerritory, type Harness, type TestClient } from "./harness.js";

let h: Harness;
let placeId: string;
let staff: TestClient;
let counsellorId: string;
let otherCounsellorId: string;
const inDays = (d: number) => new Date(h.clock.now.getTime() + d * 86_400_000);
/** What the back-office form sends: a Paris day and time. */
const startIn = (d: number) => instantToParisDayTime(inDays(d));

beforeAll(async () => {
  h = await createHarness();
  await seedTerritory(h.db);
  placeId = (await createPlace(h.db)).id;
  await createUser(h.db, "coordinator", "coord@medianum.test");
  counsellorId = (await createUser(h.db, "counsellor", "c1@medianum.test", "Léa Martin")).counsellor!.id;
  otherCounsellorId = (await createUser(h.db, "counsellor", "c2@medianum.test", "Marc Petit")).counsellor!.id;
  staff = h.client();
  await staff.login("coord@medianum.test");
});
afterAll(() => h.close());

describe("workshops and sessions (back-office)", () => {
  it("creates a workshop and a session, edits and duplicates it", async () => {
    const api = await staff.api();
    const w = await api.workshop.createWorkshop({
      title: "Pronote pas à pas",
      theme: "school_tools",
      audience: "parents",
      description: "Suivre la scolarité de son enfant en ligne.",
      contactEmail: "ateliers@cd47.test",
      contactPhone: "05 53 00 00 00",
    });
    const s = await api.workshop.createSession({ workshopId: w.id, ...startIn(10), durationMinutes: 90, placeId, capacity: 8, counsellorIds: [counsellorId] });
    const detail = await (await h.client().api()).booking.session({ id: s.id });
    expect(detail).toMatchObject({ title: "Pronote pas à pas", contactPhone: "0553000000", retentionMonths: 6, cancellationDeadlineHours: 4 });

    const copy = await api.workshop.duplicateSession({ id: s.id, ...startIn(17) });
    expect(await api.workshop.session({ id: copy.id })).toMatchObject({ capacity: 8, counsellorIds: [counsellorId], placeId });
    const bad = await errorOf(() => api.workshop.createSession({ workshopId: w.id, ...startIn(-1), durationMinutes: 90, placeId, capacity: 8 }));
    expect(bad.message).toBe("La séance doit commencer dans le futur.");
    const zero = await errorOf(() => api.workshop.createSession({ workshopId: w.id, ...startIn(3), durationMinutes: 90, placeId, capacity: 0 }));
    expect(zero.code).toBe("BAD_REQUEST");
  });

  it("saves the Paris time typed, on the days after both daylight-saving switches, whatever the server's zone", async () => {
    const api = await staff.api();
    const w = await api.workshop.createWorkshop({ title: "Heure d'été", theme: "school_tools", audience: "parents", description: "Une séance très matinale." });
    const cases = [
      { day: "2027-03-29", instant: "2027-03-29T02:04:00.000Z" },
      { day: "2027-11-01", instant: "2027-11-01T03:04:00.000Z" },
    ];
    for (const c of cases) {
      const s = await api.workshop.createSession({ workshopId: w.id, day: c.day, time: "04:04", durationMinutes: 60, placeId, capacity: 5 });
      const saved = await h.db.prisma.workshopSession.findUniqueOrThrow({ where: { id: s.id } });
      expect(saved.startsAt.toISOString()).toBe(c.instant);
      const copy = await api.workshop.duplicateSession({ id: s.id, day: c.day.replace("2027", "2028"), time: "04:04" });
      expect(instantToParisDayTime((await h.db.prisma.workshopSession.findUniqueOrThrow({ where: { id: copy.id } })).startsAt)).toEqual({ day: c.day.replace("2027", "2028"), time: "04:04" });
    }
  });

  it("keeps the invariant on capacity changes: never below the seats taken; raising it promotes the waitlist", async () => {
    const s = await createWorkshopSession(h.db, { placeId, capacity: 3, startsAt: inDays(11) });
    await (await h.client().api()).booking.book(booking(s.id, { seats: 3 }));
    await (await h.client().api()).booking.book(booking(s.id, { seats: 2, acceptWaitlist: true }));
    const api = await staff.api();
    const base = { id: s.id, ...instantToParisDayTime(s.startsAt), durationMinutes: 90, placeId, counsellorIds: [] };
    const err = await errorOf(() => api.workshop.updateSession({ ...base, capacity: 2 }));
    expect(err.code).toBe("CONFLICT");
    expect(err.message).toMatch(/3 places sont déjà prises/);
    expect(await api.workshop.updateSession({ ...base, capacity: 5 })).toMatchObject({ promoted: 1 });
    const sessions = await api.workshop.sessions({});
    expect(sessions.find((x) => x.id === s.id)).toMatchObject({ capacity: 5, seatsTaken: 5, waitlisted: 0 });
  });

  it("cancels a session and notifies every registrant with a CANCEL invitation", async () => {
    const s = await createWorkshopSession(h.db, { placeId, capacity: 2, startsAt: inDays(12) });
    await (await h.client().api()).booking.book(booking(s.id, { email: "un@exemple.fr" }));
    await (await h.client().api()).booking.book(booking(s.id, { email: "", phone: "0612345678" }));
    await (await h.client().api()).booking.book(booking(s.id, { email: "attente@exemple.fr", acceptWaitlist: true, seats: 2 }));
    const res = await (await staff.api()).workshop.cancelSession({ id: s.id, reason: "Salle indisponible" });
    expect(res).toEqual({ notified: 2, toCall: 1, registrations: 3 });
    const mail = await h.db.prisma.outboxEmail.findFirstOrThrow({ where: { to: "un@exemple.fr", subject: { startsWith: "Séance annulée" } } });
    expect(mail.text).toContain("Motif : Salle indisponible");
    expect(mail.ics).toMatch(/METHOD:CANCEL/);
    expect(await h.db.prisma.registration.count({ where: { sessionId: s.id, status: { not: "cancelled" } } })).toBe(0);
    expect((await errorOf(async () => (await h.client().api()).booking.session({ id: s.id }))).code).toBe("NOT_FOUND");
  });

  it("adds by staff, cancels, moves (all or nothing) and exports registrations as CSV", async () => {
    const a = await createWorkshopSession(h.db, { placeId, capacity: 4, startsAt: inDays(13), title: "Réseaux sociaux" });
    const b = await createWorkshopSession(h.db, { placeId, capacity: 2, startsAt: inDays(14) });
    const api = await staff.api();
    const added = await api.workshop.addRegistration({ sessionId: a.id, firstName: "Paul", lastName: "Durand", phone: "06 11 22 33 44", seats: 3 });
    expect(added.status).toBe("confirmed");
    const tooBig = await errorOf(() => api.workshop.moveRegistration({ registrationId: added.registrationId, toSessionId: b.id }));
    expect(tooBig.message).toBe("Il n'y a pas assez de places libres dans la séance choisie.");
    const other = await api.workshop.addRegistration({ sessionId: a.id, firstName: "Inès", lastName: "Roy", email: "ines@exemple.fr", seats: 1 });
    expect(await api.workshop.moveRegistration({ registrationId: other.registrationId, toSessionId: b.id })).toMatchObject({ status: "confirmed" });
    expect(await h.db.prisma.outboxEmail.count({ where: { to: "ines@exemple.fr", subject: { startsWith: "Changement de séance" } } })).toBe(1);
    await api.workshop.cancelRegistration({ registrationId: added.registrationId, notify: true });

    const { csv, filename } = await api.workshop.exportRegistrations({ sessionId: a.id });
    expect(filename).toMatch(/^inscriptions-.*reseaux-sociaux\.csv$/);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trim().split("\n");
    expect(lines[0]).toBe("Nom;Prénom;E-mail;Téléphone;Places;Statut;Besoin;Inscrit le;Origine");
    expect(lines[1]).toContain("Durand;Paul;;0611223344;3;Annulée");
    expect(lines[1]).toContain("Équipe");
  });

  it("refuses every staff action to counsellors and visitors", async () => {
    const c = h.client();
    await c.login("c1@medianum.test");
    for (const fn of [
      async () => (await c.api()).workshop.workshops(),
      async () => (await c.api()).outbox.list({}),
      async () => (await h.client().api()).workshop.cancelSession({ id: randomUUID(), reason: "x" }),
    ]) {
      expect(["FORBIDDEN", "UNAUTHORIZED"]).toContain((await errorOf(fn)).code);
    }
  });

  it("shows staff the outbox, with the message text and its calendar file", async () => {
    const list = await (await staff.api()).outbox.list({ search: "ines@" });
    expect(list).toMatchObject({ smtpConfigured: false, total: 2 });
    expect(list.items.map((m) => m.subject).sort()).toEqual(["Changement de séance : Les écrans en famille", "Inscription confirmée : Réseaux sociaux"]);
    const moved = list.items.find((m) => m.subject.startsWith("Changement"))!;
    const msg = await (await staff.api()).outbox.message({ id: moved.id });
    expect(msg.text).toContain("Bonjour Inès,");
    expect(msg.ics).toMatch(/BEGIN:VCALENDAR/);
  });
});

describe("attendance check-in (counsellor)", () => {
  it("marks present and absent, adds a walk-in idempotently, and keeps one collective activity record up to date", async () => {
    const s = await createWorkshopSession(h.db, { placeId, capacity: 6, startsAt: new Date(h.clock.now.getTime() + 3_600_000), counsellorIds: [counsellorId] });
    const r1 = await (await h.client().api()).booking.book(booking(s.id, { seats: 2 }));
    const r2 = await (await h.client().api()).booking.book(booking(s.id, { seats: 1 }));
    const c = h.client();
    await c.login("c1@medianum.test");
    const api = await c.api();
    expect((await api.booking.mySessions()).map((x) => x.id)).toContain(s.id);
    expect((await api.booking.attendanceSheet({ sessionId: s.id })).registrations).toHaveLength(2);

    await api.booking.recordAttendance({ kind: "mark", sessionId: s.id, registrationId: r1.registrationId, mark: "present" });
    await api.booking.recordAttendance({ kind: "mark", sessionId: s.id, registrationId: r2.registrationId, mark: "absent" });
    const clientId = randomUUID();
    const walkIn = { kind: "walk_in" as const, sessionId: s.id, clientId, firstName: "Lina", seats: 2 };
    const first = await api.booking.recordAttendance(walkIn);
    // The offline queue replays the same walk-in: nothing new is created.
    const again = await recordAttendance(h.db.prisma, counsellorId, walkIn, h.clock.now);
    expect(again.registrationId).toBe(first.registrationId);
    expect(again.presentCount).toBe(4);
    expect(await h.db.prisma.registration.count({ where: { sessionId: s.id } })).toBe(3);

    const records = await h.db.prisma.activityRecord.findMany({ where: { workshopSessionId: s.id } });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ type: "Collectif", participantsCount: 4, themes: ["Parentalite"], workshopTitle: "Les écrans en famille", placeId });
    // Changing a mark updates the same record.
    await api.booking.recordAttendance({ kind: "mark", sessionId: s.id, registrationId: r2.registrationId, mark: "present" });
    expect((await h.db.prisma.activityRecord.findUniqueOrThrow({ where: { workshopSessionId: s.id } })).participantsCount).toBe(5);
  });

  it("refuses check-in on a session that is not mine, without saying whether it exists", async () => {
    const s = await createWorkshopSession(h.db, { placeId, capacity: 6, startsAt: new Date(h.clock.now.getTime() + 3_600_000), counsellorIds: [otherCounsellorId] });
    const c = h.client();
    await c.login("c1@medianum.test");
    const err = await errorOf(async () => (await c.api()).booking.attendanceSheet({ sessionId: s.id }));
    expect(err.code).toBe("NOT_FOUND");
    const err2 = await errorOf(async () => (await c.api()).booking.recordAttendance({ kind: "walk_in", sessionId: s.id, clientId: randomUUID(), firstName: "X", seats: 1 }));
    expect(err2.message).toBe("Cette séance ne fait pas partie de vos séances.");
  });
});
