import { describe, expect, it } from "vitest";
import { checkUai, uaiCheckLetter, uaiSchema } from "./uai.js";

const FORMAT_MESSAGE =
  "Code UAI : tapez 7 chiffres suivis d'une lettre (exemple : 0470040N) ; il figure sur les courriers de l'établissement.";
const LETTER_MESSAGE = "Code UAI : la lettre finale ne correspond pas aux chiffres ; vérifiez le code sur un courrier de l'établissement.";

describe("uaiCheckLetter", () => {
  it("computes the letter of real UAI codes", () => {
    expect(uaiCheckLetter("0750654")).toBe("D"); // a Paris lycée
    expect(uaiCheckLetter("0470040")).toBe("N"); // Lot-et-Garonne
  });

  it("reads the remainder modulo 23 in an alphabet without I, O and Q", () => {
    expect(uaiCheckLetter("0000000")).toBe("A");
    expect(uaiCheckLetter("0000023")).toBe("A");
    expect(uaiCheckLetter("0000007")).toBe("H");
    expect(uaiCheckLetter("0000008")).toBe("J"); // I is skipped
    expect(uaiCheckLetter("0000013")).toBe("P"); // O is skipped
    expect(uaiCheckLetter("0000014")).toBe("R"); // Q is skipped
    expect(uaiCheckLetter("0000022")).toBe("Z");
  });

  it("never yields I, O or Q", () => {
    const letters = new Set<string>();
    for (let n = 0; n < 23; n++) letters.add(uaiCheckLetter(String(470000 + n).padStart(7, "0")));
    expect(letters.size).toBe(23);
    for (const forbidden of ["I", "O", "Q"]) expect(letters.has(forbidden)).toBe(false);
  });

  it("throws unless given exactly 7 digits", () => {
    for (const bad of ["075065", "07506540", "075065A", "", " 0750654"]) {
      expect(() => uaiCheckLetter(bad)).toThrow(RangeError);
    }
  });
});

describe("checkUai", () => {
  it("accepts valid codes", () => {
    expect(checkUai("0750654D")).toEqual({ ok: true, uai: "0750654D" });
    expect(checkUai("0470040N")).toEqual({ ok: true, uai: "0470040N" });
  });

  it("normalises lowercase and spaces", () => {
    expect(checkUai("0470040n")).toEqual({ ok: true, uai: "0470040N" });
    expect(checkUai("  0750654d ")).toEqual({ ok: true, uai: "0750654D" });
    expect(checkUai("075 0654 D")).toEqual({ ok: true, uai: "0750654D" });
  });

  it("reports a wrong check letter", () => {
    expect(checkUai("0750654E")).toEqual({ ok: false, problem: "check_letter" });
    expect(checkUai("0470040A")).toEqual({ ok: false, problem: "check_letter" });
    // A typo in the digits is caught by the letter.
    expect(checkUai("0470041N")).toEqual({ ok: false, problem: "check_letter" });
  });

  it("reports a bad format", () => {
    for (const bad of ["", "0470040", "047004N", "04700400N", "0470040NN", "N0470040", "0470-040N", "0470040-"]) {
      expect(checkUai(bad)).toEqual({ ok: false, problem: "format" });
    }
  });
});

describe("uaiSchema", () => {
  it("returns the normalised code", () => {
    expect(uaiSchema.parse(" 0470040n ")).toBe("0470040N");
  });

  it("explains a bad format in French", () => {
    const res = uaiSchema.safeParse("47040N");
    expect(res.success).toBe(false);
    expect(res.error?.issues[0]?.message).toBe(FORMAT_MESSAGE);
  });

  it("explains a wrong check letter in French", () => {
    const res = uaiSchema.safeParse("0750654E");
    expect(res.success).toBe(false);
    expect(res.error?.issues[0]?.message).toBe(LETTER_MESSAGE);
  });

  it("asks for the code when it is missing", () => {
    const res = uaiSchema.safeParse(undefined);
    expect(res.success).toBe(false);
    expect(res.error?.issues[0]?.message).toBe("Code UAI : indiquez le code de l'établissement (7 chiffres et une lettre, par exemple 0470040N).");
  });
});
