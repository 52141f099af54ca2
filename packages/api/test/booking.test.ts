import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "../src/shared/tokens.js";
import { booking, createHarness, createPlace, createUser, createWorkshopSession, errorOf, seedTerritory, type Harness } from "./harness.js";

let h: Harness;
let placeId: string;
const inDays = (d: number) => new Date(h.clock.now.getTime() + d * 86_400_000);

beforeAll(async () => {
  h = await createHarness();
  await seedTerritory(h.db);
  placeId = (await createPlace(h.db)).id;
});
afterAll(() => h.close());

describe("booking (portal)", () => {
  it("lists upcoming public sessions with place, commune and seats left; hides past, cancelled and private ones", async () => {
    const open = await createWorkshopSession(h.db, { placeId, capacity: 10, startsAt: inDays(3), title: "Réseaux sociaux : les comprendre" });
    await createWorkshopSession(h.db, { placeId, capacity: 10, startsAt: inDays(-3), title: "Séance passée" });
    await createWorkshopSession(h.db, { placeId, capacity: 10, startsAt: inDays(4), title: "Séance interne", isPublic: false });
    const cancelled = await createWorkshopSession(h.db, { placeId, capacity: 10, startsAt: inDays(5), title: "Séance annulée" });
    await h.db.prisma.workshopSession.update({ where: { id: cancelled.id }, data: { status: "cancelled" } });

    const list = await (await h.client().api()).booking.upcomingSessions({});
    const titles = list.map((s) => s.title);
    expect(titles).toContain("Réseaux sociaux : les comprendre");
    expect(titles).not.toContain("Séance passée");
    expect(titles).not.toContain("Séance interne");
    expect(titles).not.toContain("Séance annulée");
    const item = list.find((s) => s.id === open.id)!;
    expect(item).toMatchObject({ seatsLeft: 10, capacity: 10, place: { name: "Médiathèque Lacépède", communeName: "Agen", postalCode: "47000" } });
  });

  it("filters by commune and EPCI", async () => {
    const duras = await createPlace(h.db, "47086", "Mairie de Duras");
    const s = await createWorkshopSession(h.db, { placeId: duras.id, capacity: 8, startsAt: inDays(6), title: "Pronote pas à pas" });
    const api = await h.client().api();
    expect((await api.booking.upcomingSessions({ communeInsee: "47086" })).map((x) => x.id)).toEqual([s.id]);
    expect((await api.booking.upcomingSessions({ epciCode: "200068930" })).map((x) => x.id)).toEqual([s.id]);
    expect((await api.booking.upcomingSessions({ epciCode: "200096956" })).map((x) => x.id)).not.toContain(s.id);
  });

  it("filters by theme and by date range", async () => {
    const workshop = await h.db.prisma.workshop.create({
      data: { title: "Cyberharcèlement : en parler", theme: "cyberbullying", audience: "parents", description: "Repérer, réagir." },
    });
    const cyber = await h.db.prisma.workshopSession.create({
      data: { workshopId: workshop.id, startsAt: inDays(20), durationMinutes: 90, placeId, capacity: 10 },
    });
    const later = await createWorkshopSession(h.db, { placeId, capacity: 8, startsAt: inDays(40), title: "Écrans : plus tard" });
    const api = await h.client().api();
    const byTheme = await api.booking.upcomingSessions({ theme: "cyberbullying" });
    expect(byTheme.map((x) => x.id)).toEqual([cyber.id]);
    const inRange = (await api.booking.upcomingSessions({ from: inDays(19), to: inDays(21) })).map((x) => x.id);
    expect(inRange).toContain(cyber.id);
    expect(inRange).not.toContain(later.id);
    expect(inRange.every((id) => id === cyber.id)).toBe(true);
  });

  it("sends the e-mail of what was decided when seats went since the last booking here, and the confirmation when they came back", async () => {
    const s = await createWorkshopSession(h.db, { placeId, capacity: 3, startsAt: inDays(8) });
    const api = await h.client("192.0.2.71").api();
    const first = await api.booking.book(booking(s.id, { acceptWaitlist: true }));
    expect(first.status).toBe("confirmed");
    // Seats taken behind this server's back (another instance): it still expects room.
    const other = await h.db.prisma.registration.create({
      data: { sessionId: s.id, status: "confirmed", seats: 2, firstName: "Autre", lastName: "Instance", email: "autre.instance@exemple.fr", consentAt: new Date(), manageTokenHash: hashToken("autre-instance") },
    });
    const second = await api.booking.book(booking(s.id, { acceptWaitlist: true }));
    expect(second.status).toBe("waitlisted");
    // And given back: it now expects a full session.
    await h.db.prisma.registration.update({ where: { id: other.id }, data: { status: "cancelled", cancelledAt: new Date() } });
    const third = await api.booking.book(booking(s.id, { acceptWaitlist: true }));
    expect(third.status).toBe("confirmed");
    const subjects = async (id: string) => (await h.db.prisma.outboxEmail.findMany({ where: { linkTargetId: id }, select: { subject: true } })).map((m) => m.subject.split(" :")[0]);
    expect(await subjects(first.registrationId)).toEqual(["Inscription confirmée"]);
    expect(await subjects(second.registrationId)).toEqual(["Liste d'attente"]);
    expect(await subjects(third.registrationId)).toEqual(["Inscription confirmée"]);
  });

  it("books seats: the confirmation says what was booked and the seats left drop", async () => {
    const s = await createWorkshopSession(h.db, { placeId, capacity: 5, startsAt: inDays(7) });
    const api = await h.client().api();
    const res = await api.booking.book(booking(s.id, { seats: 3, phone: "06 12 34 56 78" }));
    expect(res).toMatchObject({ status: "confirmed", seats: 3, session: { id: s.id, seatsLeft: 2, title: "Les écrans en famille" } });
    const stored = await h.db.prisma.registration.findUniqueOrThrow({ where: { id: res.registrationId } });
    expect(stored).toMatchObject({ status: "confirmed", seats: 3, phone: "0612345678", firstName: "Amina" });
    // The manage link's token is stored hashed only.
    expect(stored.manageTokenHash).toBe(hashToken(res.manageToken));
    expect(stored.manageTokenHash).not.toBe(res.manageToken);
    expect((await api.booking.session({ id: s.id })).seatsLeft).toBe(2);
  });

  it("a booking made just after the session moved, or its workshop was renamed, mails the new details", async () => {
    const s = await createWorkshopSession(h.db, { placeId, capacity: 5, startsAt: inDays(7) });
    const api = await h.client().api();
    await api.booking.book(booking(s.id));
    // Changed by staff between two bookings (the booking composes its e-mail before taking the lock).
    await h.db.prisma.workshopSession.update({ where: { id: s.id }, data: { startsAt: new Date("2030-01-15T09:00:00Z") } });
    await h.db.prisma.workshop.update({ where: { id: s.workshopId }, data: { title: "Les écrans, autrement" } });
    const res = await api.booking.book(booking(s.id, { email: "apres-changement@exemple.fr" }));
    expect(res.session).toMatchObject({ title: "Les écrans, autrement", startsAt: new Date("2030-01-15T09:00:00Z"), seatsLeft: 3 });
    const mail = await h.db.prisma.outboxEmail.findFirstOrThrow({ where: { to: "apres-changement@exemple.fr" } });
    expect(mail.subject).toBe("Inscription confirmée : Les écrans, autrement");
    expect(mail.ics).toContain("DTSTART:20300115T090000Z");
    expect(await h.db.prisma.outboxEmail.count({ where: { to: "apres-changement@exemple.fr" } })).toBe(1);
    // A cancelled session is refused even right after a booking read it open.
    await h.db.prisma.workshopSession.update({ where: { id: s.id }, data: { status: "cancelled" } });
    expect((await errorOf(() => api.booking.book(booking(s.id)))).message).toContain("plus ouverte");
  });

  it("refuses a booking past capacity, all or nothing, and stores nothing", async () => {
    const s = await createWorkshopSession(h.db, { placeId, capacity: 4, startsAt: inDays(8) });
    const api = await h.client().api();
    await api.booking.book(booking(s.id, { seats: 3 }));
    const err = await errorOf(() => api.booking.book(booking(s.id, { seats: 2 })));
    expect(err.code).toBe("CONFLICT");
    expect(err.message).toContain("complète");
    expect(err.details).toEqual({ seatsLeft: 1 });
    expect(await h.db.prisma.registration.count({ where: { sessionId: s.id } })).toBe(1);
    // The last seat can still be taken, then the session is full.
    await api.booking.book(booking(s.id, { seats: 1 }));
    const full = await errorOf(() => api.booking.book(booking(s.id, { seats: 1 })));
    expect(full.message).toBe("Cette séance est complète : il ne reste pas assez de places.");
    expect((await api.booking.session({ id: s.id })).seatsLeft).toBe(0);
  });

  it("puts the parent on the waitlist when asked and the session is full", async () => {
    const s = await createWorkshopSession(h.db, { placeId, capacity: 1, startsAt: inDays(9) });
    const api = await h.client().api();
    await api.booking.book(booking(s.id));
    const res = await api.booking.book(booking(s.id, { acceptWaitlist: true, seats: 2 }));
    expect(res.status).toBe("waitlisted");
    expect(res.session.seatsLeft).toBe(0);
  });

  it("refuses a past or unknown session and invalid input with field messages", async () => {
    const past = await createWorkshopSession(h.db, { placeId, capacity: 5, startsAt: inDays(-1) });
    const api = await h.client().api();
    expect((await errorOf(() => api.booking.book(booking(past.id)))).code).toBe("CONFLICT");
    expect((await errorOf(() => api.booking.session({ id: past.id }))).code).toBe("NOT_FOUND");
    const bad = await errorOf(() => api.booking.book({ ...booking(past.id), email: "", seats: 9 }));
    expect(bad.code).toBe("BAD_REQUEST");
  });

  it("rejects bots filling the hidden honeypot field", async () => {
    const s = await createWorkshopSession(h.db, { placeId, capacity: 5, startsAt: inDays(10) });
    const err = await errorOf(async () => (await h.client().api()).booking.book({ ...booking(s.id), website: "http://spam" }));
    expect(err.code).toBe("BAD_REQUEST");
    expect(await h.db.prisma.registration.count({ where: { sessionId: s.id } })).toBe(0);
  });

  it("rate-limits bookings from one IP address", async () => {
    const s = await createWorkshopSession(h.db, { placeId, capacity: 100, startsAt: inDays(11) });
    const client = h.client("192.0.2.77");
    for (let i = 0; i < 20; i++) await (await client.api()).booking.book(booking(s.id));
    const err = await errorOf(async () => (await client.api()).booking.book(booking(s.id)));
    expect(err.code).toBe("TOO_MANY_REQUESTS");
    // Another household is not affected.
    await expect((await h.client("192.0.2.78").api()).booking.book(booking(s.id))).resolves.toMatchObject({ status: "confirmed" });
  });
});

