import { describe, expect, it } from "vitest";
import { emailSchema, phoneSchema } from "../shared/schemas.js";
import {
  bookingContact,
  contactSeatsRefusal,
  decideContactSeats,
  MAX_SEATS_PER_CONTACT,
  MAX_SEATS_PER_BOOKING,
  normaliseEmail,
  normalisePhone,
} from "./index.js";

describe("seats per contact and session", () => {
  it("allows up to 4 seats in total for one contact, whatever the split", () => {
    expect(MAX_SEATS_PER_CONTACT).toBe(4);
    expect(decideContactSeats(0, 4)).toEqual({ ok: true });
    expect(decideContactSeats(3, 1)).toEqual({ ok: true });
    expect(decideContactSeats(2, 2)).toEqual({ ok: true });
    expect(decideContactSeats(3, 2)).toEqual({ ok: false, held: 3, stillAllowed: 1 });
    expect(decideContactSeats(4, 1)).toEqual({ ok: false, held: 4, stillAllowed: 0 });
    // Held beyond the limit (e.g. before the rule existed): nothing more, never a negative count.
    expect(decideContactSeats(6, 1)).toEqual({ ok: false, held: 6, stillAllowed: 0 });
  });

  it("one booking alone never exceeds the share (the form's own maximum is the same)", () => {
    expect(MAX_SEATS_PER_BOOKING).toBeLessThanOrEqual(MAX_SEATS_PER_CONTACT);
    expect(decideContactSeats(0, MAX_SEATS_PER_BOOKING)).toEqual({ ok: true });
  });

  it("compares e-mails without case or spaces and phones as the form stores them", () => {
    expect(normaliseEmail("  Nadia.Benali@Exemple.FR ")).toBe("nadia.benali@exemple.fr");
    for (const p of ["06 12 34 56 78", "06.12.34.56.78", "06-12-34-56-78", "+33 6 12 34 56 78", "+33612345678", " 0612345678 "]) {
      expect(normalisePhone(p), p).toBe("0612345678");
      // The same normal form as the booking form's schema: stored numbers and typed ones compare equal.
      expect(normalisePhone(p), p).toBe(phoneSchema.parse(p));
    }
    expect(normaliseEmail("Nadia@Exemple.fr")).toBe(emailSchema.parse(" Nadia@Exemple.fr"));
    expect(bookingContact({ email: "", phone: "06 12 34 56 78" })).toEqual({ email: null, phone: "0612345678" });
    expect(bookingContact({ email: "A@B.fr", phone: undefined })).toEqual({ email: "a@b.fr", phone: null });
  });

  it("tells the parent how many seats they hold and where to manage them, and nothing else", () => {
    const some = contactSeatsRefusal({ held: 3, stillAllowed: 1 }, "parent");
    expect(some).toContain("Vous avez déjà 3 places pour cette séance");
    expect(some).toContain("vous pouvez en demander 1 de plus");
    expect(some).toContain("« Gérer mon inscription »");
    const all = contactSeatsRefusal({ held: 4, stillAllowed: 0 }, "parent");
    expect(all).toContain("Vous avez déjà 4 places");
    expect(all).toContain("c'est le maximum (4 par personne)");
    expect(contactSeatsRefusal({ held: 1, stillAllowed: 3 }, "parent")).toContain("déjà 1 place pour");
    expect(contactSeatsRefusal({ held: 4, stillAllowed: 0 }, "staff")).toContain("Modifiez plutôt son inscription existante");
  });
});
