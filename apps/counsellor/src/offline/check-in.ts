import { CHECK_IN_CANCELLED, checkInOpensText, checkInRefusal, countPresent, markRefusal, type AttendanceInput, type Refusal } from "@medianum/domain";
import type { DeviceDb } from "./db.js";
import { enqueue } from "./outbox.js";

type Mark = Extract<AttendanceInput, { kind: "mark" }>;
type WalkIn = Extract<AttendanceInput, { kind: "walk_in" }> & { lastName: string; seats: number };

export const SHEET_NOT_HERE = "La liste de cette séance n'est pas sur cet appareil.";

/**
 * Marks a registration present or absent on the device and queues it, after the rules the server
 * applies (check-in window, cancelled session or registration), read on the device's sheet. A
 * refusal changes nothing: no mark on the sheet, nothing in the outbox.
 */
export async function markAttendance(db: DeviceDb, input: Mark, name: string, now = new Date()): Promise<Refusal | null> {
  return db.transaction("rw", [db.sheets, db.outbox, db.records], async () => {
    const sheet = await db.sheets.get(input.sessionId);
    if (!sheet) return { message: SHEET_NOT_HERE };
    const refused = checkInRefusal(sheet.session, now) ?? markRefusal(sheet.registrations.find((r) => r.id === input.registrationId));
    if (refused) return refused;
    const status = input.mark === "present" ? "attended" : "no_show";
    const registrations = sheet.registrations.map((r) => (r.id === input.registrationId ? { ...r, status } : r));
    await db.sheets.put({ ...sheet, registrations, presentCount: countPresent(registrations) });
    await enqueue(db, {
      kind: "attendance.checkin",
      payload: input,
      entityId: `${input.sessionId}:${input.registrationId}`,
      summary: `Pointage : ${name} ${input.mark === "present" ? "présent(e)" : "absent(e)"}`,
    });
    return null;
  });
}

/** Adds someone who came without booking, under the same rules as a mark. */
export async function addWalkIn(db: DeviceDb, input: WalkIn, now = new Date()): Promise<Refusal | null> {
  return db.transaction("rw", [db.sheets, db.outbox, db.records], async () => {
    const sheet = await db.sheets.get(input.sessionId);
    if (!sheet) return { message: SHEET_NOT_HERE };
    const refused = checkInRefusal(sheet.session, now);
    if (refused) return refused;
    const registrations = [...sheet.registrations, { id: input.clientId, firstName: input.firstName, lastName: input.lastName, seats: input.seats, status: "attended", source: "walk_in", need: null }];
    await db.sheets.put({ ...sheet, registrations, presentCount: countPresent(registrations) });
    await enqueue(db, { kind: "attendance.checkin", payload: input, entityId: input.clientId, summary: `Pointage : ${input.firstName} (sans inscription)` });
    return null;
  });
}

/** What the agenda offers for a workshop session: the check-in link only when a tap on it can work now. */
export type CheckInOffer = { can: true } | { can: false; text: string };

/**
 * The check-in window's rule, applied to the agenda: before it opens, when it opens; once open,
 * the link if the sheet is on the device, otherwise when it will be.
 */
export function checkInOffer(startsAt: Date, sheet: { session: { startsAt: Date; status: string } } | undefined, now: Date): CheckInOffer {
  const refused = checkInRefusal(sheet?.session ?? { startsAt, status: "scheduled" }, now);
  if (refused) return { can: false, text: refused.message === CHECK_IN_CANCELLED ? refused.message : checkInOpensText(startsAt, now) };
  if (!sheet) return { can: false, text: "La liste de présence n'est pas encore sur cet appareil : elle arrivera à la prochaine connexion au réseau." };
  return { can: true };
}
