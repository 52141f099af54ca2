// French plural agreement for every count the product shows. French puts 0 and 1 in the singular
// ("0 place", "1 place", "2 places"); Intl.PluralRules knows it, so no screen guesses.
const rules = new Intl.PluralRules("fr");
const numbers = new Intl.NumberFormat("fr-FR");

/** A count as the product writes it, without its word: formatCount(1200) → "1 200". */
export function formatCount(n: number): string {
  return numbers.format(n);
}

/** The word that agrees with n: pluralWord(2, "place") → "places"; irregular plurals pass `other`. */
export function pluralWord(n: number, one: string, other = `${one}s`): string {
  return rules.select(n) === "one" ? one : other;
}

/** A count with its word: countOf(1, "place") → "1 place", countOf(1200, "élève") → "1 200 élèves". */
export function countOf(n: number, one: string, other = `${one}s`): string {
  return `${formatCount(n)} ${pluralWord(n, one, other)}`;
}
