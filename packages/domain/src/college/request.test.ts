import { describe, expect, it } from "vitest";
import { collegeRequestInput, MAX_PUPILS_PER_CLASS, totalPupils, type CollegeRequestInput } from "./request.js";

function validRequest(overrides: Partial<CollegeRequestInput> = {}): CollegeRequestInput {
  return {
    uai: "0470040N",
    establishmentName: "Collège Jasmin",
    address: "Rue Jasmin",
    communeInsee: "47001",
    requesterName: "Claire Dupuy",
    requesterRole: "cpe",
    email: "cpe.college@ac-bordeaux.fr",
    classes: [
      { level: "4e", name: "4e B", pupils: 27 },
      { level: "3e", pupils: 25 },
    ],
    topics: ["cyberbullying", "e_reputation"],
    periods: [{ from: "2026-03-02", to: "2026-03-20" }],
    consent: true,
    ...overrides,
  };
}

function issues(input: unknown) {
  const res = collegeRequestInput.safeParse(input);
  expect(res.success).toBe(false);
  return res.error?.issues ?? [];
}

describe("collegeRequestInput", () => {
  it("accepts a complete request and normalises the UAI", () => {
    const res = collegeRequestInput.parse(validRequest({ uai: " 0470040n " }));
    expect(res.uai).toBe("0470040N");
    expect(res.classes).toHaveLength(2);
  });

  it("rejects an invalid UAI on the uai field", () => {
    expect(issues(validRequest({ uai: "0470040A" }))[0]?.path).toEqual(["uai"]);
  });

  it("requires the text when the topic « Autre sujet » is chosen", () => {
    const missing = issues(validRequest({ topics: ["other"] }));
    expect(missing).toEqual([expect.objectContaining({ path: ["otherTopic"], message: "Précisez l'autre sujet : écrivez le sujet souhaité, ou décochez « Autre sujet »." })]);
    expect(issues(validRequest({ topics: ["cyberbullying", "other"], otherTopic: "   " }))[0]?.path).toEqual(["otherTopic"]);
    expect(collegeRequestInput.safeParse(validRequest({ topics: ["other"], otherTopic: "Jeux vidéo en ligne" })).success).toBe(
      true,
    );
  });

  it("requires at least one topic among the known ones", () => {
    expect(issues(validRequest({ topics: [] }))[0]?.message).toBe("Sujets souhaités : cochez au moins un sujet.");
    expect(issues(validRequest({ topics: ["hacking" as "other"] }))[0]?.message).toBe("Sujets souhaités : cochez des sujets de la liste.");
  });

  it("requires the end of a period to follow its start", () => {
    const bad = issues(validRequest({ periods: [{ from: "2026-03-20", to: "2026-03-02" }] }));
    expect(bad[0]).toMatchObject({ path: ["periods", 0, "to"], message: "Au : choisissez une date de fin égale ou postérieure au début de la période." });
    // A single day is a valid period.
    expect(collegeRequestInput.safeParse(validRequest({ periods: [{ from: "2026-03-02", to: "2026-03-02" }] })).success).toBe(
      true,
    );
  });

  it("requires at least one period with valid dates", () => {
    expect(issues(validRequest({ periods: [] }))[0]?.message).toBe("Périodes : indiquez au moins une période qui vous convient.");
    expect(issues(validRequest({ periods: [{ from: "02/03/2026", to: "2026-03-20" }] }))[0]?.path).toEqual([
      "periods",
      0,
      "from",
    ]);
  });

  it("names the field and what to do in every message of an empty form, an empty date saying it is required", () => {
    const empty = issues({ uai: "", establishmentName: "", address: "", communeInsee: "", requesterName: "", email: "", classes: [{ pupils: 20 }], topics: [], periods: [{ from: "", to: "" }], consent: false });
    const byPath = Object.fromEntries(empty.map((i) => [i.path.join("."), i.message]));
    expect(byPath).toMatchObject({
      uai: "Code UAI : indiquez le code de l'établissement (7 chiffres et une lettre, par exemple 0470040N).",
      establishmentName: "Nom du collège : ce champ est obligatoire.",
      address: "Adresse : ce champ est obligatoire.",
      communeInsee: "Commune : choisissez la commune du collège dans la liste.",
      requesterRole: "Votre fonction : cochez celle qui vous correspond.",
      "classes.0.level": "Niveau : choisissez le niveau de la classe dans la liste (6e, 5e, 4e ou 3e).",
      topics: "Sujets souhaités : cochez au moins un sujet.",
      "periods.0.from": "Du : indiquez une date, ce champ est obligatoire.",
      "periods.0.to": "Au : indiquez une date, ce champ est obligatoire.",
      consent: "Accord : cochez la case pour que le Département puisse traiter la demande.",
    });
    // A code that is no commune gets the same instruction, never an INSEE jargon message.
    expect(issues(validRequest({ communeInsee: "abc" }))[0]?.message).toBe("Commune : choisissez la commune du collège dans la liste.");
    expect(issues(validRequest({ periods: [{ from: "2026-02-30", to: "2026-03-02" }] }))[0]?.message).toBe(
      "Du : cette date n'existe pas ; choisissez-la dans le calendrier.",
    );
  });

  it("accepts only collège levels 6e to 3e", () => {
    for (const level of ["6e", "5e", "4e", "3e"] as const) {
      expect(collegeRequestInput.safeParse(validRequest({ classes: [{ level, pupils: 20 }] })).success).toBe(true);
    }
    for (const level of ["CM2", "2nde", "7e"]) {
      const found = issues(validRequest({ classes: [{ level: level as "6e", pupils: 20 }] }));
      expect(found[0]?.path).toEqual(["classes", 0, "level"]);
    }
  });

  it("bounds the number of pupils per class", () => {
    expect(collegeRequestInput.safeParse(validRequest({ classes: [{ level: "6e", pupils: 1 }] })).success).toBe(true);
    expect(
      collegeRequestInput.safeParse(validRequest({ classes: [{ level: "6e", pupils: MAX_PUPILS_PER_CLASS }] })).success,
    ).toBe(true);
    expect(issues(validRequest({ classes: [{ level: "6e", pupils: 0 }] }))[0]).toMatchObject({
      path: ["classes", 0, "pupils"],
      message: "Nombre d'élèves : indiquez au moins 1 élève.",
    });
    expect(issues(validRequest({ classes: [{ level: "6e", pupils: 41 }] }))[0]).toMatchObject({
      path: ["classes", 0, "pupils"],
      message: "Nombre d'élèves : 40 au maximum par classe ; au-delà, ajoutez une autre classe.",
    });
    expect(issues(validRequest({ classes: [{ level: "6e", pupils: 20.5 }] }))[0]?.path).toEqual(["classes", 0, "pupils"]);
  });

  it("requires at least one class", () => {
    expect(issues(validRequest({ classes: [] }))[0]?.message).toBe("Classes : ajoutez au moins une classe.");
  });

  it("requires consent and an empty honeypot", () => {
    expect(issues({ ...validRequest(), consent: false })[0]?.path).toEqual(["consent"]);
    expect(issues(validRequest({ website: "spam" }))[0]).toMatchObject({ path: ["website"], message: "Formulaire invalide." });
  });

  it("accepts an optional phone number and normalises it", () => {
    expect(collegeRequestInput.parse(validRequest({ phone: "" })).phone).toBe("");
    expect(collegeRequestInput.parse(validRequest({ phone: "+33 5 53 69 40 00" })).phone).toBe("0553694000");
  });

  it("requires the establishment's address", () => {
    expect(issues(validRequest({ address: "  " }))[0]).toMatchObject({
      path: ["address"],
      message: "Adresse : ce champ est obligatoire.",
    });
  });

  it("requires a valid e-mail and INSEE code", () => {
    expect(issues(validRequest({ email: "cpe" }))[0]?.path).toEqual(["email"]);
    expect(issues(validRequest({ communeInsee: "4700" }))[0]?.path).toEqual(["communeInsee"]);
  });
});

describe("totalPupils", () => {
  it("sums the pupils of every class", () => {
    expect(totalPupils([{ pupils: 27 }, { pupils: 25 }, { pupils: 30 }])).toBe(82);
  });

  it("is 0 without classes", () => {
    expect(totalPupils([])).toBe(0);
  });
});
