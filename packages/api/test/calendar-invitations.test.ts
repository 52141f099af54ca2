import { randomUUID } from "node:crypto";
import { instantToParisDayTime } from "@medianum/domain";
import ICAL from "ical.js";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { booking, createHarness, createPlace, createUser, createWorkshopSession, seedTerritory, type Harness, type TestClient } from "./harness.js";
import { startMailbox, type Mailbox } from "./mailbox.js";

// What a calendar program gets: the messages as the SMTP server received them, their calendar
// part read by ical.js, and each rule of RFC 5546 (iTIP) and RFC 6047 (iMIP) checked.

let h: Harness;
let mailbox: Mailbox;
let staff: TestClient;
let placeId: string;
const inDays = (d: number) => new Date(h.clock.now.getTime() + d * 86_400_000);
const SENDER = { name: "Département de Lot-et-Garonne", email: "ne-pas-repondre@lotetgaronne.fr" };

beforeAll(async () => {
  h = await createHarness();
  h.services.config = { ...h.services.config, mailFrom: `${SENDER.name} <${SENDER.email}>` };
  mailbox = await startMailbox();
  await seedTerritory(h.db);
  placeId = (await createPlace(h.db)).id;
  await createUser(h.db, "coordinator", "coord@medianum.test", "Camille Coordination");
  staff = h.client("203.0.113.1");
  await staff.login("coord@medianum.test");
});
afterAll(async () => {
  await mailbox.close();
  await h.close();
});

interface Invitation {
  method: string;
  /** METHOD of the part's Content-Type (RFC 6047: must match the calendar's). */
  partMethod: string | undefined;
  uid: string;
  sequence: number;
  dtstamp: string | null;
  status: string | null;
  start: string;
  location: string;
  organizer: { cn: string | null; value: string } | null;
  attendees: { cn: string | null; value: string; partstat: string | null; rsvp: string | null }[];
}

/** The calendar parts of a received message, as the SMTP server got it (not as the product stored them). */
function calendarParts(mail: ParsedMail): string[] {
  return [...mailbox.raw(mail).toString("utf8").matchAll(/^Content-Type:\s*((?:text\/calendar|application\/ics)[^\r\n]*)/gim)].map((m) => m[1]!);
}

