import type { PrismaClient } from "@medianum/db";
import { seatsLeft, uuidSchema } from "@medianum/domain";
import { bookableWhere, seatsTakenBySession } from "../booking/queries.js";

/**
 * schema.org `Event` of a session page (/seances/:id), put in the page's head so that search
 * engines show the session with its date and place. Only for a session a parent can book (the
 * page itself says « introuvable » otherwise); no personal data, the seats left as availability.
 */
export async function sessionEventJsonLd(prisma: PrismaClient, id: string, now: Date, publicUrl: string): Promise<Record<string, unknown> | null> {
  if (!uuidSchema.safeParse(id).success) return null;
  const s = await prisma.workshopSession.findFirst({
    where: { id, ...bookableWhere(now) },
    select: {
      id: true,
      startsAt: true,
      durationMinutes: true,
      capacity: true,
      workshop: { select: { title: true, description: true } },
      place: { select: { name: true, address: true, postalCode: true, commune: { select: { name: true } } } },
    },
  });
  if (!s) return null;
  const left = seatsLeft(s.capacity, (await seatsTakenBySession(prisma, [s.id])).get(s.id) ?? 0);
  const url = `${publicUrl}/seances/${s.id}`;
  return {
    "@context": "https://schema.org",
    "@type": "Event",
    name: s.workshop.title,
    description: s.workshop.description,
    startDate: s.startsAt.toISOString(),
    endDate: new Date(s.startsAt.getTime() + s.durationMinutes * 60_000).toISOString(),
    eventStatus: "https://schema.org/EventScheduled",
    eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
    isAccessibleForFree: true,
    inLanguage: "fr",
    url,
    location: {
      "@type": "Place",
      name: s.place.name,
      address: { "@type": "PostalAddress", streetAddress: s.place.address, postalCode: s.place.postalCode, addressLocality: s.place.commune.name, addressCountry: "FR" },
    },
    organizer: { "@type": "Organization", name: "Conseillers numériques du Département", url: `${publicUrl}/` },
    offers: {
      "@type": "Offer",
      price: "0",
      priceCurrency: "EUR",
      availability: left > 0 ? "https://schema.org/InStock" : "https://schema.org/SoldOut",
      url,
    },
  };
}

/** The object as a `<script type="application/ld+json">`: `<` escaped, so no text of a title can close the tag. */
export function jsonLdScript(data: Record<string, unknown>): string {
  return `<script type="application/ld+json">${JSON.stringify(data).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029")}</script>`;
}
