import type { PrismaClient } from "@medianum/db";
import type { CommuneCentreRow } from "@medianum/domain";

export interface CommuneCentresImport {
  updated: number;
  /** Codes of the file that are not communes of this instance (a national file lists 35,000). */
  unknown: number;
}

/** Writes the centres of the communes this instance knows, all or none (one transaction). */
export async function importCommuneCentres(prisma: PrismaClient, rows: readonly CommuneCentreRow[]): Promise<CommuneCentresImport> {
  return prisma.$transaction(
    async (tx) => {
      const known = new Set((await tx.commune.findMany({ select: { inseeCode: true } })).map((c) => c.inseeCode));
      let updated = 0;
      for (const row of rows) {
        if (!known.has(row.inseeCode)) continue;
        await tx.commune.update({ where: { inseeCode: row.inseeCode }, data: { latitude: row.latitude, longitude: row.longitude } });
        updated++;
      }
      return { updated, unknown: rows.length - updated };
    },
    // A département is a few hundred communes: well within a minute, even on the embedded database.
    { timeout: 60_000 },
  );
}
