import type { PrismaClient } from "@medianum/db";
import type { PublicSessionDetailView } from "@medianum/domain";
import type { ApiConfig } from "../shared/config.js";
import { notFound } from "../shared/errors.js";
import { bookableWhere, publicSessionInclude, seatsTakenBySession, toPublicSessionView } from "./queries.js";

/** A bookable session's page on the portal: what it is, where, what to bring, whom to ask, and the booking's terms. */
export async function readPublicSession(
  prisma: PrismaClient,
  config: Pick<ApiConfig, "registrationRetentionMonths" | "cancellationDeadlineHours">,
  id: string,
  now: Date,
): Promise<PublicSessionDetailView> {
  const s = await prisma.workshopSession.findFirst({ where: { id, ...bookableWhere(now) }, include: publicSessionInclude });
  if (!s) throw notFound("Cette séance");
  const taken = await seatsTakenBySession(prisma, [s.id]);
  return {
    ...toPublicSessionView(s, taken.get(s.id) ?? 0),
    audience: s.workshop.audience as PublicSessionDetailView["audience"],
    whatToBring: s.workshop.whatToBring,
    accessInfo: s.accessInfo ?? s.place.accessInfo,
    contactEmail: s.workshop.contactEmail,
    contactPhone: s.workshop.contactPhone,
    retentionMonths: config.registrationRetentionMonths,
    cancellationDeadlineHours: config.cancellationDeadlineHours,
  };
}
