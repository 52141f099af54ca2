-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "linkKind" TEXT,
ADD COLUMN     "linkPrefix" TEXT,
ADD COLUMN     "linkTargetId" UUID,
ALTER COLUMN "text" DROP NOT NULL;

-- CreateTable
CREATE TABLE "RegistrationManageToken" (
    "id" UUID NOT NULL,
    "registrationId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegistrationManageToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RegistrationManageToken_tokenHash_key" ON "RegistrationManageToken"("tokenHash");

-- CreateIndex
CREATE INDEX "RegistrationManageToken_registrationId_idx" ON "RegistrationManageToken"("registrationId");

-- AddForeignKey
ALTER TABLE "RegistrationManageToken" ADD CONSTRAINT "RegistrationManageToken_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Data: no personal link (its token) stays in plain text in the outbox.
-- Messages already delivered keep their envelope only: text, HTML and calendar file are erased.
UPDATE "OutboxEmail" SET "text" = NULL, "html" = NULL, "ics" = NULL WHERE "status" = 'sent';

-- Messages still to send: the link in the text becomes a reference to what it opens, found through
-- the stored hash of its token (hashToken = hex SHA-256); a fresh link is created when it leaves.
WITH "found" AS (
  SELECT o."id", m[1] AS "url", m[2] AS "prefix", m[3] AS "path", encode(sha256(convert_to(m[4], 'UTF8')), 'hex') AS "hash"
  FROM "OutboxEmail" o
  CROSS JOIN LATERAL regexp_match(o."text", '((https?://[^[:space:]"<>]*(/inscription/|/colleges/suivi/|/pilotage/mot-de-passe\?jeton=))([A-Za-z0-9_-]{20,}))') AS m
  WHERE o."status" <> 'sent' AND o."linkKind" IS NULL
), "resolved" AS (
  SELECT f.*,
    CASE f."path" WHEN '/inscription/' THEN 'manage_registration' WHEN '/colleges/suivi/' THEN 'college_tracking' ELSE 'set_password' END AS "kind",
    CASE f."path"
      WHEN '/inscription/' THEN (SELECT r."id" FROM "Registration" r WHERE r."manageTokenHash" = f."hash")
      WHEN '/colleges/suivi/' THEN COALESCE(
        (SELECT c."id" FROM "CollegeRequest" c WHERE c."trackingTokenHash" = f."hash"),
        (SELECT t."requestId" FROM "CollegeTrackingToken" t WHERE t."tokenHash" = f."hash"))
      ELSE (SELECT u."id" FROM "UserToken" u WHERE u."tokenHash" = f."hash")
    END AS "targetId"
  FROM "found" f
)
UPDATE "OutboxEmail" o
SET "linkKind" = r."kind", "linkTargetId" = r."targetId", "linkPrefix" = r."prefix",
    "text" = replace(o."text", r."url", '[[LIEN_PERSONNEL]]'),
    "html" = replace(o."html", r."url", '[[LIEN_PERSONNEL]]')
FROM "resolved" r
WHERE o."id" = r."id";

-- Anything still looking like a personal link is masked.
UPDATE "OutboxEmail"
SET "text" = regexp_replace("text", '(/inscription/|/colleges/suivi/|jeton=)[A-Za-z0-9_%-]{20,}', '\1[lien personnel masqué]', 'g'),
    "html" = regexp_replace("html", '(/inscription/|/colleges/suivi/|jeton=)[A-Za-z0-9_%-]{20,}', '\1[lien personnel masqué]', 'g')
WHERE "text" ~ '(/inscription/|/colleges/suivi/|jeton=)[A-Za-z0-9_%-]{20,}' OR "html" ~ '(/inscription/|/colleges/suivi/|jeton=)[A-Za-z0-9_%-]{20,}';
