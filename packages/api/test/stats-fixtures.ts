import { randomBytes, randomUUID } from "node:crypto";
import type { Database } from "@medianum/db";
import { createPlace, createUser, seedTerritory } from "./harness.js";

/**
 * A small, fully known dataset for the steering figures: two communes in two EPCIs (Agen, Duras),
 * two counsellors, activity in 2025, 2026 and 2027, collège sessions (one right after midnight
 * Paris time on 1 January), e-parentalité registrations and Pass numérique cheques. The expected
 * figures in the tests are counted by hand from this file.
 */
export async function seedSteeringDataset(db: Database) {
  const { prisma } = db;
  await seedTerritory(db);
  const agen = await createPlace(db, "47001", "Médiathèque Lacépède");
  const duras = await prisma.place.create({
    data: { name: "Mairie de Duras", type: "mairie", address: "Place du Marché", postalCode: "47120", communeInsee: "47086" },
  });
  const admin = await createUser(db, "admin", "admin@test.fr", "Admin Test");
  const coordinator = await createUser(db, "coordinator", "coordination@test.fr", "Coralie Coordination");
  const alice = await createUser(db, "counsellor", "alice@test.fr", "Alice Martin");
  const bruno = await createUser(db, "counsellor", "bruno@test.fr", "Bruno Petit");
  const c1 = alice.counsellor!.id;
  const c2 = bruno.counsellor!.id;
  const b1 = await prisma.beneficiary.create({
    data: { counsellorId: c1, firstName: "Jeanne", communeInsee: "47001", consentAt: new Date("2026-01-01T10:00:00Z") },
  });

  const act = (
    counsellorId: string,
    type: "Individuel" | "Collectif",
    date: string,
    minutes: number,
    themes: string[],
    extra: { placeId?: string; communeInsee?: string; participants?: number; beneficiaryId?: string; locationType?: string } = {},
  ) =>
    prisma.activityRecord.create({
      data: {
        id: randomUUID(),
        counsellorId,
        type,
        date: new Date(`${date}T00:00:00Z`),
        durationMinutes: minutes,
        locationType: extra.locationType ?? "LieuActivite",
        placeId: extra.placeId ?? null,
        communeInsee: extra.communeInsee ?? null,
        themes,
        participantsCount: extra.participants ?? 1,
        beneficiaryId: extra.beneficiaryId ?? null,
        workshopTitle: type === "Collectif" ? "Atelier" : null,
        gender: type === "Individuel" ? "Feminin" : null,
        ageBracket: type === "Individuel" ? "SoixanteDixPlus" : null,
        socialStatus: type === "Individuel" ? "Retraite" : null,
        autonomy: type === "Individuel" ? "PartiellementAutonome" : null,
      },
    });
  // 2026
  await act(c1, "Individuel", "2026-01-10", 60, ["Email"], { placeId: agen.id });
  await act(c1, "Individuel", "2026-01-20", 30, ["Email", "SecuriteNumerique"], { placeId: agen.id, beneficiaryId: b1.id });
  await act(c1, "Individuel", "2026-02-05", 45, ["Sante"], { placeId: agen.id, beneficiaryId: b1.id });
  await act(c2, "Individuel", "2026-03-01", 90, ["AideAuxDemarchesAdministratives"], { communeInsee: "47086", locationType: "Domicile" });
  await act(c2, "Collectif", "2026-03-15", 120, ["PrendreEnMainDuMateriel"], { placeId: duras.id, participants: 8 });
  await act(c2, "Individuel", "2026-04-02", 15, ["Email"], { placeId: agen.id });
  await act(c1, "Collectif", "2026-12-31", 60, ["Email"], { placeId: agen.id, participants: 5 });
  // outside 2026
  await act(c1, "Individuel", "2027-01-01", 60, ["Email"], { placeId: agen.id });
  await act(c2, "Individuel", "2025-12-31", 30, ["Email"], { placeId: duras.id });
  await act(c1, "Individuel", "2025-03-10", 30, ["Email"], { placeId: agen.id });
  await act(c2, "Collectif", "2025-06-01", 60, ["Email"], { placeId: duras.id, participants: 4 });

  // Collèges
  const request = (uai: string, name: string, communeInsee: string) =>
    prisma.collegeRequest.create({
      data: {
        uai,
        establishmentName: name,
        communeInsee,
        requesterName: "Principal",
        requesterRole: "principal",
        email: "college@test.fr",
        topics: ["cyberbullying"],
        periods: [],
        status: "scheduled",
        trackingTokenHash: randomBytes(16).toString("hex"),
        consentAt: new Date("2025-09-01T10:00:00Z"),
      },
    });
  const r1 = await request("0470001A", "Collège Jasmin", "47001");
  const r2 = await request("0470002B", "Collège de Duras", "47086");
  const k1 = await prisma.collegeClass.create({ data: { requestId: r1.id, level: "5e", pupils: 25 } });
  const k2 = await prisma.collegeClass.create({ data: { requestId: r1.id, level: "4e", pupils: 28 } });
  const k3 = await prisma.collegeClass.create({ data: { requestId: r2.id, level: "6e", pupils: 20 } });
  const session = (requestId: string, startsAt: string, status: string, classes: Array<[string, number | null]>, counsellorId: string) =>
    prisma.collegeSession.create({
      data: {
        requestId,
        startsAt: new Date(startsAt),
        durationMinutes: 55,
        status,
        topicsCovered: status === "done" ? ["cyberbullying"] : [],
        classes: { create: classes.map(([classId, pupilsPresent]) => ({ classId, pupilsPresent })) },
        counsellors: { create: [{ counsellorId }] },
      },
    });
  await session(r1.id, "2026-02-10T09:00:00Z", "done", [[k1.id, 24], [k2.id, null]], c1);
  await session(r1.id, "2026-05-05T09:00:00Z", "scheduled", [[k1.id, null]], c1);
  await session(r2.id, "2026-11-20T09:00:00Z", "done", [[k3.id, 19]], c2);
  await session(r2.id, "2026-12-31T23:30:00Z", "done", [[k3.id, 17]], c2); // 1 January 2027 in Paris
  await session(r2.id, "2025-12-31T23:30:00Z", "done", [[k3.id, 18]], c2); // 1 January 2026 in Paris
  await session(r1.id, "2025-10-01T09:00:00Z", "done", [[k1.id, 22]], c1);

  // E-parentalité
  const workshop = await prisma.workshop.create({ data: { title: "Les écrans en famille", theme: "screens", audience: "parents", description: "…" } });
  const wsession = (placeId: string, startsAt: string, counsellorId: string, status = "done") =>
    prisma.workshopSession.create({
      data: { workshopId: workshop.id, placeId, startsAt: new Date(startsAt), durationMinutes: 90, capacity: 12, status, counsellors: { create: [{ counsellorId }] } },
    });
  const reg = (sessionId: string, status: string, seats: number) =>
    prisma.registration.create({
      data: {
        sessionId,
        status,
        seats,
        firstName: "Parent",
        lastName: "Test",
        email: `p-${randomUUID().slice(0, 8)}@exemple.fr`,
        consentAt: new Date("2025-01-01T00:00:00Z"),
        manageTokenHash: randomBytes(16).toString("hex"),
      },
    });
  const ws1 = await wsession(agen.id, "2026-03-04T17:00:00Z", c1);
  await reg(ws1.id, "attended", 2);
  await reg(ws1.id, "attended", 1);
  await reg(ws1.id, "no_show", 3);
  await reg(ws1.id, "confirmed", 1);
  const ws2 = await wsession(duras.id, "2026-06-10T17:00:00Z", c2);
  await reg(ws2.id, "attended", 2);
  const ws3 = await wsession(duras.id, "2026-07-10T17:00:00Z", c2, "cancelled");
  await reg(ws3.id, "attended", 5);
  const ws4 = await wsession(agen.id, "2025-05-10T17:00:00Z", c1);
  await reg(ws4.id, "attended", 1);

  // Pass numérique
  let n = 0;
  const cheque = (prescriptionId: string, counsellorId: string, usedAt: string | null) =>
    prisma.passCheque.create({
      data: {
        number: `PN-${String(++n).padStart(6, "0")}`,
        status: usedAt ? "used" : "prescribed",
        counsellorId,
        prescriptionId,
        usedAt: usedAt ? new Date(usedAt) : null,
      },
    });
  const prescription = (counsellorId: string, on: string, beneficiaryId: string | null) =>
    prisma.passPrescription.create({ data: { id: randomUUID(), counsellorId, prescribedOn: new Date(`${on}T00:00:00Z`), need: "Formation", beneficiaryId } });
  const pr1 = await prescription(c1, "2026-02-01", b1.id);
  await cheque(pr1.id, c1, "2026-03-01T10:00:00Z");
  await cheque(pr1.id, c1, null);
  const pr2 = await prescription(c2, "2026-05-01", null);
  await cheque(pr2.id, c2, "2027-01-02T10:00:00Z");
  const pr3 = await prescription(c2, "2025-11-01", null);
  await cheque(pr3.id, c2, "2026-01-15T10:00:00Z");
  // an unprescribed cheque in stock counts nowhere
  await prisma.passCheque.create({ data: { number: "PN-STOCK", status: "in_stock" } });

  await prisma.yearlyObjective.createMany({
    data: [
      { year: 2026, metric: "peopleHelped", value: 100 },
      { year: 2026, metric: "collegePupils", value: 200 },
    ],
  });
  return { admin, coordinator, alice, bruno, c1, c2, agen, duras, b1 };
}
