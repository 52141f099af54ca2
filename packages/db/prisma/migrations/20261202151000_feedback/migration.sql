-- CreateTable
CREATE TABLE "FeedbackInvitation" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "tokenHash" TEXT,
    "registrationId" UUID,
    "workshopSessionId" UUID,
    "collegeSessionId" UUID,
    "counsellorId" UUID,
    "activityRecordId" UUID,
    "maxAnswers" INTEGER NOT NULL DEFAULT 1,
    "answerCount" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeedbackInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackAnswer" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "workshopId" UUID,
    "workshopSessionId" UUID,
    "collegeSessionId" UUID,
    "activityRecordId" UUID,
    "counsellorIds" TEXT[],
    "themes" TEXT[],
    "usefulness" INTEGER NOT NULL,
    "recommend" TEXT NOT NULL,
    "change" TEXT,
    "comment" TEXT,
    "commentHidden" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "FeedbackAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FeedbackInvitation_tokenHash_key" ON "FeedbackInvitation"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "FeedbackInvitation_registrationId_key" ON "FeedbackInvitation"("registrationId");

-- CreateIndex
CREATE UNIQUE INDEX "FeedbackInvitation_collegeSessionId_key" ON "FeedbackInvitation"("collegeSessionId");

-- CreateIndex
CREATE INDEX "FeedbackInvitation_counsellorId_idx" ON "FeedbackInvitation"("counsellorId");

-- CreateIndex
CREATE INDEX "FeedbackInvitation_workshopSessionId_idx" ON "FeedbackInvitation"("workshopSessionId");

-- CreateIndex
CREATE INDEX "FeedbackAnswer_month_idx" ON "FeedbackAnswer"("month");

-- CreateIndex
CREATE INDEX "FeedbackAnswer_kind_month_idx" ON "FeedbackAnswer"("kind", "month");

-- AddForeignKey
ALTER TABLE "FeedbackInvitation" ADD CONSTRAINT "FeedbackInvitation_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackInvitation" ADD CONSTRAINT "FeedbackInvitation_collegeSessionId_fkey" FOREIGN KEY ("collegeSessionId") REFERENCES "CollegeSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