describe("seat hoarding: one e-mail or phone holds at most 4 seats per session", () => {
  it("counts every live registration of the contact in the session, e-mail in any case, phone in any format", async () => {
    const s = await createWorkshopSession(h.db, { placeId, capacity: 6, startsAt: inDays(13) });
    const api = await h.client("192.0.2.90").api();
    await api.booking.book(booking(s.id, { email: "nadia.benali@exemple.fr", seats: 2 }));
    const err = await errorOf(() => api.booking.book(booking(s.id, { email: "Nadia.Benali@Exemple.FR", seats: 3 })));
    expect(err.code).toBe("CONFLICT");
    expect(err.message).toBe(
      "Vous avez déjà 2 places pour cette séance avec cette adresse e-mail ou ce numéro de téléphone, et 4 au maximum par personne : vous pouvez en demander 2 de plus. " +
        "Pour changer le nombre de places ou annuler, utilisez le lien « Gérer mon inscription » reçu lors de votre inscription (dans l'e-mail de confirmation si vous avez donné une adresse e-mail).",
    );
    expect(err.details).toEqual({ seatsHeld: 2, seatsStillAllowed: 2 });
    // Waitlisted seats count too: 2 confirmed + 2 on the waitlist make the 4.
    await api.booking.book(booking(s.id, { email: "other.parent@exemple.fr", seats: 4 }));
    await expect(api.booking.book(booking(s.id, { email: "NADIA.BENALI@exemple.fr", seats: 2, acceptWaitlist: true }))).resolves.toMatchObject({ status: "waitlisted" });
    const more = await errorOf(() => api.booking.book(booking(s.id, { email: "nadia.benali@exemple.fr", seats: 1, acceptWaitlist: true })));
    expect(more.message).toContain("Vous avez déjà 4 places pour cette séance");
    expect(await h.db.prisma.registration.count({ where: { sessionId: s.id, email: "nadia.benali@exemple.fr" } })).toBe(2);

    // A phone number written another way is the same phone; a registration given with the phone and an e-mail is found by either.
    const t = await createWorkshopSession(h.db, { placeId, capacity: 10, startsAt: inDays(13) });
    await h.db.prisma.registration.create({
      data: { sessionId: t.id, status: "waitlisted", seats: 3, firstName: "Karim", lastName: "Ali", email: " Karim@Exemple.fr", phone: "+33 6 11 22 33 44", consentAt: new Date(), manageTokenHash: "test-hash-karim", source: "staff" },
    });
    expect((await errorOf(() => api.booking.book(booking(t.id, { email: "", phone: "06.11.22.33.44", seats: 2 })))).details).toEqual({ seatsHeld: 3, seatsStillAllowed: 1 });
    expect((await errorOf(() => api.booking.book(booking(t.id, { email: "karim@exemple.fr", seats: 2 })))).details).toEqual({ seatsHeld: 3, seatsStillAllowed: 1 });
    await expect(api.booking.book(booking(t.id, { email: "karim@exemple.fr", phone: "0611223344", seats: 1 }))).resolves.toMatchObject({ status: "confirmed" });
    expect(await h.db.prisma.registration.count({ where: { sessionId: t.id } })).toBe(2);
  });

  it("does not count cancelled registrations nor other sessions, and says nothing about other people", async () => {
    const s = await createWorkshopSession(h.db, { placeId, capacity: 10, startsAt: inDays(14) });
    const other = await createWorkshopSession(h.db, { placeId, capacity: 10, startsAt: inDays(15) });
    const api = await h.client("192.0.2.91").api();
    const first = await api.booking.book(booking(s.id, { email: "famille.roy@exemple.fr", seats: 4 }));
    await expect(api.booking.book(booking(other.id, { email: "famille.roy@exemple.fr", seats: 4 }))).resolves.toMatchObject({ status: "confirmed" });
    await api.booking.cancel({ token: first.manageToken });
    await expect(api.booking.book(booking(s.id, { email: "famille.roy@exemple.fr", seats: 4 }))).resolves.toMatchObject({ status: "confirmed" });
    const refused = await errorOf(() => api.booking.book(booking(s.id, { email: "famille.roy@exemple.fr", firstName: "Autre", seats: 1 })));
    expect(refused.message).not.toMatch(/Amina|Benali|Roy/);
    expect(Object.keys(refused.details ?? {}).sort()).toEqual(["seatsHeld", "seatsStillAllowed"]);
  });

  it("staff cannot go past the share either, by adding or by moving a registration", async () => {
    await createUser(h.db, "coordinator", "coord-parts@medianum.test");
    const staff = h.client("192.0.2.92");
    await staff.login("coord-parts@medianum.test");
    const api = await staff.api();
    const a = await createWorkshopSession(h.db, { placeId, capacity: 10, startsAt: inDays(16) });
    const b = await createWorkshopSession(h.db, { placeId, capacity: 10, startsAt: inDays(17) });
    await api.workshop.addRegistration({ sessionId: a.id, firstName: "Paul", lastName: "Durand", phone: "06 99 88 77 66", seats: 3 });
    const add = await errorOf(() => api.workshop.addRegistration({ sessionId: a.id, firstName: "Paul", lastName: "Durand", phone: "0699887766", seats: 2 }));
    expect(add.code).toBe("CONFLICT");
    expect(add.message).toContain("Modifiez plutôt son inscription existante");
    const moving = await api.workshop.addRegistration({ sessionId: b.id, firstName: "Paul", lastName: "Durand", phone: "0699887766", seats: 2 });
    const move = await errorOf(() => api.workshop.moveRegistration({ registrationId: moving.registrationId, toSessionId: a.id }));
    expect(move.code).toBe("CONFLICT");
    expect(await h.db.prisma.registration.findUniqueOrThrow({ where: { id: moving.registrationId } })).toMatchObject({ sessionId: b.id, status: "confirmed" });
  });
});

