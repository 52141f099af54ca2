import { z } from "zod";
import { readCsvTable, type RejectedRow } from "./csv-table.js";

// The official package of communes has no coordinates: an operator loads the centres (or town
// halls) of the communes from an open-data CSV, so the portal can give distances in km.

export interface CommuneCentreRow {
  line: number;
  inseeCode: string;
  latitude: number;
  longitude: number;
}
export interface CommuneCentresParseResult {
  rows: CommuneCentreRow[];
  rejected: RejectedRow[];
  /** Set when the file as a whole cannot be read (no header, missing column). */
  fileError?: string;
}

// Column names of the common open-data files (the « communes de France » lists, INSEE/La Poste
// exports). When a file has both, the town hall comes first: it is where the town centre is.
const INSEE_HEADERS = ["code_insee", "code_commune_insee", "insee", "code insee", "codeinsee", "code_commune", "codgeo", "com"];
const LATITUDE_HEADERS = ["latitude_mairie", "latitude_centre", "latitude", "lat"];
const LONGITUDE_HEADERS = ["longitude_mairie", "longitude_centre", "longitude", "lon", "lng"];

function coordinate(name: string, max: number) {
  return z
    .string()
    .trim()
    .min(1, { error: `${name} manquante.` })
    .transform((s) => Number(s.replace(",", ".")))
    .pipe(
      z
        .number({ error: `${name} illisible (nombre en degrés décimaux attendu, par exemple 44.2036).` })
        .min(-max, { error: `${name} hors de -${max} à ${max} degrés.` })
        .max(max, { error: `${name} hors de -${max} à ${max} degrés.` }),
    );
}

const centreRow = z.object({
  inseeCode: z
    .string()
    .trim()
    .toUpperCase()
    .min(1, { error: "Code INSEE manquant." })
    .regex(/^(\d{5}|2[AB]\d{3})$/, { error: "Code INSEE invalide (5 caractères attendus)." }),
  latitude: coordinate("Latitude", 90),
  longitude: coordinate("Longitude", 180),
});

/**
 * Reads a CSV of commune centres (";" or "," separated, decimal point or comma). Needs a header
 * naming an INSEE-code column and latitude and longitude columns. Rows that cannot be used are
 * reported with their line number and the reason; a commune listed twice with the same position
 * (one row per postcode in some files) counts once.
 */
export function parseCommuneCentresCsv(text: string): CommuneCentresParseResult {
  const table = readCsvTable(text);
  if ("fileError" in table) return { rows: [], rejected: [], fileError: table.fileError };
  const { headers } = table;
  const inseeCol = headers.findIndex((h) => INSEE_HEADERS.includes(h));
  const latCols = LATITUDE_HEADERS.map((name) => headers.indexOf(name)).filter((i) => i >= 0);
  const lonCols = LONGITUDE_HEADERS.map((name) => headers.indexOf(name)).filter((i) => i >= 0);
  if (inseeCol < 0 || latCols.length === 0 || lonCols.length === 0) {
    return {
      rows: [],
      rejected: [],
      fileError:
        "La première ligne doit nommer les colonnes, dont le code INSEE (« code_insee » ou « code_commune_INSEE »), la latitude (« latitude », « latitude_centre » ou « latitude_mairie ») et la longitude (« longitude », …), séparées par des points-virgules ou des virgules.",
    };
  }
  const rows: CommuneCentreRow[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Map<string, CommuneCentreRow>();
  for (const { line, content, cells } of table.body) {
    // The first column pair filled on this row (a town hall may be missing where the centre is not).
    const pair = latCols.map((lat, k) => [lat, lonCols[k] ?? lonCols[0]!] as const).find(([lat, lon]) => cells[lat] && cells[lon]) ?? [latCols[0]!, lonCols[0]!];
    const parsed = centreRow.safeParse({ inseeCode: cells[inseeCol] ?? "", latitude: cells[pair[0]] ?? "", longitude: cells[pair[1]] ?? "" });
    if (!parsed.success) {
      rejected.push({ line, content, reason: parsed.error.issues.map((issue) => issue.message).join(" ") });
      continue;
    }
    const row = { line, ...parsed.data };
    const previous = seen.get(row.inseeCode);
    if (previous) {
      if (previous.latitude !== row.latitude || previous.longitude !== row.longitude) {
        rejected.push({ line, content, reason: `Commune ${row.inseeCode} déjà présente à la ligne ${previous.line} avec une autre position.` });
      }
      continue;
    }
    seen.set(row.inseeCode, row);
    rows.push(row);
  }
  return { rows, rejected };
}