function invitationIn(mail: ParsedMail): Invitation {
  const parts = calendarParts(mail);
  expect(parts, "one calendar part, no second copy as a file").toHaveLength(1);
  const cal = mail.attachments.find((a) => a.contentType === "text/calendar");
  expect(cal).toBeDefined();
  const root = new ICAL.Component(ICAL.parse(cal!.content.toString("utf8")));
  const events = root.getAllSubcomponents("vevent");
  expect(events).toHaveLength(1);
  const e = events[0]!;
  const organizer = e.getFirstProperty("organizer");
  return {
    method: String(root.getFirstPropertyValue("method")),
    partMethod: /method=([A-Z]+)/i.exec(parts[0]!)?.[1]?.toUpperCase(),
    uid: String(e.getFirstPropertyValue("uid")),
    sequence: Number(e.getFirstPropertyValue("sequence")),
    dtstamp: e.getFirstPropertyValue("dtstamp")?.toString() ?? null,
    status: (e.getFirstPropertyValue("status") as string | null) ?? null,
    start: (e.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString(),
    location: String(e.getFirstPropertyValue("location")),
    organizer: organizer ? { cn: (organizer.getParameter("cn") as string | undefined) ?? null, value: String(organizer.getFirstValue()).toLowerCase() } : null,
    attendees: e.getAllProperties("attendee").map((a) => ({
      cn: (a.getParameter("cn") as string | undefined) ?? null,
      value: String(a.getFirstValue()).toLowerCase(),
      partstat: (a.getParameter("partstat") as string | undefined) ?? null,
      rsvp: (a.getParameter("rsvp") as string | undefined) ?? null,
    })),
  };
}

/** The RFC 5546 rules every invitation of the product must follow. */
function expectWellFormed(inv: Invitation, method: "REQUEST" | "CANCEL", attendee: string) {
  expect(inv.method).toBe(method);
  expect(inv.partMethod).toBe(method);
  expect(inv.organizer).toEqual({ cn: SENDER.name, value: `mailto:${SENDER.email}` });
  expect(inv.attendees.map((a) => a.value)).toEqual([`mailto:${attendee}`]);
  expect(inv.dtstamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  expect(inv.uid).not.toBe("");
  if (method === "CANCEL") expect(inv.status).toBe("CANCELLED");
}

describe("a parent's invitation through booking, change of session and cancellation", () => {
  it("keeps one UID, raises SEQUENCE at each change, names organizer and attendee, and replies go to the workshop's contact", async () => {
    const s = await createWorkshopSession(h.db, { placeId, capacity: 10, startsAt: inDays(6) });
    await h.db.prisma.workshop.update({ where: { id: s.workshopId }, data: { contactEmail: "atelier-ecrans@lotetgaronne.fr" } });
    const parent = `parent-${randomUUID().slice(0, 6)}@exemple.fr`;
    const res = await (await h.client().api()).booking.book(booking(s.id, { email: parent, firstName: "Nadia", lastName: "Benali", seats: 2 }));

    // The session moves by two hours: the parent's calendar entry is updated, not duplicated.
    const api = await staff.api();
    const later = new Date(s.startsAt.getTime() + 2 * 3_600_000);
    await api.workshop.updateSession({ id: s.id, ...instantToParisDayTime(later), durationMinutes: 90, placeId, capacity: 10, counsellorIds: [] });
    await (await h.client().api()).booking.cancel({ token: res.manageToken });
    await mailbox.deliver(h);

    const received = mailbox.to(parent);
    expect(received.map((m) => m.subject)).toEqual([
      "Inscription confirmée : Les écrans en famille",
      "Séance modifiée : Les écrans en famille",
      "Inscription annulée : Les écrans en famille",
    ]);
    const [confirmed, changed, cancelled] = received.map(invitationIn) as [Invitation, Invitation, Invitation];
    expectWellFormed(confirmed, "REQUEST", parent);
    expectWellFormed(changed, "REQUEST", parent);
    expectWellFormed(cancelled, "CANCEL", parent);
    // The parent booked it: accepted, no answer asked of them.
    expect(confirmed.attendees[0]).toMatchObject({ cn: "Nadia Benali", partstat: "ACCEPTED", rsvp: "FALSE" });

    expect(changed.uid).toBe(confirmed.uid);
    expect(cancelled.uid).toBe(confirmed.uid);
    expect(changed.sequence).toBeGreaterThan(confirmed.sequence);
    expect(cancelled.sequence).toBeGreaterThan(changed.sequence);
    expect(confirmed.start).toBe(s.startsAt.toISOString());
    expect(changed.start).toBe(later.toISOString());

    for (const m of received) expect(m.replyTo?.value.map((v) => v.address)).toEqual(["atelier-ecrans@lotetgaronne.fr"]);
  });

  it("a change of place is an updated REQUEST too, to every registrant with an e-mail", async () => {
    const s = await createWorkshopSession(h.db, { placeId, capacity: 10, startsAt: inDays(8) });
    const parents = [`p1-${randomUUID().slice(0, 6)}@exemple.fr`, `p2-${randomUUID().slice(0, 6)}@exemple.fr`];
    for (const email of parents) await (await h.client().api()).booking.book(booking(s.id, { email }));
    const other = await createPlace(h.db, "47086", "Espace numérique de Duras");
    await (await staff.api()).workshop.updateSession({ id: s.id, ...instantToParisDayTime(s.startsAt), durationMinutes: 90, placeId: other.id, capacity: 10, counsellorIds: [] });
    await mailbox.deliver(h);
    for (const email of parents) {
      const [first, moved] = mailbox.to(email).map(invitationIn) as [Invitation, Invitation];
      expectWellFormed(moved, "REQUEST", email);
      expect(moved.uid).toBe(first.uid);
      expect(moved.sequence).toBe(first.sequence + 1);
      expect(moved.location).toContain("Espace numérique de Duras");
    }
  });
});

describe("collège sessions: the collège and each assigned counsellor get their own invitation", () => {
  it("sends REQUEST on planning and CANCEL with the same UID and a higher SEQUENCE when the session is called off", async () => {
    const a = await createUser(h.db, "counsellor", "alex@lotetgaronne.fr", "Alex Martin");
    const b = await createUser(h.db, "counsellor", "bea@lotetgaronne.fr", "Béa Roux");
    const contact = `cpe-${randomUUID().slice(0, 6)}@college.fr`;
    const { requestId } = await (await h.client("198.51.100.7").api()).college.submit({
      uai: "0470040N",
      establishmentName: "Collège Jasmin",
      address: "12 rue Jasmin",
      communeInsee: "47001",
      requesterName: "Claire Dupuy",
      requesterRole: "cpe",
      email: contact,
      classes: [{ level: "5e", name: "5e A", pupils: 26 }],
      topics: ["cyberbullying"],
      periods: [{ from: "2027-01-11", to: "2027-01-22" }],
      consent: true,
    });
    const api = await staff.api();
    const detail = await api.college.request({ id: requestId });
    const planned = await api.college.schedule({
      requestId,
      sessions: [{ classIds: [detail.classes[0]!.id], day: "2027-01-14", time: "09:00", durationMinutes: 55, room: "CDI", counsellorIds: [a.counsellor!.id, b.counsellor!.id] }],
    });
    expect(planned.outcome).toBe("scheduled");
    const sessionId = planned.outcome === "scheduled" ? planned.sessionIds[0]! : "";
    await api.college.cancelSession({ sessionId, reason: "Conseillère en arrêt maladie." });
    await mailbox.deliver(h);

    const people = [
      { email: contact, partstat: "ACCEPTED" },
      { email: "alex@lotetgaronne.fr", partstat: "NEEDS-ACTION" },
      { email: "bea@lotetgaronne.fr", partstat: "NEEDS-ACTION" },
    ];
    const uids = new Set<string>();
    for (const p of people) {
      const invitations = mailbox
        .to(p.email)
        .filter((m) => calendarParts(m).length > 0)
        .map(invitationIn);
      expect(invitations.map((i) => i.method)).toEqual(["REQUEST", "CANCEL"]);
      const [request, cancel] = invitations as [Invitation, Invitation];
      expectWellFormed(request, "REQUEST", p.email);
      expectWellFormed(cancel, "CANCEL", p.email);
      expect(request.attendees[0]!.partstat).toBe(p.partstat);
      expect(request.start).toBe("2027-01-14T08:00:00.000Z");
      expect(request.location).toContain("Collège Jasmin");
      expect(cancel.uid).toBe(request.uid);
      expect(cancel.sequence).toBeGreaterThan(request.sequence);
      uids.add(request.uid);
    }
    // One event in every calendar: the same UID for the collège and both counsellors.
    expect(uids.size).toBe(1);
  });
});
