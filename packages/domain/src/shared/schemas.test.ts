import { describe, expect, it } from "vitest";
import { z } from "zod";
import { bookingInput } from "../booking/registration.js";
import { sessionFilters } from "../booking/views.js";
import { collegeRequestInput } from "../college/request.js";
import { collegeMessageInput } from "../college/tracking.js";
import { auditFilters } from "../team/team.js";
import { sessionInput } from "../workshop/workshop.js";
import {
  cleanText,
  coercedInstantSchema,
  emailSchema,
  instantSchema,
  isoDateSchema,
  linkTokenSchema,
  optionalText,
  phoneSchema,
  requiredText,
  searchText,
} from "./schemas.js";

const messages = (r: z.ZodSafeParseResult<unknown>) => (r.success ? [] : r.error.issues.map((i) => i.message));
const fieldMessages = (r: z.ZodSafeParseResult<unknown>, field: string) =>
  r.success ? [] : r.error.issues.filter((i) => i.path.join(".") === field).map((i) => i.message);

const REFUSED_EVERYWHERE = ["a\u0000b", "\u0000", "a\u0007b", "\u001b[31mrouge", "x\u007f", "\ud800", "a\udfffb", "\udc00\ud800"];

describe("texts from outside", () => {
  it.each(REFUSED_EVERYWHERE)("refuse NUL, control characters and lone surrogates (%j), naming the field", (bad) => {
    const schemas = [
      ["Prénom", requiredText("Prénom")],
      ["Notes", optionalText("Notes", 2000, { multiline: true })],
      ["Recherche", searchText("Recherche")],
      ["Nom", cleanText("Nom")],
    ] as const;
    for (const [label, schema] of schemas) {
      expect(messages(schema.safeParse(bad))).toEqual([`${label} : ce texte contient un caractère invisible ou invalide ; retapez-le sans copier-coller.`]);
    }
  });

  it("keep accents, emoji (a valid surrogate pair), apostrophes and inner spaces", () => {
    const name = "Zoé N'Guessan-Lefèvre 🙂 Œuvre";
    expect(requiredText("Nom").parse(`  ${name} `)).toBe(name);
    expect(cleanText("Nom").parse("𝔘𝔫𝔦𝔠𝔬𝔡𝔢")).toBe("𝔘𝔫𝔦𝔠𝔬𝔡𝔢");
  });

  it("allow tabs and line breaks in a multi-line text only", () => {
    const note = "Première ligne\r\n\tdeuxième ligne";
    expect(optionalText("Notes", 2000, { multiline: true }).parse(note)).toBe(note);
    expect(messages(requiredText("Prénom").safeParse("Léa\nMartin"))).toEqual(["Prénom : ce texte contient un caractère invisible ou invalide ; retapez-le sans copier-coller."]);
    expect(messages(requiredText("Prénom").safeParse("Léa\tMartin"))).toHaveLength(1);
    // Around a name (pasted from a spreadsheet), they are trimmed, not refused.
    expect(requiredText("Prénom").parse("\tLéa\r\n")).toBe("Léa");
    // NUL stays refused in a multi-line text.
    expect(messages(optionalText("Notes", 2000, { multiline: true }).safeParse("a\nb\u0000"))).toHaveLength(1);
  });

  it("say what is missing or of the wrong type, in French", () => {
    expect(messages(requiredText("Prénom").safeParse(undefined))).toEqual(["Prénom : ce champ est obligatoire."]);
    expect(messages(requiredText("Prénom").safeParse(42))).toEqual(["Prénom : ce champ doit être un texte."]);
    expect(searchText("Recherche").parse("  ")).toBeUndefined();
  });

  it("e-mail, phone and link tokens refuse the same characters", () => {
    expect(messages(emailSchema.safeParse("lea\u0000@exemple.fr"))[0]).toMatch(/caractère invisible ou invalide/);
    expect(messages(emailSchema.safeParse("lea\ud800@exemple.fr"))[0]).toMatch(/caractère invisible ou invalide/);
    expect(messages(phoneSchema.safeParse("06 12 34 56 7\u00008"))).toHaveLength(1);
    expect(messages(linkTokenSchema().safeParse(`${"a".repeat(30)}\u0000`))).toEqual(["Ce lien n'est pas valide : vérifiez qu'il a été copié en entier."]);
    expect(linkTokenSchema().parse("Abc_-" + "x".repeat(38))).toHaveLength(43);
  });

  it("the public forms name the field that holds the bad character", () => {
    const booking = bookingInput.safeParse({ sessionId: crypto.randomUUID(), firstName: "Léa\u0000", lastName: "Mar\ud800tin", email: "lea@exemple.fr", seats: 1, consent: true });
    expect(fieldMessages(booking, "firstName")).toEqual(["Prénom : ce texte contient un caractère invisible ou invalide ; retapez-le sans copier-coller."]);
    expect(fieldMessages(booking, "lastName")).toEqual(["Nom : ce texte contient un caractère invisible ou invalide ; retapez-le sans copier-coller."]);
    const college = collegeRequestInput.safeParse({ establishmentName: "Collège\u0000" });
    expect(fieldMessages(college, "establishmentName")[0]).toMatch(/^Nom du collège : ce texte contient un caractère invisible/);
    const message = collegeMessageInput.safeParse({ token: "a".repeat(43), body: "Bonjour\n\udc00" });
    expect(fieldMessages(message, "body")[0]).toMatch(/^Votre message : ce texte contient/);
    const filters = sessionFilters.safeParse({ communeInsee: "47\u0000", epciCode: "\ud800" });
    expect(fieldMessages(filters, "communeInsee")[0]).toMatch(/^Commune :/);
    expect(fieldMessages(filters, "epciCode")[0]).toMatch(/^Intercommunalité :/);
  });
});

