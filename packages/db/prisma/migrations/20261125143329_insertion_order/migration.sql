-- AlterTable
ALTER TABLE "CollegeRequestEvent" ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- AlterTable
ALTER TABLE "CollegeRequestMessage" ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "seq" BIGSERIAL NOT NULL;

