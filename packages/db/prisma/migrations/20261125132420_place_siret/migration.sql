-- AlterTable
ALTER TABLE "Place" ADD COLUMN     "siret" TEXT;

