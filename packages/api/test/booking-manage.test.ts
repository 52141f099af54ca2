import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { booking, createHarness, createPlace, createWorkshopSession, errorOf, seedTerritory, type Harness } from "./harness.js";
import { startMailbox, tokenIn, type Mailbox } from "./mailbox.js";

// The manage link and the waitlist, through the router on a real database.

let h: Harness;
let mailbox: Mailbox;
let placeId: string;
const inDays = (d: number) => new Date(h.clock.now.getTime() + d * 86_400_000);
const api = (ip?: string) => h.client(ip).api();

beforeAll(async () => {
  h = await createHarness();
  mailbox = await startMailbox();
  await seedTerritory(h.db);
  placeId = (await createPlace(h.db)).id;
});
afterAll(async () => {
  await mailbox.close();
  await h.close();
});

describe("manage link", () => {
  it("shows only that registration, with a masked contact, and queues a confirmation with a calendar invitation", async () => {
    const s = await createWorkshopSession(h.db, { placeId, capacity: 10, startsAt: inDays(5) });
    const res = await (await api()).booking.book(booking(s.id, { email: "nadia.benali@exemple.fr", seats: 2 }));
    const view = await (await api()).booking.manage({ token: res.manageToken });
    expect(view).toMatchObject({ status: "confirmed", seats: 2, firstName: "Amina", contact: "n•••@exemple.fr", canChange: true, session: { id: s.id, seatsLeft: 8 } });
    expect(JSON.stringify(view)).not.toContain("Benali");
    const mail = await h.db.prisma.outboxEmail.findFirstOrThrow({ where: { to: "nadia.benali@exemple.fr" } });
    expect(mail.subject).toBe("Inscription confirmée : Les écrans en famille");
    expect(mail.ics).toMatch(/METHOD:REQUEST/);
    // The queued message holds no link; the delivered one carries its own, to this registration.
    expect(mail.text).not.toContain(res.manageToken);
    await mailbox.deliver(h);
    const fromMail = tokenIn(mailbox.to("nadia.benali@exemple.fr").at(-1), "/inscription/");
    expect(fromMail).not.toBe(res.manageToken);
    expect(await (await api()).booking.manage({ token: fromMail })).toEqual(view);
  });

  it("answers the same way for an unknown or malformed token", async () => {
    const unknown = await errorOf(async () => (await api()).booking.manage({ token: "A".repeat(43) }));
    expect(unknown.code).toBe("NOT_FOUND");
    expect(unknown.message).toBe("Ce lien ne correspond à aucune inscription. Vérifiez qu'il est complet.");
    expect((await errorOf(async () => (await api()).booking.cancel({ token: "x" }))).code).toBe("BAD_REQUEST");
  });

  it("reduces seats, then cancels; the freed seats go to the first waitlisted parents that fit, who are told by e-mail", async () => {
    const s = await createWorkshopSession(h.db, { placeId, capacity: 4, startsAt: inDays(6) });
    const family = await (await api()).booking.book(booking(s.id, { seats: 4 }));
    const big = await (await api()).booking.book(booking(s.id, { seats: 3, acceptWaitlist: true, email: "grande.famille@exemple.fr" }));
    const single = await (await api()).booking.book(booking(s.id, { seats: 1, acceptWaitlist: true, email: "seul@exemple.fr" }));
    expect([big.status, single.status]).toEqual(["waitlisted", "waitlisted"]);

    // 4 → 3 seats: one seat frees; the family of 3 does not fit, the single parent behind it does.
    expect(await (await api()).booking.reduceSeats({ token: family.manageToken, seats: 3 })).toEqual({ promoted: 1 });
    expect((await (await api()).booking.manage({ token: single.manageToken })).status).toBe("confirmed");
    expect((await (await api()).booking.manage({ token: big.manageToken })).status).toBe("waitlisted");
    const promotedMail = await h.db.prisma.outboxEmail.findFirstOrThrow({ where: { to: "seul@exemple.fr", subject: { startsWith: "Une place" } } });
    expect(promotedMail.ics).toMatch(/METHOD:REQUEST/);

    expect(await (await api()).booking.cancel({ token: family.manageToken })).toEqual({ promoted: 1 });
    expect((await (await api()).booking.manage({ token: big.manageToken })).status).toBe("confirmed");
    const regs = await h.db.prisma.registration.findMany({ where: { sessionId: s.id, status: "confirmed" } });
    expect(regs.reduce((n, r) => n + r.seats, 0)).toBe(4);
    // Cancelling twice is refused plainly.
    expect((await errorOf(async () => (await api()).booking.cancel({ token: family.manageToken }))).message).toBe("Cette inscription est déjà annulée.");
  });

  it("refuses changes after the deadline (4 h before) and increasing seats", async () => {
    const s = await createWorkshopSession(h.db, { placeId, capacity: 10, startsAt: new Date(h.clock.now.getTime() + 3 * 3_600_000) });
    const res = await (await api()).booking.book(booking(s.id, { seats: 2 }));
    expect((await (await api()).booking.manage({ token: res.manageToken })).canChange).toBe(false);
    const late = await errorOf(async () => (await api()).booking.cancel({ token: res.manageToken }));
    expect(late.code).toBe("CONFLICT");
    expect(late.message).toMatch(/trop tard/);

    const later = await createWorkshopSession(h.db, { placeId, capacity: 10, startsAt: inDays(9) });
    const r2 = await (await api()).booking.book(booking(later.id, { seats: 2 }));
    expect((await errorOf(async () => (await api()).booking.reduceSeats({ token: r2.manageToken, seats: 2 }))).message).toMatch(/seulement réduire/);
  });

  it("sends a CANCEL invitation with the same UID and a higher sequence", async () => {
    const s = await createWorkshopSession(h.db, { placeId, capacity: 10, startsAt: inDays(10) });
    const res = await (await api()).booking.book(booking(s.id, { email: "ics@exemple.fr" }));
    await (await api()).booking.cancel({ token: res.manageToken });
    const mails = await h.db.prisma.outboxEmail.findMany({ where: { to: "ics@exemple.fr" }, orderBy: { subject: "asc" } });
    const [cancel, confirm] = mails;
    const uid = (ics: string) => /UID:(.*)/.exec(ics)?.[1];
    const seq = (ics: string) => Number(/SEQUENCE:(\d+)/.exec(ics)?.[1]);
    expect(cancel!.ics).toMatch(/METHOD:CANCEL/);
    expect(uid(cancel!.ics!)).toBe(uid(confirm!.ics!));
    expect(seq(cancel!.ics!)).toBeGreaterThan(seq(confirm!.ics!));
  });
});
