import { describe, expect, it } from "vitest";
import {
  bookingInput,
  decideBooking,
  MAX_SEATS_PER_BOOKING,
  registrationsToPromote,
  seatsLeft,
  seatsLeftLabel,
  type BookingInput,
} from "./index.js";

const SESSION_ID = "0b7e5c2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b";
const CONTACT_MESSAGE = "Indiquez une adresse e-mail ou un numéro de téléphone pour que nous puissions vous prévenir.";

function validBooking(overrides: Partial<BookingInput> = {}): BookingInput {
  return {
    sessionId: SESSION_ID,
    firstName: "Nadia",
    lastName: "Benali",
    email: "nadia.benali@exemple.fr",
    seats: 1,
    consent: true,
    ...overrides,
  };
}

function issuesOf(input: unknown) {
  const res = bookingInput.safeParse(input);
  expect(res.success).toBe(false);
  return res.error?.issues ?? [];
}

describe("seatsLeft", () => {
  it("subtracts taken seats from the capacity", () => {
    expect(seatsLeft(12, 0)).toBe(12);
    expect(seatsLeft(12, 9)).toBe(3);
    expect(seatsLeft(12, 12)).toBe(0);
  });

  it("never goes below zero when the session is overbooked", () => {
    expect(seatsLeft(12, 14)).toBe(0);
  });
});

describe("decideBooking", () => {
  it("confirms a booking that fits exactly in the last seats", () => {
    expect(decideBooking({ capacity: 10, seatsTaken: 8, seatsRequested: 2, acceptWaitlist: false })).toBe("confirmed");
  });

  it("confirms a single seat in an empty session", () => {
    expect(decideBooking({ capacity: 10, seatsTaken: 0, seatsRequested: 1, acceptWaitlist: false })).toBe("confirmed");
  });

  it("never splits a multi-seat booking: 3 asked with 2 left is refused", () => {
    expect(decideBooking({ capacity: 10, seatsTaken: 8, seatsRequested: 3, acceptWaitlist: false })).toBe("refused");
  });

  it("puts the whole multi-seat booking on the waitlist when the parent accepts it", () => {
    expect(decideBooking({ capacity: 10, seatsTaken: 8, seatsRequested: 3, acceptWaitlist: true })).toBe("waitlisted");
  });

  it("refuses or waitlists a booking for a full session", () => {
    expect(decideBooking({ capacity: 10, seatsTaken: 10, seatsRequested: 1, acceptWaitlist: false })).toBe("refused");
    expect(decideBooking({ capacity: 10, seatsTaken: 10, seatsRequested: 1, acceptWaitlist: true })).toBe("waitlisted");
  });

  it("treats an overbooked session as full", () => {
    expect(decideBooking({ capacity: 10, seatsTaken: 11, seatsRequested: 1, acceptWaitlist: false })).toBe("refused");
  });

  it("rejects a request for zero, negative or fractional seats", () => {
    for (const seatsRequested of [0, -1, 1.5]) {
      expect(() => decideBooking({ capacity: 10, seatsTaken: 0, seatsRequested, acceptWaitlist: true })).toThrow(RangeError);
    }
  });
});

describe("registrationsToPromote", () => {
  const waitlist = [
    { id: "a", seats: 2 },
    { id: "b", seats: 3 },
    { id: "c", seats: 1 },
    { id: "d", seats: 1 },
  ];

  it("promotes in arrival order while seats remain", () => {
    expect(registrationsToPromote(waitlist, 10).map((r) => r.id)).toEqual(["a", "b", "c", "d"]);
  });

  it("skips a family that does not fit and promotes the single parent behind it", () => {
    expect(registrationsToPromote(waitlist, 3).map((r) => r.id)).toEqual(["a", "c"]);
  });

  it("stops as soon as the session is full again", () => {
    const list = [
      { id: "a", seats: 2 },
      { id: "b", seats: 1 },
      { id: "c", seats: 1 },
    ];
    expect(registrationsToPromote(list, 3).map((r) => r.id)).toEqual(["a", "b"]);
  });

  it("promotes no one when no seat is free or the waitlist is empty", () => {
    expect(registrationsToPromote(waitlist, 0)).toEqual([]);
    expect(registrationsToPromote([], 5)).toEqual([]);
  });

  it("never promotes more seats than are free", () => {
    for (let free = 0; free <= 8; free++) {
      const promoted = registrationsToPromote(waitlist, free);
      expect(promoted.reduce((s, r) => s + r.seats, 0)).toBeLessThanOrEqual(free);
    }
  });

  it("returns the original objects without modifying the waitlist", () => {
    const copy = structuredClone(waitlist);
    const promoted = registrationsToPromote(waitlist, 2);
    expect(promoted[0]).toBe(waitlist[0]);
    expect(waitlist).toEqual(copy);
  });
});

