import { Prisma, type Database } from "@medianum/db";
import type { StatsFilters } from "@medianum/domain";
import { UserFacingError } from "../shared/errors.js";

/**
 * SQL conditions that restrict each source of figures to the chosen scope. The commune of an
 * activity is its place's commune, or the commune typed on the record when it happened elsewhere.
 */
export interface ScopeSql {
  /** On "ActivityRecord" a joined with "Commune" c (the activity's commune). */
  activity: Prisma.Sql;
  /** On "WorkshopSession" ws joined with "Place" wp and "Commune" wc. */
  workshopSession: Prisma.Sql;
  /** On "CollegeSession" cs joined with "CollegeRequest" cr and "Commune" rc. */
  collegeSession: Prisma.Sql;
  /** On "PassPrescription" pp with "Beneficiary" pb left-joined (territory = the person's commune). */
  prescription: Prisma.Sql;
}

export function scopeSql(f: StatsFilters): ScopeSql {
  switch (f.scope) {
    case "departement":
      return { activity: Prisma.sql`TRUE`, workshopSession: Prisma.sql`TRUE`, collegeSession: Prisma.sql`TRUE`, prescription: Prisma.sql`TRUE` };
    case "epci": {
      const code = f.scopeId!;
      return {
        activity: Prisma.sql`c."epciCode" = ${code}`,
        workshopSession: Prisma.sql`wc."epciCode" = ${code}`,
        collegeSession: Prisma.sql`rc."epciCode" = ${code}`,
        prescription: Prisma.sql`pb."communeInsee" IN (SELECT "inseeCode" FROM "Commune" WHERE "epciCode" = ${code})`,
      };
    }
    case "commune": {
      const code = f.scopeId!;
      return {
        activity: Prisma.sql`c."inseeCode" = ${code}`,
        workshopSession: Prisma.sql`wp."communeInsee" = ${code}`,
        collegeSession: Prisma.sql`cr."communeInsee" = ${code}`,
        prescription: Prisma.sql`pb."communeInsee" = ${code}`,
      };
    }
    case "counsellor": {
      const id = f.scopeId!;
      return {
        activity: Prisma.sql`a."counsellorId" = ${id}::uuid`,
        workshopSession: Prisma.sql`EXISTS (SELECT 1 FROM "WorkshopSessionCounsellor" wsc WHERE wsc."sessionId" = ws.id AND wsc."counsellorId" = ${id}::uuid)`,
        collegeSession: Prisma.sql`EXISTS (SELECT 1 FROM "CollegeSessionCounsellor" csc WHERE csc."sessionId" = cs.id AND csc."counsellorId" = ${id}::uuid)`,
        prescription: Prisma.sql`pp."counsellorId" = ${id}::uuid`,
      };
    }
  }
}

/** The scope's name for headings and exports; refuses a scope that does not exist. */
export async function scopeLabel(db: Database, f: StatsFilters): Promise<string> {
  const one = async (q: Prisma.Sql) => (await db.sql.query<{ name: string }>(q.text, q.values))[0]?.name;
  switch (f.scope) {
    case "departement":
      return (await one(Prisma.sql`SELECT name FROM "Departement" LIMIT 1`)) ?? "Tout le département";
    case "epci": {
      const name = await one(Prisma.sql`SELECT name FROM "Epci" WHERE code = ${f.scopeId!}`);
      if (name === undefined) throw new UserFacingError("NOT_FOUND", "Cette intercommunalité est inconnue.", { field: "scopeId" });
      return name;
    }
    case "commune": {
      const name = await one(Prisma.sql`SELECT name FROM "Commune" WHERE "inseeCode" = ${f.scopeId!}`);
      if (name === undefined) throw new UserFacingError("NOT_FOUND", "Cette commune est inconnue.", { field: "scopeId" });
      return name;
    }
    case "counsellor": {
      const name = await one(
        Prisma.sql`SELECT u."displayName" AS name FROM "Counsellor" c JOIN "User" u ON u.id = c."userId" WHERE c.id = ${f.scopeId!}::uuid`,
      );
      if (name === undefined) throw new UserFacingError("NOT_FOUND", "Ce conseiller est introuvable.", { field: "scopeId" });
      return name;
    }
  }
}
