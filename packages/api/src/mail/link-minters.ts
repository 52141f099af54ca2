import type { PrismaClient } from "@medianum/db";
import { mintManageToken } from "../booking/links.js";
import { mintTrackingToken } from "../college/links.js";
import { mintFeedbackToken } from "../feedback/links.js";
import { mintSetPasswordToken } from "../team/links.js";
import type { PersonalLinkKind, PersonalLinkRef } from "./personal-link.js";

/** Each feature creates the tokens of its own links; null when the link no longer has a purpose. */
const minters: Record<PersonalLinkKind, (db: PrismaClient, targetId: string, now: Date) => Promise<string | null>> = {
  set_password: mintSetPasswordToken,
  manage_registration: mintManageToken,
  college_tracking: mintTrackingToken,
  feedback: mintFeedbackToken,
};

/** The full link of a message about to be sent, with a token created now; null when it is obsolete. */
export async function mintPersonalLink(db: PrismaClient, ref: PersonalLinkRef, now: Date): Promise<string | null> {
  const token = await minters[ref.kind](db, ref.targetId, now);
  return token === null ? null : `${ref.prefix}${token}`;
}
