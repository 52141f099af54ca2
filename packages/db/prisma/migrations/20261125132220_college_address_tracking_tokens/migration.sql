-- AlterTable
ALTER TABLE "CollegeRequest" ADD COLUMN     "address" TEXT;

-- CreateTable
CREATE TABLE "CollegeTrackingToken" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CollegeTrackingToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CollegeTrackingToken_tokenHash_key" ON "CollegeTrackingToken"("tokenHash");

-- CreateIndex
CREATE INDEX "CollegeTrackingToken_requestId_idx" ON "CollegeTrackingToken"("requestId");

-- AddForeignKey
ALTER TABLE "CollegeTrackingToken" ADD CONSTRAINT "CollegeTrackingToken_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "CollegeRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

