import { describe, expect, it } from "vitest";
import { formatRecoveryCode, secondFactorInput, totpCodeInput } from "./totp.js";

describe("second-factor codes", () => {
  it("takes 6 digits typed with spaces, and a recovery code in any case with or without dashes", () => {
    expect(totpCodeInput.parse({ code: " 123 456 " })).toEqual({ code: "123456" });
    expect(secondFactorInput.parse({ code: "abcd-efgh jkmn-pqrs" })).toEqual({ code: "ABCDEFGHJKMNPQRS" });
    expect(formatRecoveryCode("abcdefghjkmnpqrs")).toBe("ABCD-EFGH-JKMN-PQRS");
  });

  it("refuses anything else with a French message", () => {
    const wrong = totpCodeInput.safeParse({ code: "ABCD-EFGH-JKMN-PQRS" });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.message).toContain("6 chiffres");
    for (const code of ["12345", "1234567", "OOOO-IIII-0000-1111", "123\u0000456", "x".repeat(41)]) {
      const res = secondFactorInput.safeParse({ code });
      expect(res.success, code).toBe(false);
      expect(res.error?.issues[0]?.message).toMatch(/^Saisissez les 6 chiffres/);
    }
  });
});
