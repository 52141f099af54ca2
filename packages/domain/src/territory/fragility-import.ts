import { readCsvTable, type RejectedRow } from "./csv-table.js";
import { isValidFragilityIndex, FRAGILITY_INDEX_MAX } from "./fragility.js";

export type { RejectedRow } from "./csv-table.js";

/** Biggest file the import accepts: a département has a few hundred communes, France 35,000. */
export const FRAGILITY_CSV_MAX_BYTES = 2_000_000;

export interface FragilityRow {
  line: number;
  inseeCode: string;
  index: number;
}
export interface FragilityParseResult {
  rows: FragilityRow[];
  rejected: RejectedRow[];
  /** Set when the file as a whole cannot be read (no header, missing column). */
  fileError?: string;
}

const INSEE_HEADERS = ["code_insee", "insee", "code insee", "codeinsee", "code_commune", "code commune", "codgeo", "com"];
const INDEX_HEADERS = ["indice", "indice_fragilite", "indice de fragilité", "indice de fragilite", "fragilite", "fragilité", "indice_fragilite_numerique", "score"];

/**
 * Reads a per-commune fragility CSV (as exported by a spreadsheet: ";" or "," separated, decimal
 * comma or point). Needs a header with an INSEE-code column and an index column. Rows that cannot
 * be used are reported with their line number and the reason, never silently dropped.
 */
export function parseFragilityCsv(text: string): FragilityParseResult {
  const table = readCsvTable(text);
  if ("fileError" in table) return { rows: [], rejected: [], fileError: table.fileError };
  const { headers } = table;
  const inseeCol = headers.findIndex((h) => INSEE_HEADERS.includes(h));
  const indexCol = headers.findIndex((h) => INDEX_HEADERS.includes(h));
  if (inseeCol < 0 || indexCol < 0) {
    return {
      rows: [],
      rejected: [],
      fileError: "La première ligne doit nommer les colonnes, dont « code_insee » et « indice » (séparées par des points-virgules ou des virgules).",
    };
  }
  const rows: FragilityRow[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, content, cells } of table.body) {
    const code = (cells[inseeCol] ?? "").toUpperCase();
    const rawIndex = (cells[indexCol] ?? "").replace(",", ".");
    if (!/^(\d{5}|2[AB]\d{3})$/.test(code)) {
      rejected.push({ line, content, reason: code ? `Code INSEE « ${code} » invalide (5 caractères attendus).` : "Code INSEE manquant." });
      continue;
    }
    const index = rawIndex === "" ? Number.NaN : Number(rawIndex);
    if (!isValidFragilityIndex(index)) {
      rejected.push({ line, content, reason: rawIndex ? `Indice « ${cells[indexCol]} » hors de l'échelle 0 à ${FRAGILITY_INDEX_MAX}.` : "Indice manquant." });
      continue;
    }
    const previous = seen.get(code);
    if (previous !== undefined) {
      rejected.push({ line, content, reason: `Commune ${code} déjà présente à la ligne ${previous}.` });
      continue;
    }
    seen.set(code, line);
    rows.push({ line, inseeCode: code, index });
  }
  return { rows, rejected };
}
