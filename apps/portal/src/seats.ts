/**
 * Same wording as `seatsLeftLabel` of @medianum/domain ("3 places restantes", "1 place restante",
 * "Complet"), kept here because the domain function lives in a module that also builds the zod
 * booking schemas: importing it on the home page would put zod (~25 KB gzip) in the initial
 * bundle and break the portal's 100 KB budget. seats.test.ts checks both stay identical.
 * TODO: import it from the domain once it moves to a zod-free module.
 */
export function seatsLeftLabel(left: number): string {
  if (left <= 0) return "Complet";
  return left === 1 ? "1 place restante" : `${left} places restantes`;
}
