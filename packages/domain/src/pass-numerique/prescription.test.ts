import { describe, expect, it } from "vitest";
import { chequeUsableOn, countCheques, passPrescriptionInput, prescriptionRefusal } from "./prescription.js";

const base = { id: "3f2b8c1e-5a4d-4e6f-9b7a-1c2d3e4f5a6b", prescribedOn: "2026-11-25", need: "Apprendre à utiliser une tablette" };

describe("passPrescriptionInput", () => {
  it("forgives spaces and case in cheque numbers typed by hand", () => {
    expect(passPrescriptionInput.parse({ ...base, chequeNumbers: [" pn47-000123 ", "PN47 000124"] }).chequeNumbers).toEqual(["PN47-000123", "PN47000124"]);
  });

  it("refuses no cheque, the same cheque twice, too many, or no need", () => {
    const issues = (input: object) => passPrescriptionInput.safeParse({ ...base, ...input }).error?.issues.map((i) => i.message);
    expect(issues({ chequeNumbers: [] })).toEqual(["Choisissez au moins un chèque."]);
    expect(issues({ chequeNumbers: ["PN47-1", "pn47-1"] })).toEqual(["Le même chèque est indiqué deux fois."]);
    expect(issues({ chequeNumbers: Array.from({ length: 11 }, (_, i) => `PN47-${i + 100}`) })).toEqual(["10 chèques au maximum pour une personne."]);
    expect(issues({ chequeNumbers: ["PN47-1"], need: "  " })).toEqual(["Besoin de la personne : ce champ est obligatoire."]);
    expect(issues({ chequeNumbers: ["n°1"] })).toEqual(["Numéro de chèque invalide (par exemple PN47-000123)."]);
  });
});

describe("cheque stock", () => {
  it("counts by status and knows which cheques can still be given", () => {
    expect(countCheques([{ status: "in_stock" }, { status: "in_stock" }, { status: "used" }])).toEqual({ in_stock: 2, prescribed: 0, used: 1, expired: 0 });
    expect(chequeUsableOn({ status: "in_stock", expiresOn: "2026-11-25" }, "2026-11-25")).toBe(true);
    expect(chequeUsableOn({ status: "in_stock", expiresOn: "2026-11-24" }, "2026-11-25")).toBe(false);
    expect(chequeUsableOn({ status: "prescribed", expiresOn: null }, "2026-11-25")).toBe(false);
  });
});

describe("prescriptionRefusal", () => {
  const stock = new Map([
    ["PN47-1", { status: "in_stock", expiresOn: null, mine: true }],
    ["PN47-2", { status: "in_stock", expiresOn: "2026-11-25", mine: true }],
    ["PN47-3", { status: "prescribed", expiresOn: null, mine: true }],
    ["PN47-4", { status: "expired", expiresOn: "2026-01-01", mine: true }],
    ["PN47-5", { status: "in_stock", expiresOn: null, mine: false }],
  ]);
  const refuse = (chequeNumbers: string[], prescribedOn = "2026-11-25") => prescriptionRefusal({ chequeNumbers, prescribedOn }, (n) => stock.get(n));

  it("accepts cheques of my stock up to and including their expiry day", () => {
    expect(refuse(["PN47-1", "PN47-2"])).toBeNull();
  });

  it("names every cheque that cannot be given, and why", () => {
    expect(refuse(["PN47-2"], "2026-11-26")).toEqual({ message: "Le chèque PN47-2 est expiré à cette date.", field: "chequeNumbers" });
    expect(refuse(["PN47-3", "PN47-4", "PN47-5", "PN47-9"])?.message).toBe(
      "Le chèque PN47-3 a déjà été prescrit. Le chèque PN47-4 a déjà été déclaré expiré. Le chèque PN47-5 n'est pas dans votre stock. Le chèque PN47-9 n'est pas dans votre stock.",
    );
  });
});