describe("seatsLeftLabel", () => {
  it("uses the French singular, plural and full wording", () => {
    expect(seatsLeftLabel(3)).toBe("3 places restantes");
    expect(seatsLeftLabel(2)).toBe("2 places restantes");
    expect(seatsLeftLabel(1)).toBe("1 place restante");
    expect(seatsLeftLabel(0)).toBe("Complet");
    expect(seatsLeftLabel(-2)).toBe("Complet");
  });
});

describe("bookingInput", () => {
  it("accepts a complete booking and defaults acceptWaitlist to false", () => {
    const res = bookingInput.safeParse(validBooking());
    expect(res.success).toBe(true);
    expect(res.data?.acceptWaitlist).toBe(false);
    expect(res.data?.email).toBe("nadia.benali@exemple.fr");
  });

  it("normalises the e-mail address (spaces, capitals)", () => {
    const res = bookingInput.parse(validBooking({ email: "  Nadia.Benali@Exemple.FR " }));
    expect(res.email).toBe("nadia.benali@exemple.fr");
  });

  it("normalises a French phone number written with +33 and spaces", () => {
    const res = bookingInput.parse(validBooking({ email: undefined, phone: "+33 6 12 34 56 78" }));
    expect(res.phone).toBe("0612345678");
  });

  it("normalises a phone number written with dots or dashes", () => {
    expect(bookingInput.parse(validBooking({ email: "", phone: "05.53.69.40.00" })).phone).toBe("0553694000");
    expect(bookingInput.parse(validBooking({ email: "", phone: "06-12-34-56-78" })).phone).toBe("0612345678");
  });

  it("accepts a phone number alone, without e-mail", () => {
    expect(bookingInput.safeParse(validBooking({ email: "", phone: "0612345678" })).success).toBe(true);
  });

  it("requires an e-mail or a phone number, with a French message on the e-mail field", () => {
    for (const contact of [{ email: undefined, phone: undefined }, { email: "", phone: "" }]) {
      const issues = issuesOf(validBooking(contact));
      expect(issues).toHaveLength(1);
      expect(issues[0]?.path).toEqual(["email"]);
      expect(issues[0]?.message).toBe(CONTACT_MESSAGE);
    }
  });

  it("explains an invalid e-mail or phone number in French", () => {
    const email = issuesOf(validBooking({ email: "nadia.exemple.fr" }));
    expect(email[0]?.path).toEqual(["email"]);
    expect(email[0]?.message).toMatch(/adresse e-mail n'est pas valide/);

    const phone = issuesOf(validBooking({ email: "", phone: "06 12 34" }));
    expect(phone[0]?.path).toEqual(["phone"]);
    expect(phone[0]?.message).toMatch(/numéro de téléphone n'est pas valide/);
  });

  it("refuses a phone number that starts with 00 or is not French", () => {
    expect(bookingInput.safeParse(validBooking({ email: "", phone: "0012345678" })).success).toBe(false);
    expect(bookingInput.safeParse(validBooking({ email: "", phone: "+44 20 7946 0958" })).success).toBe(false);
  });

  it("accepts 1 to 4 seats", () => {
    for (let seats = 1; seats <= MAX_SEATS_PER_BOOKING; seats++) {
      expect(bookingInput.safeParse(validBooking({ seats })).success).toBe(true);
    }
  });

  it("refuses 0 seats, 5 seats and fractional seats", () => {
    expect(issuesOf(validBooking({ seats: 0 }))[0]).toMatchObject({ path: ["seats"], message: "Au moins une place." });
    expect(issuesOf(validBooking({ seats: 5 }))[0]).toMatchObject({ path: ["seats"], message: "4 places au maximum par inscription." });
    expect(issuesOf(validBooking({ seats: 1.5 }))[0]?.path).toEqual(["seats"]);
  });

  it("requires consent to be given", () => {
    for (const consent of [false, undefined]) {
      const issues = issuesOf({ ...validBooking(), consent });
      expect(issues[0]).toMatchObject({
        path: ["consent"],
        message: "Merci d'accepter l'utilisation de vos données pour cette inscription.",
      });
    }
  });

  it("rejects a form whose hidden honeypot field was filled", () => {
    expect(issuesOf(validBooking({ website: "http://spam.example" }))[0]).toMatchObject({
      path: ["website"],
      message: "Formulaire invalide.",
    });
    expect(bookingInput.safeParse(validBooking({ website: "" })).success).toBe(true);
  });

  it("requires first and last names with French messages", () => {
    const issues = issuesOf(validBooking({ firstName: "  ", lastName: "" }));
    expect(issues.map((i) => i.message)).toEqual(
      expect.arrayContaining(["Prénom : ce champ est obligatoire.", "Nom : ce champ est obligatoire."]),
    );
  });

  it("drops an empty need and keeps a filled one trimmed", () => {
    expect(bookingInput.parse(validBooking({ need: "   " })).need).toBeUndefined();
    expect(bookingInput.parse(validBooking({ need: " Mon fils a 12 ans " })).need).toBe("Mon fils a 12 ans");
  });

  it("refuses an invalid session id", () => {
    expect(issuesOf(validBooking({ sessionId: "42" }))[0]?.path).toEqual(["sessionId"]);
  });
});
