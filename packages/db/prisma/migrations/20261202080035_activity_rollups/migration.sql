-- CreateTable
CREATE TABLE "ActivityMonthStat" (
    "month" DATE NOT NULL,
    "counsellorId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "records" INTEGER NOT NULL,
    "participants" INTEGER NOT NULL,
    "minutes" INTEGER NOT NULL,
    "anonymous" INTEGER NOT NULL,

    CONSTRAINT "ActivityMonthStat_pkey" PRIMARY KEY ("month","counsellorId","type")
);

-- CreateTable
CREATE TABLE "ActivityPlaceMonthStat" (
    "month" DATE NOT NULL,
    "counsellorId" UUID NOT NULL,
    "placeRef" TEXT NOT NULL,
    "records" INTEGER NOT NULL,
    "people" INTEGER NOT NULL,

    CONSTRAINT "ActivityPlaceMonthStat_pkey" PRIMARY KEY ("month","counsellorId","placeRef")
);

-- CreateTable
CREATE TABLE "ActivityThemeMonthStat" (
    "month" DATE NOT NULL,
    "counsellorId" UUID NOT NULL,
    "theme" TEXT NOT NULL,
    "records" INTEGER NOT NULL,
    "people" INTEGER NOT NULL,

    CONSTRAINT "ActivityThemeMonthStat_pkey" PRIMARY KEY ("month","counsellorId","theme")
);

-- CreateTable
CREATE TABLE "ActivityPersonMonth" (
    "month" DATE NOT NULL,
    "counsellorId" UUID NOT NULL,
    "beneficiaryId" UUID NOT NULL,
    "records" INTEGER NOT NULL,

    CONSTRAINT "ActivityPersonMonth_pkey" PRIMARY KEY ("month","counsellorId","beneficiaryId")
);

-- Rollups kept exact in the write path: statement-level triggers on "ActivityRecord" fold the rows
-- each statement inserted, updated or deleted (its transition tables) into the tables above, in
-- the same transaction. Every writer is covered (API, offline sync, attendance, collège reports,
-- seeds, bulk SQL, ON DELETE SET NULL from an erased person), so no figure is ever stale. An
-- update counts as its new rows added, then its old rows removed; rows falling to zero are
-- deleted, so the tables only hold what has records. Every key starts with the month and the
-- counsellor and rows are written in key order: writers of different counsellors never wait on
-- each other, and one counsellor's concurrent writers take their locks in the same order.
-- The four rollups share one shape: the same grouping adds, removes and fills them below.

CREATE FUNCTION "activity_rollups_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH c0 AS (
    INSERT INTO "ActivityMonthStat" AS s ("month", "counsellorId", "type", "records", "participants", "minutes", "anonymous")
    SELECT date_trunc('month', r."date")::date, r."counsellorId", r."type", COUNT(*), SUM(r."participantsCount"), SUM(r."durationMinutes"), COUNT(*) FILTER (WHERE r."beneficiaryId" IS NULL)
    FROM changed_rows r GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ("month", "counsellorId", "type") DO UPDATE SET "records" = s."records" + EXCLUDED."records", "participants" = s."participants" + EXCLUDED."participants", "minutes" = s."minutes" + EXCLUDED."minutes", "anonymous" = s."anonymous" + EXCLUDED."anonymous"
  ),
  c1 AS (
    INSERT INTO "ActivityPlaceMonthStat" AS s ("month", "counsellorId", "placeRef", "records", "people")
    SELECT date_trunc('month', r."date")::date, r."counsellorId", COALESCE(r."placeId"::text, 'lieu:' || r."locationType"), COUNT(*), SUM(r."participantsCount")
    FROM changed_rows r GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ("month", "counsellorId", "placeRef") DO UPDATE SET "records" = s."records" + EXCLUDED."records", "people" = s."people" + EXCLUDED."people"
  ),
  c2 AS (
    INSERT INTO "ActivityThemeMonthStat" AS s ("month", "counsellorId", "theme", "records", "people")
    SELECT date_trunc('month', r."date")::date, r."counsellorId", th.theme, COUNT(*), SUM(r."participantsCount")
    FROM changed_rows r CROSS JOIN LATERAL unnest(r."themes") AS th(theme) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ("month", "counsellorId", "theme") DO UPDATE SET "records" = s."records" + EXCLUDED."records", "people" = s."people" + EXCLUDED."people"
  )
  INSERT INTO "ActivityPersonMonth" AS s ("month", "counsellorId", "beneficiaryId", "records")
    SELECT date_trunc('month', r."date")::date, r."counsellorId", r."beneficiaryId", COUNT(*)
    FROM changed_rows r WHERE r."type" = 'Individuel' AND r."beneficiaryId" IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ("month", "counsellorId", "beneficiaryId") DO UPDATE SET "records" = s."records" + EXCLUDED."records";
  RETURN NULL;
END $$;

