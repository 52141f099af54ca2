import type { Refusal } from "../shared/refusal.js";

/**
 * What a side knows of the things a record points to. A lookup left out means "this side cannot
 * tell" (the device keeps the places, not the communes nor the followed people): the server,
 * which knows them all, still decides.
 */
export interface RecordReferenceLookups {
  /** Whether the place still exists. */
  place?: (id: string) => boolean;
  /** Whether the commune is known. */
  commune?: (inseeCode: string) => boolean;
  /** Whether the person is one of my followed beneficiaries. */
  beneficiary?: (id: string) => boolean;
}

/** Whether the place, commune and followed person of a record are there to point to; null when they are. */
export function recordReferencesRefusal(
  r: { placeId?: string | null | undefined; communeInsee?: string | null | undefined; beneficiaryId?: string | null | undefined },
  known: RecordReferenceLookups,
): Refusal | null {
  if (r.placeId && known.place && !known.place(r.placeId)) return { message: "Ce lieu n'existe plus : choisissez-en un autre.", field: "placeId" };
  if (r.communeInsee && known.commune && !known.commune(r.communeInsee)) return { message: "Cette commune est inconnue.", field: "communeInsee" };
  if (r.beneficiaryId && known.beneficiary && !known.beneficiary(r.beneficiaryId)) {
    return { message: "Cette personne suivie est introuvable dans vos bénéficiaires.", field: "beneficiaryId" };
  }
  return null;
}

/** A session as seen by the one checking a record tied to it: null when it is not one of mine; `recordId` its record, if any. */
export type SessionForRecord = { recordId: string | null } | null;

/**
 * A collective record may only be tied to a workshop or collège session of mine that has no
 * other record yet (one record per session). A lookup left out: this side cannot tell.
 */
export function recordSessionRefusal(
  r: { id: string; workshopSessionId?: string | null | undefined; collegeSessionId?: string | null | undefined },
  sessions: { workshop?: (id: string) => SessionForRecord; college?: (id: string) => SessionForRecord },
): Refusal | null {
  if (r.workshopSessionId && sessions.workshop) {
    const s = sessions.workshop(r.workshopSessionId);
    if (!s) return { message: "Cette séance d'atelier ne vous est pas confiée.", field: "workshopSessionId" };
    if (s.recordId && s.recordId !== r.id) return { message: "Cette séance d'atelier a déjà son compte rendu.", field: "workshopSessionId" };
  }
  if (r.collegeSessionId && sessions.college) {
    const s = sessions.college(r.collegeSessionId);
    if (!s) return { message: "Cette séance en collège ne vous est pas confiée.", field: "collegeSessionId" };
    if (s.recordId && s.recordId !== r.id) return { message: "Cette séance en collège a déjà son compte rendu.", field: "collegeSessionId" };
  }
  return null;
}
