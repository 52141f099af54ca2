import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { product } from "./lifecycle.js";
import { submitLogin } from "./support.js";

// What the counsellor app's e2e files share: the demo counsellor's login, and the sessions of
// their day that bring the check-in sheet and a collège report onto the device.

export const COUNSELLOR_EMAIL = "conseiller1@medianum.test";

/** Logs the demo counsellor in from the login form on screen, and waits for the agenda. */
export async function logInCounsellor(page: Page) {
  await submitLogin(page, COUNSELLOR_EMAIL, product.logins[0]!.password);
  await page.getByRole("heading", { name: "Mon agenda" }).waitFor();
}

/**
 * A workshop session of the counsellor starting in half an hour, with one registered participant
 * (its check-in sheet is on the device), and a collège session of three hours ago to report.
 * `label` tells the workshops of different files apart.
 */
export async function counsellorSessionsToday(label: string, participant: { firstName: string; lastName: string }) {
  const { prisma } = product.db;
  const counsellor = await prisma.counsellor.findFirstOrThrow({ where: { user: { email: COUNSELLOR_EMAIL } } });
  const place = await prisma.place.findFirstOrThrow({ where: { type: "mediatheque" } });
  const workshop = await prisma.workshop.create({ data: { title: `Smartphone : les premiers pas (${label})`, theme: "other", audience: "all", description: "Test." } });
  const session = await prisma.workshopSession.create({
    data: { workshopId: workshop.id, startsAt: new Date(Date.now() + 30 * 60_000), durationMinutes: 90, placeId: place.id, capacity: 8, counsellors: { create: [{ counsellorId: counsellor.id }] } },
  });
  await prisma.registration.create({
    data: { sessionId: session.id, status: "confirmed", seats: 1, ...participant, consentAt: new Date(), manageTokenHash: randomUUID() },
  });
  const request = await prisma.collegeRequest.findFirstOrThrow({ where: { establishmentName: "Collège Jasmin" }, include: { classes: true } });
  const college = await prisma.collegeSession.create({
    data: {
      requestId: request.id,
      startsAt: new Date(Date.now() - 3 * 3_600_000),
      durationMinutes: 55,
      room: "Salle 12",
      classes: { create: [{ classId: request.classes[0]!.id }] },
      counsellors: { create: [{ counsellorId: counsellor.id }] },
    },
  });
  return { workshopSession: session.id, collegeSession: college.id };
}
