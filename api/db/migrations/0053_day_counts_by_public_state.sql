-- Hand-edited: the roll-up of 0044 gains what the public sees of each item (published as
-- `isPublishedInput` in api/services/published-content.ts counts it, rejected, other), so the
-- portal's counts per consultation read a few rows per day instead of every item. The table
-- is emptied and filled again from the submissions, then the trigger function counts by state.
DELETE FROM "submission_day_counts";--> statement-breakpoint
ALTER TABLE "submission_day_counts" DROP CONSTRAINT "submission_day_counts_consultation_id_day_channel_label_pk";--> statement-breakpoint
ALTER TABLE "submission_day_counts" ADD COLUMN "state" text NOT NULL;--> statement-breakpoint
ALTER TABLE "submission_day_counts" ADD CONSTRAINT "submission_day_counts_consultation_id_day_channel_label_state_pk" PRIMARY KEY("consultation_id","day","channel","label","state");--> statement-breakpoint
CREATE FUNCTION "submission_public_state"("status" "submission_status", "published_at" timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN "status" IN ('published', 'answered') AND "published_at" IS NOT NULL THEN 'published'
              WHEN "status" = 'rejected' THEN 'rejected' ELSE 'other' END
$$;--> statement-breakpoint
INSERT INTO "submission_day_counts" ("consultation_id", "day", "channel", "label", "state", "n")
SELECT "consultation_id", ("created_at" AT TIME ZONE 'Europe/Amsterdam')::date, "channel", coalesce("sentiment"->>'label', ''),
  submission_public_state("status", "published_at"), count(*)
FROM "submissions" WHERE "erased_at" IS NULL GROUP BY 1, 2, 3, 4, 5;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "count_submission_days"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "submission_day_counts" AS d ("consultation_id", "day", "channel", "label", "state", "n")
    SELECT "consultation_id", ("created_at" AT TIME ZONE 'Europe/Amsterdam')::date, "channel", coalesce("sentiment"->>'label', ''),
      submission_public_state("status", "published_at"), count(*)
    FROM new_rows WHERE "erased_at" IS NULL GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT ("consultation_id", "day", "channel", "label", "state") DO UPDATE SET "n" = d."n" + excluded."n";
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    INSERT INTO "submission_day_counts" AS d ("consultation_id", "day", "channel", "label", "state", "n")
    SELECT "consultation_id", ("created_at" AT TIME ZONE 'Europe/Amsterdam')::date, "channel", coalesce("sentiment"->>'label', ''),
      submission_public_state("status", "published_at"), -count(*)
    FROM old_rows WHERE "erased_at" IS NULL GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT ("consultation_id", "day", "channel", "label", "state") DO UPDATE SET "n" = d."n" + excluded."n";
  ELSE
    INSERT INTO "submission_day_counts" AS d ("consultation_id", "day", "channel", "label", "state", "n")
    SELECT "consultation_id", "day", "channel", "label", "state", sum("n") FROM (
      SELECT "consultation_id", ("created_at" AT TIME ZONE 'Europe/Amsterdam')::date AS "day", "channel",
        coalesce("sentiment"->>'label', '') AS "label", submission_public_state("status", "published_at") AS "state", -1 AS "n"
      FROM old_rows WHERE "erased_at" IS NULL
      UNION ALL
      SELECT "consultation_id", ("created_at" AT TIME ZONE 'Europe/Amsterdam')::date, "channel",
        coalesce("sentiment"->>'label', ''), submission_public_state("status", "published_at"), 1
      FROM new_rows WHERE "erased_at" IS NULL
    ) AS changes GROUP BY 1, 2, 3, 4, 5 HAVING sum("n") <> 0
    ON CONFLICT ("consultation_id", "day", "channel", "label", "state") DO UPDATE SET "n" = d."n" + excluded."n";
  END IF;
  DELETE FROM "submission_day_counts" d
  WHERE d."n" = 0 AND d."day" IN (SELECT ("created_at" AT TIME ZONE 'Europe/Amsterdam')::date FROM old_rows);
  RETURN NULL;
END
$$;
