import { describe, expect, it } from "vitest";
import { collegeActivityTitle, collegeReportInput, mediationThemesOf } from "./report.js";
import { collegeMessageInput, trackingTokenSchema } from "./tracking.js";

const ID = "1b3d7052-6f8e-4a2c-9d54-5e6f708192a3";
const SESSION = "2c4e8163-708f-4b3d-8e65-6f708192a3b4";
const CLASS = "3d5f9274-8190-4c4e-9f76-708192a3b4c5";

const report = (overrides: Record<string, unknown> = {}) => ({
  id: ID,
  sessionId: SESSION,
  classes: [{ classId: CLASS, pupilsPresent: 24 }],
  topicsCovered: ["cyberbullying"],
  durationMinutes: 55,
  ...overrides,
});

describe("collegeReportInput", () => {
  it("accepts a complete report", () => {
    expect(collegeReportInput.parse(report({ remarks: "  Très bonne écoute.  " })).remarks).toBe("Très bonne écoute.");
  });

  it("requires pupils present, a topic and a duration", () => {
    const res = collegeReportInput.safeParse(report({ classes: [{ classId: CLASS, pupilsPresent: 0 }], topicsCovered: [] }));
    const messages = res.error!.issues.map((i) => i.message);
    expect(messages).toContain("Cochez au moins un sujet abordé.");
    expect(messages).toContain("Indiquez au moins un élève présent. Si la séance n'a pas eu lieu, prévenez la coordination.");
    expect(collegeReportInput.safeParse(report({ durationMinutes: 0 })).success).toBe(false);
    expect(collegeReportInput.safeParse(report({ classes: [{ classId: CLASS, pupilsPresent: 41 }] })).error?.issues[0]?.path).toEqual([
      "classes",
      0,
      "pupilsPresent",
    ]);
  });
});

describe("collège topics as Coop themes", () => {
  it("maps topics to the national mediation themes without duplicates", () => {
    expect(mediationThemesOf(["cyberbullying", "e_reputation"])).toEqual(["ReseauxSociaux", "SecuriteNumerique", "CultureNumerique"]);
    expect(mediationThemesOf(["other"])).toEqual(["CultureNumerique"]);
  });

  it("titles the activity record after the topics and the collège", () => {
    expect(collegeActivityTitle(["cyberbullying", "other"], "Collège Jasmin")).toBe("Cyberharcèlement, Sensibilisation — Collège Jasmin");
  });
});

describe("tracking link inputs", () => {
  it("accepts a 256-bit base64url token and refuses anything else", () => {
    expect(trackingTokenSchema.safeParse("a".repeat(43)).success).toBe(true);
    expect(trackingTokenSchema.safeParse("abc").error?.issues[0]?.message).toBe(
      "Lien de suivi invalide : vérifiez qu'il a été copié en entier.",
    );
    expect(trackingTokenSchema.safeParse("a".repeat(42) + "/").success).toBe(false);
  });

  it("requires a message body", () => {
    expect(collegeMessageInput.safeParse({ token: "a".repeat(43), body: "  " }).error?.issues[0]?.message).toBe(
      "Votre message : ce champ est obligatoire.",
    );
  });
});
