import type { Options } from "csv-stringify";

// Every CSV the product writes goes through these options. A cell that starts with = + - @, a tab
// or a carriage return is read as a formula by spreadsheet software (OWASP "CSV injection"): a
// name typed on a public form could then run a command or leak the sheet when staff open the
// file. Such a cell gets a leading apostrophe, which makes it plain text.

const FORMULA_START = /^[=+\-@\t\r]/;
/** "-3", "+33", "-12,5": read as a number, never as a formula; left as it is so that sums still work. */
const PLAIN_NUMBER = /^[+-]?\d+([.,]\d+)?$/;

export function spreadsheetSafe(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

/** Semicolon-separated, UTF-8 with a BOM: French spreadsheet software opens it with the right columns and accents. */
export function csvOptions(headers: string[]): Options {
  return { delimiter: ";", bom: true, header: true, columns: headers, cast: { string: spreadsheetSafe } };
}
