import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { FRAGILITY_INDEX_MAX, FRAGILITY_INDEX_MIN, type FragilityGroup } from "@medianum/domain";
import type { Random } from "./random.js";

// Territory of the demo: the real communes and EPCIs of Lot-et-Garonne, from the official lists
// shipped by @etalab/decoupage-administratif (INSEE codes, names, postcodes, populations).

export const DEMO_DEPARTEMENT = "47";

interface EtalabCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  arrondissement?: string;
  codesPostaux?: string[];
  population?: number;
}
interface EtalabEpci {
  code: string;
  nom: string;
  membres: { code: string }[];
}
interface EtalabDepartement {
  code: string;
  nom: string;
}

export interface SeedCommune {
  inseeCode: string;
  name: string;
  postalCodes: string[];
  population: number;
  epciCode: string;
  arrondissementCode: string | null;
  fragilityIndex: number;
}
export interface SeedEpci {
  code: string;
  name: string;
  departementCode: string;
  fragilityGroup: FragilityGroup | null;
}
export interface Territory {
  departements: { code: string; name: string }[];
  epcis: SeedEpci[];
  communes: SeedCommune[];
}

const require = createRequire(import.meta.url);

async function readData<T>(file: string): Promise<T> {
  // Read rather than imported: communes.json is 8 MB, better not kept in the module cache.
  return JSON.parse(await readFile(require.resolve(`@etalab/decoupage-administratif/data/${file}`), "utf8")) as T;
}

/** "CC du Confluent et des Coteaux de Prayssas" → "confluent coteaux prayssas". */
export function normaliseEpciName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter((w, i) => !(i === 0 && /^(ca|cc|cu|ce|ct)$/.test(w)))
    .filter((w) => !["de", "du", "des", "d", "et", "la", "le", "les", "l"].includes(w))
    .join(" ");
}

/** The three groups of Lot-et-Garonne's roadmap (seed 002), by EPCI name as published. */
const PUBLISHED_GROUPS: Record<FragilityGroup, string[]> = {
  mixed: [
    "Val de Garonne Agglomération",
    "Coteaux et Landes de Gascogne",
    "Albret Communauté",
    "Grand Villeneuvois",
    "Confluent et Coteaux de Prayssas",
  ],
  highly_fragile: ["Pays de Duras", "Pays de Lauzun", "Bastides en Haut Agenais Périgord", "Lot et Tolzac", "Fumel Vallée du Lot"],
  less_exposed: ["Agglomération d'Agen"],
};
const GROUP_BY_NAME = new Map(
  Object.entries(PUBLISHED_GROUPS).flatMap(([group, names]) => names.map((n) => [normaliseEpciName(n), group as FragilityGroup])),
);

export function fragilityGroupOf(epciName: string): FragilityGroup | null {
  return GROUP_BY_NAME.get(normaliseEpciName(epciName)) ?? null;
}

/**
 * Centre of each group's band of the 0–25 Compas scale. SYNTHETIC: the Compas study publishes
 * the département's index (15) and the three groups of EPCIs, not per-commune values; the demo
 * derives a plausible per-commune index from the group, the commune's size and seeded noise.
 * EPCIs outside the three groups (an EPCI of Tarn-et-Garonne has two communes in 47) get the
 * département's value as centre.
 */
const GROUP_CENTRE: Record<FragilityGroup, number> = { highly_fragile: 19, mixed: 15, less_exposed: 12 };
const DEPARTEMENT_INDEX = 15;

export function syntheticFragilityIndex(group: FragilityGroup | null, population: number, rnd: Random): number {
  const centre = group ? GROUP_CENTRE[group] : DEPARTEMENT_INDEX;
  // Small rural communes have older populations: slightly more fragile; towns slightly less.
  const size = population < 300 ? 0.9 : population < 1000 ? 0.4 : population > 10_000 ? -0.8 : population > 4000 ? -0.3 : 0;
  const noise = rnd.between(-1.3, 1.3);
  const value = Math.min(centre + 2, Math.max(centre - 2, centre + size + noise));
  return Math.round(Math.min(FRAGILITY_INDEX_MAX, Math.max(FRAGILITY_INDEX_MIN, value)) * 10) / 10;
}

export async function loadTerritory(rnd: Random): Promise<Territory> {
  const [allCommunes, allEpcis, allDepartements] = await Promise.all([
    readData<EtalabCommune[]>("communes.json"),
    readData<EtalabEpci[]>("epci.json"),
    readData<EtalabDepartement[]>("departements.json"),
  ]);
  const communes = allCommunes
    .filter((c) => c.departement === DEMO_DEPARTEMENT && c.type === "commune-actuelle")
    .sort((a, b) => a.code.localeCompare(b.code));
  const codes = new Set(communes.map((c) => c.code));

  const epciOfCommune = new Map<string, EtalabEpci>();
  const epcis: SeedEpci[] = [];
  for (const e of allEpcis) {
    const members = e.membres.filter((m) => codes.has(m.code));
    if (members.length === 0) continue;
    for (const m of members) epciOfCommune.set(m.code, e);
    // An EPCI belongs to the département where most of its communes are.
    const depCounts = new Map<string, number>();
    for (const m of e.membres) depCounts.set(m.code.slice(0, 2), (depCounts.get(m.code.slice(0, 2)) ?? 0) + 1);
    const departementCode = [...depCounts].sort((a, b) => b[1] - a[1])[0]![0];
    epcis.push({ code: e.code, name: e.nom, departementCode, fragilityGroup: fragilityGroupOf(e.nom) });
  }
  epcis.sort((a, b) => a.code.localeCompare(b.code));
  const groupOf = new Map(epcis.map((e) => [e.code, e.fragilityGroup]));

  const depCodes = new Set([DEMO_DEPARTEMENT, ...epcis.map((e) => e.departementCode)]);
  const departements = allDepartements.filter((d) => depCodes.has(d.code)).map((d) => ({ code: d.code, name: d.nom }));

  return {
    departements,
    epcis,
    communes: communes.map((c) => {
      const epci = epciOfCommune.get(c.code);
      if (!epci) throw new Error(`Commune ${c.code} ${c.nom} sans EPCI dans les données officielles.`);
      const population = c.population ?? 0;
      return {
        inseeCode: c.code,
        name: c.nom,
        postalCodes: c.codesPostaux ?? [],
        population,
        epciCode: epci.code,
        arrondissementCode: c.arrondissement ?? null,
        fragilityIndex: syntheticFragilityIndex(groupOf.get(epci.code) ?? null, population, rnd),
      };
    }),
  };
}
