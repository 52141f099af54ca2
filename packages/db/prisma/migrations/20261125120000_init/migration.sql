-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Departement" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Departement_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Epci" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "departementCode" TEXT NOT NULL,
    "fragilityGroup" TEXT,

    CONSTRAINT "Epci_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Commune" (
    "inseeCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "postalCodes" TEXT[],
    "population" INTEGER NOT NULL,
    "departementCode" TEXT NOT NULL,
    "epciCode" TEXT,
    "fragilityIndex" DOUBLE PRECISION,

    CONSTRAINT "Commune_pkey" PRIMARY KEY ("inseeCode")
);

-- CreateTable
CREATE TABLE "Place" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "communeInsee" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "website" TEXT,
    "openingHours" JSONB NOT NULL DEFAULT '[]',
    "services" TEXT[],
    "accessInfo" TEXT,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "partnerId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Place_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Partner" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT,
    "services" TEXT[],
    "address" TEXT,
    "communeInsee" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "website" TEXT,
    "openingHours" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Partner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "disabledAt" TIMESTAMPTZ(3),
    "lastLoginAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuthSession" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "userAgent" TEXT,

    CONSTRAINT "AuthSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Counsellor" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "phone" TEXT,
    "usualPlaceId" UUID,
    "territoryEpciCodes" TEXT[],
    "postStartsOn" DATE,
    "postEndsOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Counsellor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Beneficiary" (
    "id" UUID NOT NULL,
    "counsellorId" UUID NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "birthYear" INTEGER,
    "communeInsee" TEXT,
    "consentAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Beneficiary_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivityRecord" (
    "id" UUID NOT NULL,
    "counsellorId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "locationType" TEXT NOT NULL,
    "placeId" UUID,
    "communeInsee" TEXT,
    "themes" TEXT[],
    "administrativeThemes" TEXT[],
    "administrativeDetail" TEXT,
    "equipment" TEXT[],
    "autonomy" TEXT,
    "redirectionStructure" TEXT,
    "notes" TEXT,
    "gender" TEXT,
    "ageBracket" TEXT,
    "socialStatus" TEXT,
    "beneficiaryId" UUID,
    "workshopTitle" TEXT,
    "workshopLevel" TEXT,
    "participantsCount" INTEGER NOT NULL DEFAULT 1,
    "participantBreakdown" JSONB,
    "workshopSessionId" UUID,
    "collegeSessionId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ActivityRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Workshop" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "theme" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "whatToBring" TEXT,
    "isPublic" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Workshop_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkshopSession" (
    "id" UUID NOT NULL,
    "workshopId" UUID NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "placeId" UUID NOT NULL,
    "capacity" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "accessInfo" TEXT,
    "cancelledAt" TIMESTAMPTZ(3),
    "cancelReason" TEXT,
    "reminderSentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WorkshopSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkshopSessionCounsellor" (
    "sessionId" UUID NOT NULL,
    "counsellorId" UUID NOT NULL,

    CONSTRAINT "WorkshopSessionCounsellor_pkey" PRIMARY KEY ("sessionId","counsellorId")
);

-- CreateTable
CREATE TABLE "Registration" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "seats" INTEGER NOT NULL,
    "arrival" BIGSERIAL NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "need" TEXT,
    "consentAt" TIMESTAMPTZ(3) NOT NULL,
    "manageTokenHash" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'portal',
    "clientId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "cancelledAt" TIMESTAMPTZ(3),
    "promotedAt" TIMESTAMPTZ(3),
    "checkedInAt" TIMESTAMPTZ(3),
    "anonymisedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Registration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CollegeRequest" (
    "id" UUID NOT NULL,
    "uai" TEXT NOT NULL,
    "establishmentName" TEXT NOT NULL,
    "communeInsee" TEXT NOT NULL,
    "requesterName" TEXT NOT NULL,
    "requesterRole" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT,
    "topics" TEXT[],
    "otherTopic" TEXT,
    "periods" JSONB NOT NULL,
    "constraints" TEXT,
    "status" TEXT NOT NULL DEFAULT 'received',
    "declineReason" TEXT,
    "trackingTokenHash" TEXT NOT NULL,
    "consentAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CollegeRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CollegeClass" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "level" TEXT NOT NULL,
    "name" TEXT,
    "pupils" INTEGER NOT NULL,

    CONSTRAINT "CollegeClass_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CollegeRequestEvent" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT NOT NULL,
    "actorType" TEXT NOT NULL,
    "actorUserId" UUID,
    "reason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CollegeRequestEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CollegeRequestMessage" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "author" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CollegeRequestMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CollegeSession" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "room" TEXT,
    "placeId" UUID,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "reportedAt" TIMESTAMPTZ(3),
    "topicsCovered" TEXT[],
    "remarks" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CollegeSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CollegeSessionClass" (
    "sessionId" UUID NOT NULL,
    "classId" UUID NOT NULL,
    "pupilsPresent" INTEGER,

    CONSTRAINT "CollegeSessionClass_pkey" PRIMARY KEY ("sessionId","classId")
);

-- CreateTable
CREATE TABLE "CollegeSessionCounsellor" (
    "sessionId" UUID NOT NULL,
    "counsellorId" UUID NOT NULL,

    CONSTRAINT "CollegeSessionCounsellor_pkey" PRIMARY KEY ("sessionId","counsellorId")
);

-- CreateTable
CREATE TABLE "PassCheque" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "valueCents" INTEGER NOT NULL DEFAULT 1000,
    "status" TEXT NOT NULL DEFAULT 'in_stock',
    "counsellorId" UUID,
    "allottedAt" TIMESTAMPTZ(3),
    "prescriptionId" UUID,
    "usedAt" TIMESTAMPTZ(3),
    "expiresOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PassCheque_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PassPrescription" (
    "id" UUID NOT NULL,
    "counsellorId" UUID NOT NULL,
    "prescribedOn" DATE NOT NULL,
    "need" TEXT NOT NULL,
    "beneficiaryId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PassPrescription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "YearlyObjective" (
    "year" INTEGER NOT NULL,
    "metric" TEXT NOT NULL,
    "value" INTEGER NOT NULL,

    CONSTRAINT "YearlyObjective_pkey" PRIMARY KEY ("year","metric")
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" UUID NOT NULL,
    "dedupeKey" TEXT,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT,
    "ics" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorUserId" UUID,
    "action" TEXT NOT NULL,
    "entityType" TEXT,
    "entityId" TEXT,
    "details" JSONB,
    "ip" TEXT,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Commune_epciCode_idx" ON "Commune"("epciCode");

-- CreateIndex
CREATE INDEX "Commune_departementCode_idx" ON "Commune"("departementCode");

-- CreateIndex
CREATE INDEX "Place_communeInsee_idx" ON "Place"("communeInsee");

-- CreateIndex
CREATE INDEX "Place_type_idx" ON "Place"("type");

-- CreateIndex
CREATE INDEX "Partner_communeInsee_idx" ON "Partner"("communeInsee");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "AuthSession_tokenHash_key" ON "AuthSession"("tokenHash");

-- CreateIndex
CREATE INDEX "AuthSession_userId_idx" ON "AuthSession"("userId");

-- CreateIndex
CREATE INDEX "AuthSession_expiresAt_idx" ON "AuthSession"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Counsellor_userId_key" ON "Counsellor"("userId");

-- CreateIndex
CREATE INDEX "Beneficiary_counsellorId_idx" ON "Beneficiary"("counsellorId");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityRecord_workshopSessionId_key" ON "ActivityRecord"("workshopSessionId");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityRecord_collegeSessionId_key" ON "ActivityRecord"("collegeSessionId");

-- CreateIndex
CREATE INDEX "ActivityRecord_counsellorId_date_idx" ON "ActivityRecord"("counsellorId", "date");

-- CreateIndex
CREATE INDEX "ActivityRecord_date_idx" ON "ActivityRecord"("date");

-- CreateIndex
CREATE INDEX "ActivityRecord_placeId_idx" ON "ActivityRecord"("placeId");

-- CreateIndex
CREATE INDEX "ActivityRecord_communeInsee_idx" ON "ActivityRecord"("communeInsee");

-- CreateIndex
CREATE INDEX "WorkshopSession_startsAt_idx" ON "WorkshopSession"("startsAt");

-- CreateIndex
CREATE INDEX "WorkshopSession_workshopId_idx" ON "WorkshopSession"("workshopId");

-- CreateIndex
CREATE INDEX "WorkshopSessionCounsellor_counsellorId_idx" ON "WorkshopSessionCounsellor"("counsellorId");

-- CreateIndex
CREATE UNIQUE INDEX "Registration_manageTokenHash_key" ON "Registration"("manageTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Registration_clientId_key" ON "Registration"("clientId");

-- CreateIndex
CREATE INDEX "Registration_sessionId_status_idx" ON "Registration"("sessionId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "CollegeRequest_trackingTokenHash_key" ON "CollegeRequest"("trackingTokenHash");

-- CreateIndex
CREATE INDEX "CollegeRequest_status_createdAt_idx" ON "CollegeRequest"("status", "createdAt");

-- CreateIndex
CREATE INDEX "CollegeRequest_uai_idx" ON "CollegeRequest"("uai");

-- CreateIndex
CREATE INDEX "CollegeClass_requestId_idx" ON "CollegeClass"("requestId");

-- CreateIndex
CREATE INDEX "CollegeRequestEvent_requestId_createdAt_idx" ON "CollegeRequestEvent"("requestId", "createdAt");

-- CreateIndex
CREATE INDEX "CollegeRequestMessage_requestId_createdAt_idx" ON "CollegeRequestMessage"("requestId", "createdAt");

-- CreateIndex
CREATE INDEX "CollegeSession_startsAt_idx" ON "CollegeSession"("startsAt");

-- CreateIndex
CREATE INDEX "CollegeSession_requestId_idx" ON "CollegeSession"("requestId");

-- CreateIndex
CREATE INDEX "CollegeSessionCounsellor_counsellorId_idx" ON "CollegeSessionCounsellor"("counsellorId");

-- CreateIndex
CREATE UNIQUE INDEX "PassCheque_number_key" ON "PassCheque"("number");

-- CreateIndex
CREATE INDEX "PassCheque_counsellorId_status_idx" ON "PassCheque"("counsellorId", "status");

-- CreateIndex
CREATE INDEX "PassPrescription_counsellorId_idx" ON "PassPrescription"("counsellorId");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEmail_dedupeKey_key" ON "OutboxEmail"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxEmail_status_createdAt_idx" ON "OutboxEmail"("status", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- AddForeignKey
ALTER TABLE "Epci" ADD CONSTRAINT "Epci_departementCode_fkey" FOREIGN KEY ("departementCode") REFERENCES "Departement"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commune" ADD CONSTRAINT "Commune_departementCode_fkey" FOREIGN KEY ("departementCode") REFERENCES "Departement"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commune" ADD CONSTRAINT "Commune_epciCode_fkey" FOREIGN KEY ("epciCode") REFERENCES "Epci"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Place" ADD CONSTRAINT "Place_communeInsee_fkey" FOREIGN KEY ("communeInsee") REFERENCES "Commune"("inseeCode") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Place" ADD CONSTRAINT "Place_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Partner" ADD CONSTRAINT "Partner_communeInsee_fkey" FOREIGN KEY ("communeInsee") REFERENCES "Commune"("inseeCode") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthSession" ADD CONSTRAINT "AuthSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Counsellor" ADD CONSTRAINT "Counsellor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Counsellor" ADD CONSTRAINT "Counsellor_usualPlaceId_fkey" FOREIGN KEY ("usualPlaceId") REFERENCES "Place"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Beneficiary" ADD CONSTRAINT "Beneficiary_counsellorId_fkey" FOREIGN KEY ("counsellorId") REFERENCES "Counsellor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Beneficiary" ADD CONSTRAINT "Beneficiary_communeInsee_fkey" FOREIGN KEY ("communeInsee") REFERENCES "Commune"("inseeCode") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityRecord" ADD CONSTRAINT "ActivityRecord_counsellorId_fkey" FOREIGN KEY ("counsellorId") REFERENCES "Counsellor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityRecord" ADD CONSTRAINT "ActivityRecord_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityRecord" ADD CONSTRAINT "ActivityRecord_communeInsee_fkey" FOREIGN KEY ("communeInsee") REFERENCES "Commune"("inseeCode") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityRecord" ADD CONSTRAINT "ActivityRecord_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityRecord" ADD CONSTRAINT "ActivityRecord_workshopSessionId_fkey" FOREIGN KEY ("workshopSessionId") REFERENCES "WorkshopSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityRecord" ADD CONSTRAINT "ActivityRecord_collegeSessionId_fkey" FOREIGN KEY ("collegeSessionId") REFERENCES "CollegeSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopSession" ADD CONSTRAINT "WorkshopSession_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopSession" ADD CONSTRAINT "WorkshopSession_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopSessionCounsellor" ADD CONSTRAINT "WorkshopSessionCounsellor_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "WorkshopSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopSessionCounsellor" ADD CONSTRAINT "WorkshopSessionCounsellor_counsellorId_fkey" FOREIGN KEY ("counsellorId") REFERENCES "Counsellor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "WorkshopSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollegeRequest" ADD CONSTRAINT "CollegeRequest_communeInsee_fkey" FOREIGN KEY ("communeInsee") REFERENCES "Commune"("inseeCode") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollegeClass" ADD CONSTRAINT "CollegeClass_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "CollegeRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollegeRequestEvent" ADD CONSTRAINT "CollegeRequestEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "CollegeRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollegeRequestEvent" ADD CONSTRAINT "CollegeRequestEvent_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollegeRequestMessage" ADD CONSTRAINT "CollegeRequestMessage_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "CollegeRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollegeSession" ADD CONSTRAINT "CollegeSession_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "CollegeRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollegeSession" ADD CONSTRAINT "CollegeSession_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollegeSessionClass" ADD CONSTRAINT "CollegeSessionClass_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CollegeSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollegeSessionClass" ADD CONSTRAINT "CollegeSessionClass_classId_fkey" FOREIGN KEY ("classId") REFERENCES "CollegeClass"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollegeSessionCounsellor" ADD CONSTRAINT "CollegeSessionCounsellor_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CollegeSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollegeSessionCounsellor" ADD CONSTRAINT "CollegeSessionCounsellor_counsellorId_fkey" FOREIGN KEY ("counsellorId") REFERENCES "Counsellor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PassCheque" ADD CONSTRAINT "PassCheque_counsellorId_fkey" FOREIGN KEY ("counsellorId") REFERENCES "Counsellor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PassCheque" ADD CONSTRAINT "PassCheque_prescriptionId_fkey" FOREIGN KEY ("prescriptionId") REFERENCES "PassPrescription"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PassPrescription" ADD CONSTRAINT "PassPrescription_counsellorId_fkey" FOREIGN KEY ("counsellorId") REFERENCES "Counsellor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PassPrescription" ADD CONSTRAINT "PassPrescription_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

