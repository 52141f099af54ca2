import "fake-indexeddb/auto";
import { randomUUID } from "node:crypto";
import { collegeReportInput, parisDayTimeToInstant, passPrescriptionInput, individualRecordInput, type AttendanceSheetView } from "@medianum/domain";
import { beforeEach, describe, expect, it } from "vitest";
import { addWalkIn, checkInOffer, markAttendance } from "./check-in.js";
import { queueCollegeReport } from "./college-report.js";
import { DeviceDb } from "./db.js";
import { queuePrescription } from "./prescriptions.js";
import { saveIndividual } from "./records.js";

// Each rule the server applies to a queued operation, applied on the device first: a refusal says
// why at once and leaves nothing in the outbox (nor any change that would look accepted).

let db: DeviceDb;
beforeEach(async () => {
  db = new DeviceDb(`test-${randomUUID()}`);
  await db.open();
});

const at = (day: string, time: string) => parisDayTimeToInstant(day, time);
const startsAt = at("2026-12-10", "14:00");
const sessionId = randomUUID();
const regId = randomUUID();

async function putSheet(overrides: Partial<AttendanceSheetView["session"]> = {}, regStatus = "confirmed") {
  await db.sheets.put({
    sessionId,
    session: { id: sessionId, title: "Parents et écrans", startsAt, durationMinutes: 90, capacity: 12, status: "scheduled", place: { name: "Médiathèque", communeName: "Agen" }, ...overrides },
    registrations: [{ id: regId, firstName: "Inès", lastName: "B.", seats: 2, status: regStatus, source: "online", need: null }],
    presentCount: 0,
  });
}
const mark = (mark: "present" | "absent" = "present") => ({ kind: "mark" as const, sessionId, registrationId: regId, mark });
const walkIn = () => ({ kind: "walk_in" as const, sessionId, clientId: randomUUID(), firstName: "Jo", lastName: "", seats: 1 });

describe("check-in on the device", () => {
  it("days before the session: refused with the server's reason, no mark on the sheet, nothing queued", async () => {
    await putSheet();
    const refused = await markAttendance(db, mark(), "Inès B.", at("2026-12-07", "10:00"));
    expect(refused?.message).toBe("Le pointage ouvre 2 heures avant le début de la séance.");
    expect(await db.outbox.count()).toBe(0);
    const sheet = await db.sheets.get(sessionId);
    expect(sheet!.registrations[0]!.status).toBe("confirmed");
    expect(sheet!.presentCount).toBe(0);
  });

  it("one millisecond before the window opens: refused; exactly when it opens: marked and queued", async () => {
    await putSheet();
    const opens = at("2026-12-10", "12:00");
    expect(await markAttendance(db, mark(), "Inès B.", new Date(opens.getTime() - 1))).not.toBeNull();
    expect(await db.outbox.count()).toBe(0);
    expect(await markAttendance(db, mark(), "Inès B.", opens)).toBeNull();
    expect((await db.outbox.toArray()).map((o) => o.kind)).toEqual(["attendance.checkin"]);
    expect((await db.sheets.get(sessionId))!.presentCount).toBe(2);
  });

  it("refuses a cancelled session, a cancelled registration, one not on the sheet, a sheet not on the device", async () => {
    await putSheet({ status: "cancelled" });
    expect((await markAttendance(db, mark(), "Inès B.", startsAt))?.message).toBe("Cette séance est annulée : pas de pointage possible.");
    await putSheet({}, "cancelled");
    expect((await markAttendance(db, mark(), "Inès B.", startsAt))?.message).toBe("Cette inscription a été annulée.");
    expect((await markAttendance(db, { ...mark(), registrationId: randomUUID() }, "X", startsAt))?.message).toBe("Cette inscription ne fait pas partie de la séance.");
    expect((await markAttendance(db, { ...mark(), sessionId: randomUUID() }, "X", startsAt))?.message).toBe("La liste de cette séance n'est pas sur cet appareil.");
    expect(await db.outbox.count()).toBe(0);
  });

  it("a walk-in before the window: refused, not added to the present, nothing queued; inside it: added", async () => {
    await putSheet();
    expect((await addWalkIn(db, walkIn(), at("2026-12-10", "11:59")))?.message).toBe("Le pointage ouvre 2 heures avant le début de la séance.");
    expect(await db.outbox.count()).toBe(0);
    expect((await db.sheets.get(sessionId))!.registrations).toHaveLength(1);
    expect(await addWalkIn(db, walkIn(), at("2026-12-10", "14:30"))).toBeNull();
    expect(await db.outbox.count()).toBe(1);
    expect((await db.sheets.get(sessionId))!.presentCount).toBe(1);
  });
});

