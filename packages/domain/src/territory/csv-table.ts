// The one reader of the spreadsheet files staff upload (fragility indices, commune centres):
// header found, separator guessed, each line kept with its number so refusals can name it.
// Our own, a few lines: the files are small and flat, a CSV library would weigh on the back-office.

export interface RejectedRow {
  line: number;
  content: string;
  reason: string;
}

function normaliseCsvHeader(h: string): string {
  return h.trim().replace(/^\uFEFF/, "").replace(/^"|"$/g, "").toLowerCase();
}

/** Splits one CSV line on the delimiter, honouring double quotes. */
function splitCsvLine(line: string, delimiter: string): string[] {
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

/** A CSV's normalised header cells and its non-empty lines, or why the file cannot be read at all. */
export type CsvTable =
  | { headers: string[]; body: Array<{ line: number; content: string; cells: string[] }> }
  | { fileError: string };

/** Reads a CSV exported by a spreadsheet: ";", tab or "," separated (guessed from the header), quotes honoured. */
export function readCsvTable(text: string): CsvTable {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const headerLine = lines[0] ?? "";
  if (!headerLine.trim()) return { fileError: "Le fichier est vide." };
  const delimiter = headerLine.includes(";") ? ";" : headerLine.includes("\t") ? "\t" : ",";
  const headers = splitCsvLine(headerLine, delimiter).map(normaliseCsvHeader);
  const body = lines
    .map((content, i) => ({ line: i + 1, content, cells: [] as string[] }))
    .slice(1)
    .filter((l) => l.content.trim())
    .map((l) => ({ ...l, cells: splitCsvLine(l.content, delimiter) }));
  return { headers, body };
}
