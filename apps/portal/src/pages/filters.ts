/** The catalogue's filters, as kept in the address (?lieu=…&theme=…&du=…&au=…). */
export interface Filters {
  /** "c:47001" for a commune, "e:200096956" for an EPCI, "" for everywhere. */
  where: string;
  theme: string;
  from: string;
  to: string;
}