describe("the agenda's check-in action", () => {
  it("says when check-in opens before the window, offers the link inside it only with the sheet here", async () => {
    await putSheet();
    const sheet = await db.sheets.get(sessionId);
    expect(checkInOffer(startsAt, sheet, at("2026-12-03", "09:00"))).toEqual({ can: false, text: "Pointage possible à partir du jeudi 10 décembre 2026 à 12:00." });
    expect(checkInOffer(startsAt, sheet, at("2026-12-10", "09:00"))).toEqual({ can: false, text: "Pointage possible à partir de 12:00." });
    expect(checkInOffer(startsAt, sheet, at("2026-12-10", "12:00"))).toEqual({ can: true });
    expect(checkInOffer(startsAt, undefined, at("2026-12-10", "12:00"))).toMatchObject({ can: false, text: expect.stringContaining("n'est pas encore sur cet appareil") });
    expect(checkInOffer(startsAt, { session: { startsAt, status: "cancelled" } }, at("2026-12-10", "13:00"))).toEqual({ can: false, text: "Cette séance est annulée : pas de pointage possible." });
  });

  it("on the spring change day, a 04:00 session opens at 01:00 by the Paris clock", () => {
    const early = at("2027-03-28", "04:00");
    expect(checkInOffer(early, undefined, at("2027-03-27", "20:00"))).toEqual({ can: false, text: "Pointage possible à partir du dimanche 28 mars 2027 à 01:00." });
  });
});

describe("collège report on the device", () => {
  const classes = [{ id: randomUUID() }, { id: randomUUID() }];
  const session = { id: randomUUID(), status: "scheduled", startsAt, classes, establishmentName: "Collège Jasmin" } as Parameters<typeof queueCollegeReport>[1];
  const report = (classIds = classes.map((c) => c.id)) =>
    collegeReportInput.parse({ id: randomUUID(), sessionId: session.id, classes: classIds.map((classId) => ({ classId, pupilsPresent: 20 })), topicsCovered: ["cyberbullying"], durationMinutes: 60 });

  it("before the session starts: refused, nothing queued; from its start: queued", async () => {
    expect((await queueCollegeReport(db, session, report(), undefined, new Date(startsAt.getTime() - 1)))?.message).toBe(
      "Cette séance n'a pas encore commencé : le compte rendu se remplit après la séance.",
    );
    expect(await db.outbox.count()).toBe(0);
    expect(await queueCollegeReport(db, session, report(), undefined, startsAt)).toBeNull();
    expect(await db.outbox.count()).toBe(1);
  });

  it("a cancelled session, or classes that are not the session's: refused, nothing queued", async () => {
    expect((await queueCollegeReport(db, { ...session, status: "cancelled" }, report(), undefined, startsAt))?.message).toContain("annulée");
    expect(await queueCollegeReport(db, session, report([classes[0]!.id]), undefined, startsAt)).toMatchObject({ field: "classes" });
    expect(await db.outbox.count()).toBe(0);
  });
});

describe("Pass numérique on the device", () => {
  beforeEach(async () => {
    await db.cheques.bulkPut([
      { number: "PN47-1", status: "in_stock", expiresOn: "2026-11-30", prescriptionId: null },
      { number: "PN47-2", status: "prescribed", expiresOn: null, prescriptionId: randomUUID() },
    ]);
  });
  const prescription = (chequeNumbers: string[], prescribedOn = "2026-11-30") => passPrescriptionInput.parse({ id: randomUUID(), prescribedOn, need: "Tablette", chequeNumbers });

  it("a cheque expired on the day, already given or not in my stock: refused, stock untouched, nothing queued", async () => {
    expect((await queuePrescription(db, prescription(["PN47-1"], "2026-12-01")))?.message).toBe("Le chèque PN47-1 est expiré à cette date.");
    expect((await queuePrescription(db, prescription(["PN47-2"])))?.message).toBe("Le chèque PN47-2 a déjà été prescrit.");
    expect((await queuePrescription(db, prescription(["PN47-9"])))?.message).toBe("Le chèque PN47-9 n'est pas dans votre stock.");
    expect(await db.outbox.count()).toBe(0);
    expect(await db.prescriptions.count()).toBe(0);
    expect((await db.cheques.get("PN47-1"))!.status).toBe("in_stock");
  });

  it("a usable cheque on its last day is given and queued; a correction may give again the cheques it held", async () => {
    const p = prescription(["PN47-1"]);
    expect(await queuePrescription(db, p)).toBeNull();
    expect((await db.cheques.get("PN47-1"))!.status).toBe("prescribed");
    const item = (await db.outbox.toArray())[0]!;
    await db.outbox.update(item.seq!, { status: "rejected", message: "refusé" });
    expect(await queuePrescription(db, { ...p, need: "Téléphone" }, { seq: item.seq!, payload: p })).toBeNull();
    expect(await db.outbox.get(item.seq!)).toMatchObject({ status: "pending", payload: { need: "Téléphone" } });
  });
});

describe("records on the device", () => {
  const record = (placeId: string) =>
    individualRecordInput.parse({ id: randomUUID(), date: "2026-11-24", durationMinutes: 30, locationType: "LieuActivite", placeId, themes: ["Email"] });

  it("a place no longer in the list: refused on its field, nothing saved nor queued", async () => {
    await db.places.put({ id: randomUUID(), name: "Médiathèque", type: "Mediatheque", communeName: "Agen" });
    expect(await saveIndividual(db, record(randomUUID()), "create")).toEqual({ message: "Ce lieu n'existe plus : choisissez-en un autre.", field: "placeId" });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.records.count()).toBe(0);
  });

  it("a known place, or no place list on the device yet (the server decides): saved and queued", async () => {
    expect(await saveIndividual(db, record(randomUUID()), "create")).toBeNull();
    const place = randomUUID();
    await db.places.put({ id: place, name: "Médiathèque", type: "Mediatheque", communeName: "Agen" });
    expect(await saveIndividual(db, record(place), "create")).toBeNull();
    expect(await db.outbox.count()).toBe(2);
  });
});
