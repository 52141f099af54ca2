-- CreateTable
CREATE TABLE "FeedbackOptOut" (
    "emailHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeedbackOptOut_pkey" PRIMARY KEY ("emailHash")
);

