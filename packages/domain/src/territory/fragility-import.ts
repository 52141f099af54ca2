import { isValidFragilityIndex, FRAGILITY_INDEX_MAX } from "./fragility.js";

/** Biggest file the import accepts: a département has a few hundred communes, France 35,000. */
export const FRAGILITY_CSV_MAX_BYTES = 2_000_000;

export interface FragilityRow {
  line: number;
  inseeCode: string;
  index: number;
}
export interface RejectedRow {
  line: number;
  content: string;
  reason: string;
}
export interface FragilityParseResult {
  rows: FragilityRow[];
  rejected: RejectedRow[];
  /** Set when the file as a whole cannot be read (no header, missing column). */
  fileError?: string;
}

const INSEE_HEADERS = ["code_insee", "insee", "code insee", "codeinsee", "code_commune", "code commune", "codgeo", "com"];
const INDEX_HEADERS = ["indice", "indice_fragilite", "indice de fragilité", "indice de fragilite", "fragilite", "fragilité", "indice_fragilite_numerique", "score"];

export function normaliseCsvHeader(h: string): string {
  return h.trim().replace(/^\uFEFF/, "").replace(/^"|"$/g, "").toLowerCase();
}

/** Splits one CSV line on the delimiter, honouring double quotes. */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

/**
 * Reads a per-commune fragility CSV (as exported by a spreadsheet: ";" or "," separated, decimal
 * comma or point). Needs a header with an INSEE-code column and an index column. Rows that cannot
 * be used are reported with their line number and the reason, never silently dropped.
 */
export function parseFragilityCsv(text: string): FragilityParseResult {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const headerLine = lines[0] ?? "";
  if (!headerLine.trim()) return { rows: [], rejected: [], fileError: "Le fichier est vide." };
  const delimiter = headerLine.includes(";") ? ";" : headerLine.includes("\t") ? "\t" : ",";
  const headers = splitCsvLine(headerLine, delimiter).map(normaliseCsvHeader);
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
  for (let i = 1; i < lines.length; i++) {
    const content = lines[i]!;
    if (!content.trim()) continue;
    const line = i + 1;
    const cells = splitCsvLine(content, delimiter);
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
