import type { PrismaClient } from "@medianum/db";
import type { workshopView } from "@medianum/domain";
import type { z } from "zod";

/** The workshop catalogue, by title, each with how many of its sessions are still to come. */
export async function listWorkshops(prisma: PrismaClient, now: Date) {
  const workshops = await prisma.workshop.findMany({
    orderBy: { title: "asc" },
    include: { _count: { select: { sessions: { where: { startsAt: { gt: now }, status: "scheduled" } } } } },
  });
  return workshops.map((w) => ({
    id: w.id,
    title: w.title,
    theme: w.theme as z.infer<typeof workshopView>["theme"],
    audience: w.audience as z.infer<typeof workshopView>["audience"],
    description: w.description,
    whatToBring: w.whatToBring,
    contactEmail: w.contactEmail,
    contactPhone: w.contactPhone,
    isPublic: w.isPublic,
    upcomingSessions: w._count.sessions,
  }));
}
