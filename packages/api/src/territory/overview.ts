import { Prisma, type PrismaClient } from "@medianum/db";
import { FRAGILITY_REFERENCE, fragilityGroups, type StatsFilters, type TerritoryFigures, type TerritoryView } from "@medianum/domain";

/** Activity per commune over the period, aggregated by PostgreSQL. */
function activityByCommune(f: Pick<StatsFilters, "from" | "to">) {
  return Prisma.sql`
    SELECT COALESCE(p."communeInsee", a."communeInsee") AS insee,
           COUNT(*) FILTER (WHERE a.type = 'Individuel')::int AS accompaniments,
           COUNT(*) FILTER (WHERE a.type = 'Collectif')::int AS sessions
    FROM "ActivityRecord" a LEFT JOIN "Place" p ON p.id = a."placeId"
    WHERE a.date >= ${f.from}::date AND a.date <= ${f.to}::date
    GROUP BY 1`;
}

const per1000 = (n: number, population: number) => (population > 0 ? Math.round((n * 10_000) / population) / 10 : 0);

function figures(epcis: number, population: number, accompaniments: number, places: number, sessions: number): TerritoryFigures {
  return { epcis, population, accompaniments, per1000: per1000(accompaniments, population), places, sessions };
}

/**
 * Fragility beside the offer, per commune and per EPCI. "Priority" marks the places the roadmap
 * asks about: fragility at or above the département's reference (15) and fewer accompaniments per
 * 1,000 inhabitants than the département as a whole. Priority rows come first, most fragile first.
 */
export async function territoryOverview(prisma: PrismaClient, f: Pick<StatsFilters, "from" | "to">): Promise<TerritoryView> {
  const communes = await prisma.$queryRaw<
    Array<{ inseeCode: string; name: string; epciName: string | null; population: number; fragilityIndex: number | null; accompaniments: number; sessions: number; places: number }>
  >`
    WITH act AS (${activityByCommune(f)}),
         pl AS (SELECT "communeInsee" AS insee, COUNT(*)::int AS n FROM "Place" GROUP BY 1)
    SELECT c."inseeCode", c.name, e.name AS "epciName", c.population, c."fragilityIndex",
           COALESCE(act.accompaniments, 0) AS accompaniments, COALESCE(act.sessions, 0) AS sessions, COALESCE(pl.n, 0) AS places
    FROM "Commune" c
    LEFT JOIN "Epci" e ON e.code = c."epciCode"
    LEFT JOIN act ON act.insee = c."inseeCode"
    LEFT JOIN pl ON pl.insee = c."inseeCode"`;

  const epcis = await prisma.$queryRaw<
    Array<{ code: string; name: string; fragilityGroup: string | null; population: number; fragilityIndex: number | null; accompaniments: number; sessions: number; places: number }>
  >`
    WITH act AS (${activityByCommune(f)}),
         pl AS (SELECT "communeInsee" AS insee, COUNT(*)::int AS n FROM "Place" GROUP BY 1)
    SELECT e.code, e.name, e."fragilityGroup", COALESCE(SUM(c.population), 0)::int AS population,
           (SUM(c."fragilityIndex" * c.population) FILTER (WHERE c."fragilityIndex" IS NOT NULL)
             / NULLIF(SUM(c.population) FILTER (WHERE c."fragilityIndex" IS NOT NULL), 0))::float8 AS "fragilityIndex",
           COALESCE(SUM(act.accompaniments), 0)::int AS accompaniments,
           COALESCE(SUM(act.sessions), 0)::int AS sessions,
           COALESCE(SUM(pl.n), 0)::int AS places
    FROM "Epci" e
    JOIN "Commune" c ON c."epciCode" = e.code
    LEFT JOIN act ON act.insee = c."inseeCode"
    LEFT JOIN pl ON pl.insee = c."inseeCode"
    GROUP BY e.code, e.name, e."fragilityGroup"`;

  const totalPopulation = communes.reduce((s, c) => s + c.population, 0);
  const totalAcc = communes.reduce((s, c) => s + c.accompaniments, 0);
  const departementPer1000 = per1000(totalAcc, totalPopulation);
  const isPriority = (fragility: number | null, rate: number) =>
    fragility !== null && fragility >= FRAGILITY_REFERENCE.departement47 && rate < departementPer1000;
  const order = <T extends { priority: boolean; fragilityIndex: number | null; per1000: number; name: string }>(a: T, b: T) =>
    Number(b.priority) - Number(a.priority) ||
    (b.fragilityIndex ?? -1) - (a.fragilityIndex ?? -1) ||
    a.per1000 - b.per1000 ||
    a.name.localeCompare(b.name, "fr");

  const communeRows = communes
    .map((c) => {
      const rate = per1000(c.accompaniments, c.population);
      const fragility = c.fragilityIndex === null ? null : Math.round(c.fragilityIndex * 10) / 10;
      return { ...c, fragilityIndex: fragility, per1000: rate, priority: isPriority(fragility, rate) };
    })
    .sort(order);
  const epciRows = epcis
    .map((e) => {
      const rate = per1000(e.accompaniments, e.population);
      const fragility = e.fragilityIndex === null ? null : Math.round(e.fragilityIndex * 10) / 10;
      return {
        ...e,
        fragilityGroup: e.fragilityGroup && fragilityGroups.has(e.fragilityGroup) ? e.fragilityGroup : null,
        fragilityIndex: fragility,
        per1000: rate,
        priority: isPriority(fragility, rate),
      };
    })
    .sort(order);
  const groups = fragilityGroups.values.map((group) => {
    const members = epciRows.filter((e) => e.fragilityGroup === group);
    const sum = (k: "population" | "accompaniments" | "places" | "sessions") => members.reduce((s, e) => s + e[k], 0);
    return { group, ...figures(members.length, sum("population"), sum("accompaniments"), sum("places"), sum("sessions")) };
  });

  // The whole, counted without the commune join: records with no commune (or one outside the
  // département) and places alike belong to it.
  const [all] = await prisma.$queryRaw<Array<{ accompaniments: number; sessions: number; places: number }>>`
    SELECT (SELECT COUNT(*) FROM "ActivityRecord" a WHERE a.type = 'Individuel' AND a.date >= ${f.from}::date AND a.date <= ${f.to}::date)::int AS accompaniments,
           (SELECT COUNT(*) FROM "ActivityRecord" a WHERE a.type = 'Collectif' AND a.date >= ${f.from}::date AND a.date <= ${f.to}::date)::int AS sessions,
           (SELECT COUNT(*) FROM "Place")::int AS places`;
  const total = figures(epciRows.length, totalPopulation, all!.accompaniments, all!.places, all!.sessions);
  const inGroups = (k: "epcis" | "population" | "accompaniments" | "places" | "sessions") => groups.reduce((s, g) => s + g[k], 0);
  const others = figures(
    total.epcis - inGroups("epcis"),
    total.population - inGroups("population"),
    total.accompaniments - inGroups("accompaniments"),
    total.places - inGroups("places"),
    total.sessions - inGroups("sessions"),
  );
  return { departementPer1000, communes: communeRows, epcis: epciRows, groups, others, total };
}
