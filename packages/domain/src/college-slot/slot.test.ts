import { describe, expect, it } from "vitest";
import { parisDayTimeToInstant } from "../shared/clock.js";
import {
  bookingClosesAt,
  bookSlotInput,
  expandSlotPattern,
  publishSlotsInput,
  slotBookingRefusal,
  slotClassesLeft,
  slotServes,
  type SlotState,
} from "./slot.js";
import { fillRate } from "./figures.js";

const at = (day: string, time = "09:00") => parisDayTimeToInstant(day, time);

function slot(over: Partial<SlotState> = {}): SlotState {
  return { status: "open", startsAt: at("2027-01-14"), bookingClosesAt: null, capacityClasses: 3, classesTaken: 0, ...over };
}

describe("bulk publication", () => {
  it("every Tuesday and Thursday morning of January 2027 at 9:00 and 10:00: 18 slots in time order", () => {
    const slots = expandSlotPattern({ from: "2027-01-01", to: "2027-01-31", weekdays: ["2", "4"], times: ["10:00", "09:00"] });
    // Tuesdays 5, 12, 19, 26 and Thursdays 7, 14, 21, 28 → 8 days, 2 times each... plus none else.
    expect(slots).toHaveLength(16);
    expect(slots[0]).toEqual({ day: "2027-01-05", time: "09:00" });
    expect(slots[1]).toEqual({ day: "2027-01-05", time: "10:00" });
    expect(slots.at(-1)).toEqual({ day: "2027-01-28", time: "10:00" });
    expect(new Set(slots.map((s) => s.day))).toEqual(new Set(["2027-01-05", "2027-01-07", "2027-01-12", "2027-01-14", "2027-01-19", "2027-01-21", "2027-01-26", "2027-01-28"]));
  });

  const base = {
    from: "2027-01-01",
    to: "2027-01-31",
    weekdays: ["2"],
    times: ["09:00"],
    durationMinutes: 55,
    topics: ["cyberbullying"],
    counsellorIds: ["0b9b5f8e-1f1a-4c55-9d33-3c4f5a6b7c8d"],
    capacityClasses: 2,
  };

  it("accepts a plain publication; whole département when no area is chosen", () => {
    const p = publishSlotsInput.parse(base);
    expect(p.communeInsees).toEqual([]);
    expect(p.epciCodes).toEqual([]);
    expect(p.confirmConflicts).toBe(false);
  });

  it("refuses an end before the start, a repeated hour, no weekday and a zero capacity, in French", () => {
    const r = publishSlotsInput.safeParse({ ...base, to: "2026-12-01", times: ["09:00", "09:00"], weekdays: [], capacityClasses: 0 });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => i.message).join("\n");
    expect(messages).toMatch(/Jours : cochez au moins un jour/);
    expect(messages).toMatch(/Classes accueillies : au moins 1/);
  });

  it("refuses a publication over more than six months", () => {
    const r = publishSlotsInput.safeParse({ ...base, to: "2027-09-01" });
    expect(r.error?.issues[0]?.message).toMatch(/6 mois au plus/);
  });
});

describe("capacity and deadlines", () => {
  const now = at("2027-01-10", "12:00");

  it("books while classes are left, never beyond", () => {
    expect(slotBookingRefusal(slot({ classesTaken: 1 }), 2, now)).toBeNull();
    expect(slotClassesLeft(slot({ classesTaken: 2 }))).toBe(1);
    expect(slotBookingRefusal(slot({ classesTaken: 2 }), 2, now)?.reason).toBe("too_many");
    expect(slotBookingRefusal(slot({ classesTaken: 2 }), 2, now)?.message).toMatch(/plus que 1 classe :/);
    expect(slotBookingRefusal(slot({ classesTaken: 3 }), 1, now)).toMatchObject({ reason: "full", message: expect.stringMatching(/complet.*demande de séance/) });
    // More taken than offered (capacity lowered after bookings): still full, never negative.
    expect(slotClassesLeft(slot({ classesTaken: 5 }))).toBe(0);
  });

  it("closes at midnight starting the deadline day (Paris), and at the start without a deadline", () => {
    const closes = bookingClosesAt("2027-01-14", 2)!;
    expect(closes).toEqual(new Date("2027-01-11T23:00:00Z"));
    expect(bookingClosesAt("2027-01-14", undefined)).toBeNull();
    const s = slot({ bookingClosesAt: closes });
    expect(slotBookingRefusal(s, 1, new Date(closes.getTime() - 1))).toBeNull();
    expect(slotBookingRefusal(s, 1, closes)?.reason).toBe("closed");
    expect(slotBookingRefusal(slot(), 1, at("2027-01-14", "09:00"))?.reason).toBe("closed");
    expect(slotBookingRefusal(slot(), 1, at("2027-01-14", "08:59"))).toBeNull();
  });

  it("a withdrawn slot cannot be booked", () => {
    expect(slotBookingRefusal(slot({ status: "withdrawn" }), 1, now)?.reason).toBe("withdrawn");
  });

  it("fill rate in percent, none when nothing was offered", () => {
    expect(fillRate({ capacityClasses: 3, bookedClasses: 2 })).toBe(67);
    expect(fillRate({ capacityClasses: 0, bookedClasses: 0 })).toBeNull();
  });
});

describe("territory served", () => {
  const agen = { inseeCode: "47001", epciCode: "200096956" };
  it("whole département, named commune, named intercommunalité", () => {
    expect(slotServes({ communeInsees: [], epciCodes: [] }, agen)).toBe(true);
    expect(slotServes({ communeInsees: ["47001"], epciCodes: [] }, agen)).toBe(true);
    expect(slotServes({ communeInsees: [], epciCodes: ["200096956"] }, agen)).toBe(true);
    expect(slotServes({ communeInsees: ["47086"], epciCodes: ["200068930"] }, agen)).toBe(false);
    expect(slotServes({ communeInsees: [], epciCodes: ["200068930"] }, { inseeCode: "47999", epciCode: null })).toBe(false);
  });
});

describe("booking input", () => {
  const booking = {
    slotId: "0b9b5f8e-1f1a-4c55-9d33-3c4f5a6b7c8d",
    uai: "0470040N",
    establishmentName: "Collège Jasmin",
    address: "12 rue Jasmin",
    communeInsee: "47001",
    requesterName: "Claire Dupuy",
    requesterRole: "cpe",
    email: "cpe@college.fr",
    classes: [{ level: "5e", pupils: 26 }],
    topics: ["cyberbullying"],
    consent: true,
  };
  it("asks the request form's details, without periods", () => {
    expect(bookSlotInput.safeParse(booking).success).toBe(true);
  });
  it("checks the UAI's letter and the other topic's words", () => {
    expect(bookSlotInput.safeParse({ ...booking, uai: "0470040A" }).error?.issues[0]?.message).toMatch(/UAI/);
    expect(bookSlotInput.safeParse({ ...booking, topics: ["other"] }).error?.issues[0]?.message).toMatch(/Précisez l'autre sujet/);
  });
});
