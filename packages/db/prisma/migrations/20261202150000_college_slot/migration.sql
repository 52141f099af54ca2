-- AlterTable
ALTER TABLE "CollegeSession" ADD COLUMN     "slotId" UUID;

-- CreateTable
CREATE TABLE "CollegeSlot" (
    "id" UUID NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "topics" TEXT[],
    "capacityClasses" INTEGER NOT NULL,
    "communeInsees" TEXT[],
    "epciCodes" TEXT[],
    "bookingClosesAt" TIMESTAMPTZ(3),
    "status" TEXT NOT NULL DEFAULT 'open',
    "batchId" UUID NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CollegeSlot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CollegeSlotCounsellor" (
    "slotId" UUID NOT NULL,
    "counsellorId" UUID NOT NULL,

    CONSTRAINT "CollegeSlotCounsellor_pkey" PRIMARY KEY ("slotId","counsellorId")
);

-- CreateIndex
CREATE INDEX "CollegeSlot_status_startsAt_idx" ON "CollegeSlot"("status", "startsAt");

-- CreateIndex
CREATE INDEX "CollegeSlotCounsellor_counsellorId_idx" ON "CollegeSlotCounsellor"("counsellorId");

-- CreateIndex
CREATE INDEX "CollegeSession_slotId_idx" ON "CollegeSession"("slotId");

-- AddForeignKey
ALTER TABLE "CollegeSession" ADD CONSTRAINT "CollegeSession_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "CollegeSlot"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollegeSlotCounsellor" ADD CONSTRAINT "CollegeSlotCounsellor_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "CollegeSlot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollegeSlotCounsellor" ADD CONSTRAINT "CollegeSlotCounsellor_counsellorId_fkey" FOREIGN KEY ("counsellorId") REFERENCES "Counsellor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Value lists of the domain (college-slot/slot.ts, college/request.ts) and bounds of its rules,
-- checked by the database too: Prisma cannot describe CHECK constraints, so they live only here.
ALTER TABLE "CollegeSlot" ADD CONSTRAINT "CollegeSlot_status_check" CHECK ("status" IN ('open', 'withdrawn'));
ALTER TABLE "CollegeSlot" ADD CONSTRAINT "CollegeSlot_topics_check"
  CHECK ("topics" <@ ARRAY['cyberbullying', 'e_reputation', 'social_network_economics', 'other']::TEXT[] AND cardinality("topics") > 0);
ALTER TABLE "CollegeSlot" ADD CONSTRAINT "CollegeSlot_capacityClasses_check" CHECK ("capacityClasses" BETWEEN 1 AND 30);
ALTER TABLE "CollegeSlot" ADD CONSTRAINT "CollegeSlot_durationMinutes_check" CHECK ("durationMinutes" BETWEEN 30 AND 240);