describe("the booking quota of an address counts bookings made, not attempts", () => {
  it("a parent's refused attempts (typos, full session, too many seats) do not use up their bookings", async () => {
    const s = await createWorkshopSession(h.db, { placeId, capacity: 100, startsAt: inDays(18) });
    const full = await createWorkshopSession(h.db, { placeId, capacity: 1, startsAt: inDays(18) });
    await (await h.client("192.0.2.100").api()).booking.book(booking(full.id));
    const client = h.client("192.0.2.101");
    for (let i = 0; i < 10; i++) expect((await errorOf(async () => (await client.api()).booking.book({ ...booking(s.id), firstName: "" }))).code).toBe("BAD_REQUEST");
    for (let i = 0; i < 10; i++) expect((await errorOf(async () => (await client.api()).booking.book(booking(full.id)))).code).toBe("CONFLICT");
    for (let i = 0; i < 20; i++) await expect((await client.api()).booking.book(booking(s.id))).resolves.toMatchObject({ status: "confirmed" });
    const stopped = await errorOf(async () => (await client.api()).booking.book(booking(s.id)));
    expect(stopped.code).toBe("TOO_MANY_REQUESTS");
    expect(stopped.details?.retryAfterSeconds).toBeGreaterThan(0);
    expect(await h.db.prisma.registration.count({ where: { sessionId: s.id } })).toBe(20);
  });

  it("refused attempts are limited too, in their own larger window", async () => {
    const s = await createWorkshopSession(h.db, { placeId, capacity: 100, startsAt: inDays(19) });
    const bot = h.client("192.0.2.102");
    for (let i = 0; i < 60; i++) expect((await errorOf(async () => (await bot.api()).booking.book({ ...booking(s.id), website: "http://spam" }))).code).toBe("BAD_REQUEST");
    // The next refused attempt is answered as the limit, and now even a valid booking from that address waits, and nothing is stored.
    expect((await errorOf(async () => (await bot.api()).booking.book({ ...booking(s.id), website: "http://spam" }))).code).toBe("TOO_MANY_REQUESTS");
    expect((await errorOf(async () => (await bot.api()).booking.book(booking(s.id)))).code).toBe("TOO_MANY_REQUESTS");
    expect(await h.db.prisma.registration.count({ where: { sessionId: s.id } })).toBe(0);
    await expect((await h.client("192.0.2.103").api()).booking.book(booking(s.id))).resolves.toMatchObject({ status: "confirmed" });
  });
});