describe("dates and instants", () => {
  it("a calendar day lies between 2000 and 2100", () => {
    for (const ok of ["2000-01-01", "2026-11-25", "2100-12-31", "2028-02-29"]) expect(isoDateSchema.parse(ok)).toBe(ok);
    for (const bad of ["0000-01-01", "1999-12-31", "2101-01-01", "9999-12-31"]) {
      expect(messages(isoDateSchema.safeParse(bad))).toEqual(["Date hors limites : choisissez une date entre 2000 et 2100."]);
    }
    expect(messages(isoDateSchema.safeParse("2026-02-30"))).toEqual(["Date invalide (format attendu : AAAA-MM-JJ)."]);
    expect(messages(isoDateSchema.safeParse("+275760-09-13"))).toHaveLength(1);
  });

  it("an instant lies between 2000 and 2100; the extreme Dates of JavaScript and invalid ones are refused in French", () => {
    const schema = instantSchema("Du");
    expect(schema.parse(new Date("2026-11-25T10:00:00Z"))).toEqual(new Date("2026-11-25T10:00:00Z"));
    for (const bad of [new Date(8.64e15), new Date(-8.64e15), new Date("0000-01-01T00:00:00Z"), new Date(0), new Date(Date.UTC(2101, 0, 1))]) {
      expect(messages(schema.safeParse(bad))).toEqual(["Du : choisissez une date entre 2000 et 2100."]);
    }
    expect(messages(schema.safeParse(new Date(NaN)))).toEqual(["Du : date et heure invalides."]);
    expect(messages(schema.safeParse("2026-11-25"))).toEqual(["Du : date et heure invalides."]);
  });

  it("a form's instant may come as text, within the same range", () => {
    const schema = coercedInstantSchema("Début");
    expect(schema.parse("2026-12-01T14:00:00.000Z")).toEqual(new Date("2026-12-01T14:00:00.000Z"));
    expect(messages(schema.safeParse("0000-01-01T00:00:00Z"))).toEqual(["Début : choisissez une date entre 2000 et 2100."]);
    expect(messages(schema.safeParse(8.64e15))).toEqual(["Début : choisissez une date entre 2000 et 2100."]);
    expect(messages(schema.safeParse("demain"))).toEqual(["Début : date et heure invalides."]);
  });

  it("the inputs named in the issue use them", () => {
    expect(sessionFilters.safeParse({ from: new Date(8.64e15) }).success).toBe(false);
    expect(sessionFilters.safeParse({ to: new Date(-8.64e15) }).success).toBe(false);
    expect(auditFilters.safeParse({ from: "0000-01-01" }).success).toBe(false);
    expect(auditFilters.safeParse({ cursor: { at: new Date(8.64e15), id: crypto.randomUUID() } }).success).toBe(false);
    const session = sessionInput.safeParse({ workshopId: crypto.randomUUID(), day: "2101-01-01", time: "25:00", durationMinutes: 90, placeId: crypto.randomUUID(), capacity: 10 });
    expect(fieldMessages(session, "day")).toEqual(["Date hors limites : choisissez une date entre 2000 et 2100."]);
    expect(fieldMessages(session, "time")).toEqual(["Heure invalide (format HH:MM, par exemple 09:30)."]);
  });
});

describe("zod's own messages", () => {
  it("are in French (a wrong type, a value outside a list)", () => {
    expect(messages(z.object({ a: z.number() }).safeParse({ a: "x" }))[0]).toMatch(/attendu|invalide/i);
    expect(messages(z.enum(["a", "b"]).safeParse("c"))[0]).toMatch(/invalide|attendu/i);
  });
});
