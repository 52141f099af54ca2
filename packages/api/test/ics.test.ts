import { createEvent } from "ics";
import { describe, expect, it } from "vitest";
import { buildIcs, type CalendarEvent } from "../src/mail/ics.js";

/** What buildIcs wrote when it called the `ics` library (before it formatted the file itself). */
function withLibrary(e: CalendarEvent, stamp: Date): string {
  const { error, value } = createEvent({
    uid: e.uid,
    sequence: e.sequence,
    method: e.method,
    status: e.method === "CANCEL" ? "CANCELLED" : "CONFIRMED",
    title: e.title,
    description: e.url ? `${e.description}\n${e.url}` : e.description,
    location: e.location,
    start: e.start.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    // Missing from the library's types, read all the same (its DTSTAMP, otherwise the current time).
    ...{ timestamp: stamp.getTime() },
    duration: { hours: Math.floor(e.durationMinutes / 60), minutes: e.durationMinutes % 60 },
    productId: "medianum/ateliers",
    calName: "Ateliers e-parentalité",
    organizer: e.organizer,
    attendees: [{ name: e.attendee.name, email: e.attendee.email, rsvp: e.attendee.rsvp, partstat: e.attendee.partstat, role: "REQ-PARTICIPANT" }],
  });
  if (error || !value) throw error ?? new Error("ics: empty calendar");
  return value;
}

const base: CalendarEvent = {
  uid: "inscription-7d3f0b7e-1c2d-4e5f-8a9b-0c1d2e3f4a5b@medianum",
  sequence: 0,
  method: "REQUEST",
  title: "Les écrans en famille",
  description: "Atelier e-parentalité gratuit — 2 places.",
  start: new Date("2027-03-15T13:30:00Z"),
  durationMinutes: 90,
  location: "Médiathèque, 1 place de la Mairie, 47000 Agen",
  url: "https://ateliers.exemple.fr/seances/7d3f0b7e-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
  organizer: { name: "Médianum", email: "ne-pas-repondre@exemple.fr" },
  attendee: { name: "Camille Martin", email: "camille@exemple.fr", partstat: "ACCEPTED", rsvp: false },
};

describe("buildIcs", () => {
  const stamp = new Date("2027-02-01T08:09:10Z");
  const cases: Array<[string, Partial<CalendarEvent>]> = [
    ["a confirmation", {}],
    ["a cancellation, a later sequence", { method: "CANCEL", sequence: 3 }],
    ["a whole hour, no link", { durationMinutes: 120, url: undefined }],
    ["under an hour", { durationMinutes: 45 }],
    [
      "long texts with accents, semicolons, commas, backslashes and new lines (folded lines)",
      {
        title: "Réseaux sociaux, jeux vidéo; et écrans : comment accompagner ses enfants \\ sans s'épuiser — séance spéciale été 2027",
        location: "Salle polyvalente « Les Tilleuls », 12 bis avenue du Général-de-Gaulle; bâtiment B\n2e étage, 47300 Villeneuve-sur-Lot",
        description: "Atelier e-parentalité gratuit — 3 places.\nApportez votre téléphone, votre tablette et vos questions 😀👨‍👩‍👧 merci !",
      },
    ],
    [
      "quotes in names and a counsellor who still has to answer",
      {
        organizer: { name: 'Département "47"', email: "ateliers@exemple.fr" },
        attendee: { name: 'Dominique "Dom" Lefèvre-Saint-Amand de la Tour-Fondue', email: "dominique.lefevre-saint-amand@exemple.fr", partstat: "NEEDS-ACTION", rsvp: false },
      },
    ],
  ];
  it.each(cases)("writes what the ics library wrote: %s", (_, change) => {
    const e = { ...base, ...change };
    expect(buildIcs(e, stamp)).toBe(withLibrary(e, stamp));
  });

  it("stamps the file with the time it is written", () => {
    expect(buildIcs(base, stamp)).toContain("\r\nDTSTAMP:20270201T080910Z\r\n");
    expect(buildIcs(base, stamp)).toContain("\r\nDTSTART:20270315T133000Z\r\n");
  });
});
