import { Prisma } from "@medianum/db";
import { parisDayRange } from "@medianum/domain";

/**
 * `column` (an instant) within the Paris days `from`…`to`, both included: bounds are the Paris
 * midnights given by the clock, passed as instants so that the column's index is used.
 */
export function parisDaysSql(column: Prisma.Sql, from: string, to: string): Prisma.Sql {
  const { start, end } = parisDayRange(from, to);
  return Prisma.sql`${column} >= ${start} AND ${column} < ${end}`;
}
