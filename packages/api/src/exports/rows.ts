import { Prisma, type PrismaClient } from "@medianum/db";
import { instantToParisDay, instantToParisDayTime, type ActivityExportRow, type CollegeSessionExportRow, type RegistrationExportRow, type StatsFilters } from "@medianum/domain";
import { parisDaysSql } from "../shared/paris-range.js";
import { scopeSql } from "../stats/scope.js";

/** Rows read per query: large enough to be fast, small enough that memory stays flat for any total. */
export const EXPORT_BATCH_SIZE = 2000;

const instantRange = parisDaysSql;
/** "2027-03-29 04:04", Paris time (the XLSX writer turns it into a date cell). */
const parisDateTime = (at: Date) => {
  const { day, time } = instantToParisDayTime(at);
  return `${day} ${time}`;
};

/**
 * Activity records of the filters, in date order, read in keyset-paginated batches (each query
 * starts after the last (date, id) seen), so a million rows never sit in memory at once.
 */
export async function* activityRows(prisma: PrismaClient, f: StatsFilters, batchSize = EXPORT_BATCH_SIZE): AsyncGenerator<ActivityExportRow> {
  const s = scopeSql(f);
  let cursor: { date: string; id: string } | null = null;
  for (;;) {
    const after: Prisma.Sql = cursor ? Prisma.sql`AND (a.date, a.id) > (${cursor.date}::date, ${cursor.id}::uuid)` : Prisma.empty;
    const batch: ActivityExportRow[] = await prisma.$queryRaw<ActivityExportRow[]>`
      SELECT a.id::text AS id, to_char(a.date, 'YYYY-MM-DD') AS date, a.type, u."displayName" AS "counsellorName",
             a."participantsCount", a."locationType", p.name AS "placeName", c.name AS "communeName", c."inseeCode" AS "communeInsee",
             a."durationMinutes", a."workshopTitle", a."workshopLevel", a.themes, a."administrativeThemes", a."administrativeDetail",
             a.equipment, a.autonomy, a."redirectionStructure", a.gender, a."ageBracket", a."socialStatus",
             (a."beneficiaryId" IS NOT NULL) AS followed
      FROM "ActivityRecord" a
      JOIN "Counsellor" co ON co.id = a."counsellorId"
      JOIN "User" u ON u.id = co."userId"
      LEFT JOIN "Place" p ON p.id = a."placeId"
      LEFT JOIN "Commune" c ON c."inseeCode" = COALESCE(p."communeInsee", a."communeInsee")
      WHERE a.date >= ${f.from}::date AND a.date <= ${f.to}::date AND ${s.activity} ${after}
      ORDER BY a.date, a.id
      LIMIT ${batchSize}`;
    for (const row of batch) yield row;
    if (batch.length < batchSize) return;
    const last = batch[batch.length - 1]!;
    cursor = { date: last.date, id: last.id };
  }
}

/** Registrations to e-parentalité sessions of the period (no names or contact details). */
export async function* registrationRows(prisma: PrismaClient, f: StatsFilters, batchSize = EXPORT_BATCH_SIZE): AsyncGenerator<RegistrationExportRow> {
  const s = scopeSql(f);
  let cursor: { startsAt: Date; id: string } | null = null;
  for (;;) {
    const after: Prisma.Sql = cursor ? Prisma.sql`AND (ws."startsAt", r.id) > (${cursor.startsAt}, ${cursor.id}::uuid)` : Prisma.empty;
    const batch = await prisma.$queryRaw<Array<Omit<RegistrationExportRow, "sessionDate" | "registeredOn"> & { startsAt: Date; createdAt: Date }>>`
      SELECT r.id::text AS id, ws."startsAt",
             w.title AS "workshopTitle", wp.name AS "placeName", wc.name AS "communeName",
             r.status, r.seats, r.source, r."createdAt"
      FROM "Registration" r
      JOIN "WorkshopSession" ws ON ws.id = r."sessionId"
      JOIN "Workshop" w ON w.id = ws."workshopId"
      JOIN "Place" wp ON wp.id = ws."placeId"
      JOIN "Commune" wc ON wc."inseeCode" = wp."communeInsee"
      WHERE ${instantRange(Prisma.sql`ws."startsAt"`, f.from, f.to)} AND ${s.workshopSession} ${after}
      ORDER BY ws."startsAt", r.id
      LIMIT ${batchSize}`;
    for (const { startsAt, createdAt, ...row } of batch) yield { ...row, sessionDate: parisDateTime(startsAt), registeredOn: instantToParisDay(createdAt) };
    if (batch.length < batchSize) return;
    const last = batch[batch.length - 1]!;
    cursor = { startsAt: last.startsAt, id: last.id };
  }
}

export async function* collegeSessionRows(prisma: PrismaClient, f: StatsFilters, batchSize = EXPORT_BATCH_SIZE): AsyncGenerator<CollegeSessionExportRow> {
  const s = scopeSql(f);
  let cursor: { startsAt: Date; id: string } | null = null;
  for (;;) {
    const after: Prisma.Sql = cursor ? Prisma.sql`AND (cs."startsAt", cs.id) > (${cursor.startsAt}, ${cursor.id}::uuid)` : Prisma.empty;
    const batch = await prisma.$queryRaw<Array<Omit<CollegeSessionExportRow, "date"> & { startsAt: Date }>>`
      SELECT cs.id::text AS id, cs."startsAt",
             cr."establishmentName", cr.uai, rc.name AS "communeName", cs.status, cs."durationMinutes", cs."topicsCovered",
             COALESCE((SELECT array_agg(cc.level || COALESCE(' ' || cc.name, '') ORDER BY cc.level, cc.name)
                         FROM "CollegeSessionClass" x JOIN "CollegeClass" cc ON cc.id = x."classId" WHERE x."sessionId" = cs.id), '{}') AS classes,
             COALESCE((SELECT SUM(cc.pupils) FROM "CollegeSessionClass" x JOIN "CollegeClass" cc ON cc.id = x."classId" WHERE x."sessionId" = cs.id), 0)::int AS "pupilsPlanned",
             (SELECT SUM(x."pupilsPresent") FROM "CollegeSessionClass" x WHERE x."sessionId" = cs.id)::int AS "pupilsPresent",
             COALESCE((SELECT array_agg(u."displayName" ORDER BY u."displayName") FROM "CollegeSessionCounsellor" y
                         JOIN "Counsellor" co ON co.id = y."counsellorId" JOIN "User" u ON u.id = co."userId" WHERE y."sessionId" = cs.id), '{}') AS counsellors
      FROM "CollegeSession" cs
      JOIN "CollegeRequest" cr ON cr.id = cs."requestId"
      JOIN "Commune" rc ON rc."inseeCode" = cr."communeInsee"
      WHERE ${instantRange(Prisma.sql`cs."startsAt"`, f.from, f.to)} AND ${s.collegeSession} ${after}
      ORDER BY cs."startsAt", cs.id
      LIMIT ${batchSize}`;
    for (const { startsAt, ...row } of batch) yield { ...row, date: parisDateTime(startsAt) };
    if (batch.length < batchSize) return;
    const last = batch[batch.length - 1]!;
    cursor = { startsAt: last.startsAt, id: last.id };
  }
}