describe("sessions and registrations (back-office)", () => {
  it("staff see sessions with their registrations; counsellors and visitors are refused", async () => {
    const { counsellor } = await createUser(h.db, "counsellor", "c1@medianum.test", "Léa Martin");
    await createUser(h.db, "coordinator", "coord@medianum.test");
    const s = await createWorkshopSession(h.db, { placeId, capacity: 6, startsAt: inDays(12), counsellorIds: [counsellor!.id], title: "Cyberharcèlement : agir" });
    await (await h.client().api()).booking.book(booking(s.id, { firstName: "Paul", lastName: "Durand", seats: 2 }));

    const staff = h.client();
    await staff.login("coord@medianum.test");
    const sessions = await (await staff.api()).workshop.sessions({});
    expect(sessions.find((x) => x.id === s.id)).toMatchObject({ seatsTaken: 2, capacity: 6, counsellors: [{ displayName: "Léa Martin" }] });
    const detail = await (await staff.api()).workshop.sessionRegistrations({ sessionId: s.id });
    expect(detail.registrations).toEqual([expect.objectContaining({ firstName: "Paul", lastName: "Durand", seats: 2, status: "confirmed" })]);

    const counsellorClient = h.client();
    await counsellorClient.login("c1@medianum.test");
    expect((await errorOf(async () => (await counsellorClient.api()).workshop.sessions({}))).code).toBe("FORBIDDEN");
    expect((await errorOf(async () => (await h.client().api()).workshop.sessionRegistrations({ sessionId: s.id }))).code).toBe("UNAUTHORIZED");
  });
});
