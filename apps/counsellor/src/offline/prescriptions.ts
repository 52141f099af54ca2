import { countOf, formatDay, prescriptionRefusal, type PassPrescription, type Refusal } from "@medianum/domain";
import type { DeviceDb } from "./db.js";
import { enqueue, retryNow } from "./outbox.js";

/**
 * Prescribes cheques of my stock on the device and queues it, after the rule the server applies
 * (each cheque mine, in stock, not expired on the day), read on the device's copy of my stock. A
 * corrected prescription (`correcting`: the refused one) may give again the cheques it held. A
 * refusal changes nothing: the cheques stay in stock, nothing is queued.
 */
export async function queuePrescription(db: DeviceDb, p: PassPrescription, correcting?: { seq: number; payload: PassPrescription }): Promise<Refusal | null> {
  return db.transaction("rw", [db.outbox, db.records, db.prescriptions, db.cheques], async () => {
    const stock = new Map((await db.cheques.where("number").anyOf(p.chequeNumbers).toArray()).map((c) => [c.number, c]));
    const refused = prescriptionRefusal(p, (n) => {
      const c = stock.get(n);
      // Held by this very prescription (a correction): back in stock for the check.
      return c && { status: c.prescriptionId === p.id ? "in_stock" : c.status, expiresOn: c.expiresOn, mine: true };
    });
    if (refused) return refused;
    const prev = correcting?.payload;
    // Cheques left out of a corrected prescription go back to the stock until the server's next word on them.
    if (prev) await db.cheques.where("number").anyOf(prev.chequeNumbers.filter((n) => !p.chequeNumbers.includes(n))).modify({ status: "in_stock", prescriptionId: null });
    await db.prescriptions.put({ id: p.id, prescribedOn: p.prescribedOn, need: p.need, chequeNumbers: p.chequeNumbers, syncState: "pending" });
    await db.cheques.where("number").anyOf(p.chequeNumbers).modify({ status: "prescribed", prescriptionId: p.id });
    if (correcting) await retryNow(db, correcting.seq, p);
    else await enqueue(db, { kind: "pass.prescription", payload: p, entityId: p.id, summary: `Pass numérique : ${countOf(p.chequeNumbers.length, "chèque")} le ${formatDay(p.prescribedOn)}` });
    return null;
  });
}
