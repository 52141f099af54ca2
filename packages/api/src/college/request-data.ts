import type { z } from "zod";
import type { collegeRequestInput } from "@medianum/domain";

/** What the request form and the slot booking both ask of a collège (the slot booking has no periods). */
type CollegeDetails = Omit<z.output<typeof collegeRequestInput>, "periods">;

/**
 * The CollegeRequest columns that come straight from the collège's form, with its classes: shared by
 * a request sent for triage (`submit.ts`) and a published slot booked at once (`college-slot/book-slot.ts`).
 */
export function collegeDetailsData(input: CollegeDetails, now: Date) {
  return {
    uai: input.uai,
    establishmentName: input.establishmentName,
    address: input.address,
    communeInsee: input.communeInsee,
    requesterName: input.requesterName,
    requesterRole: input.requesterRole,
    email: input.email,
    phone: input.phone || null,
    topics: input.topics,
    otherTopic: input.topics.includes("other") ? (input.otherTopic ?? null) : null,
    constraints: input.constraints ?? null,
    consentAt: now,
    createdAt: now,
    updatedAt: now,
    classes: { create: input.classes.map((c) => ({ level: c.level, name: c.name ?? null, pupils: c.pupils })) },
  };
}
