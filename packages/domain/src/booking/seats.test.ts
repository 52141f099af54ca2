import { describe, expect, it } from "vitest";
import { seatsFreedText, seatsReservedText } from "./seats.js";

describe("what a family is told about its seats agrees in number", () => {
  it("one seat is « votre place », several are « vos N places »", () => {
    expect(seatsReservedText(1)).toBe("Votre place est réservée.");
    expect(seatsReservedText(2)).toBe("Vos 2 places sont réservées.");
    expect(seatsReservedText(4)).toBe("Vos 4 places sont réservées.");
  });
  it("freed seats take the verb in the same number", () => {
    expect(seatsFreedText(1, "servira à une autre famille", "serviront à d'autres familles")).toBe("votre place servira à une autre famille");
    expect(seatsFreedText(3, "servira à une autre famille", "serviront à d'autres familles")).toBe("vos places serviront à d'autres familles");
  });
});
