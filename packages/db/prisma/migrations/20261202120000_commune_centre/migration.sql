-- AlterTable
ALTER TABLE "Commune" ADD COLUMN     "latitude" DOUBLE PRECISION,
ADD COLUMN     "longitude" DOUBLE PRECISION;

-- A centre is both coordinates or neither, within WGS 84 bounds.
ALTER TABLE "Commune" ADD CONSTRAINT "Commune_centre_check" CHECK (
  ("latitude" IS NULL AND "longitude" IS NULL)
  OR ("latitude" BETWEEN -90 AND 90 AND "longitude" BETWEEN -180 AND 180)
);
