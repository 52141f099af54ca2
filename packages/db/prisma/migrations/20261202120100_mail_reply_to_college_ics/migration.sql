-- AlterTable
ALTER TABLE "CollegeSession" ADD COLUMN     "icsSequence" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "replyTo" TEXT;