CREATE FUNCTION "activity_rollups_remove"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH c0 AS (
    UPDATE "ActivityMonthStat" AS s SET "records" = s."records" - d."records", "participants" = s."participants" - d."participants", "minutes" = s."minutes" - d."minutes", "anonymous" = s."anonymous" - d."anonymous"
    FROM (SELECT date_trunc('month', r."date")::date AS "month", r."counsellorId" AS "counsellorId", r."type" AS "type", COUNT(*) AS "records", SUM(r."participantsCount") AS "participants", SUM(r."durationMinutes") AS "minutes", COUNT(*) FILTER (WHERE r."beneficiaryId" IS NULL) AS "anonymous"
    FROM changed_rows r GROUP BY 1, 2, 3 ORDER BY 1, 2, 3) d
    WHERE s."month" = d."month" AND s."counsellorId" = d."counsellorId" AND s."type" = d."type"
  ),
  c1 AS (
    UPDATE "ActivityPlaceMonthStat" AS s SET "records" = s."records" - d."records", "people" = s."people" - d."people"
    FROM (SELECT date_trunc('month', r."date")::date AS "month", r."counsellorId" AS "counsellorId", COALESCE(r."placeId"::text, 'lieu:' || r."locationType") AS "placeRef", COUNT(*) AS "records", SUM(r."participantsCount") AS "people"
    FROM changed_rows r GROUP BY 1, 2, 3 ORDER BY 1, 2, 3) d
    WHERE s."month" = d."month" AND s."counsellorId" = d."counsellorId" AND s."placeRef" = d."placeRef"
  ),
  c2 AS (
    UPDATE "ActivityThemeMonthStat" AS s SET "records" = s."records" - d."records", "people" = s."people" - d."people"
    FROM (SELECT date_trunc('month', r."date")::date AS "month", r."counsellorId" AS "counsellorId", th.theme AS "theme", COUNT(*) AS "records", SUM(r."participantsCount") AS "people"
    FROM changed_rows r CROSS JOIN LATERAL unnest(r."themes") AS th(theme) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3) d
    WHERE s."month" = d."month" AND s."counsellorId" = d."counsellorId" AND s."theme" = d."theme"
  )
  UPDATE "ActivityPersonMonth" AS s SET "records" = s."records" - d."records"
    FROM (SELECT date_trunc('month', r."date")::date AS "month", r."counsellorId" AS "counsellorId", r."beneficiaryId" AS "beneficiaryId", COUNT(*) AS "records"
    FROM changed_rows r WHERE r."type" = 'Individuel' AND r."beneficiaryId" IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3) d
    WHERE s."month" = d."month" AND s."counsellorId" = d."counsellorId" AND s."beneficiaryId" = d."beneficiaryId";
  -- A second statement: the one above cannot see the rows it has just updated.
  WITH touched AS (SELECT DISTINCT date_trunc('month', r."date")::date AS month, r."counsellorId" FROM changed_rows r),
  d0 AS (DELETE FROM "ActivityMonthStat" s USING touched k WHERE s."month" = k.month AND s."counsellorId" = k."counsellorId" AND s."records" = 0),
  d1 AS (DELETE FROM "ActivityPlaceMonthStat" s USING touched k WHERE s."month" = k.month AND s."counsellorId" = k."counsellorId" AND s."records" = 0),
  d2 AS (DELETE FROM "ActivityThemeMonthStat" s USING touched k WHERE s."month" = k.month AND s."counsellorId" = k."counsellorId" AND s."records" = 0)
  DELETE FROM "ActivityPersonMonth" s USING touched k WHERE s."month" = k.month AND s."counsellorId" = k."counsellorId" AND s."records" = 0;
  RETURN NULL;
END $$;

CREATE FUNCTION "activity_rollups_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE "ActivityMonthStat", "ActivityPlaceMonthStat", "ActivityThemeMonthStat", "ActivityPersonMonth";
  RETURN NULL;
END $$;

-- Triggers fire in name order: on UPDATE the new rows are added before the old ones are removed,
-- so an edit that changes no figure never takes a row down to zero and back.
CREATE TRIGGER "activity_rollups_1_insert" AFTER INSERT ON "ActivityRecord"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "activity_rollups_add"();
CREATE TRIGGER "activity_rollups_2_update_new" AFTER UPDATE ON "ActivityRecord"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "activity_rollups_add"();
CREATE TRIGGER "activity_rollups_3_update_old" AFTER UPDATE ON "ActivityRecord"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "activity_rollups_remove"();
CREATE TRIGGER "activity_rollups_4_delete" AFTER DELETE ON "ActivityRecord"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "activity_rollups_remove"();
CREATE TRIGGER "activity_rollups_5_truncate" AFTER TRUNCATE ON "ActivityRecord"
  FOR EACH STATEMENT EXECUTE FUNCTION "activity_rollups_truncate"();

-- The records already there.
INSERT INTO "ActivityMonthStat" ("month", "counsellorId", "type", "records", "participants", "minutes", "anonymous")
SELECT date_trunc('month', r."date")::date, r."counsellorId", r."type", COUNT(*), SUM(r."participantsCount"), SUM(r."durationMinutes"), COUNT(*) FILTER (WHERE r."beneficiaryId" IS NULL)
    FROM "ActivityRecord" r GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
INSERT INTO "ActivityPlaceMonthStat" ("month", "counsellorId", "placeRef", "records", "people")
SELECT date_trunc('month', r."date")::date, r."counsellorId", COALESCE(r."placeId"::text, 'lieu:' || r."locationType"), COUNT(*), SUM(r."participantsCount")
    FROM "ActivityRecord" r GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
INSERT INTO "ActivityThemeMonthStat" ("month", "counsellorId", "theme", "records", "people")
SELECT date_trunc('month', r."date")::date, r."counsellorId", th.theme, COUNT(*), SUM(r."participantsCount")
    FROM "ActivityRecord" r CROSS JOIN LATERAL unnest(r."themes") AS th(theme) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
INSERT INTO "ActivityPersonMonth" ("month", "counsellorId", "beneficiaryId", "records")
SELECT date_trunc('month', r."date")::date, r."counsellorId", r."beneficiaryId", COUNT(*)
    FROM "ActivityRecord" r WHERE r."type" = 'Individuel' AND r."beneficiaryId" IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
