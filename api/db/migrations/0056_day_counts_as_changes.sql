ALTER TABLE "submission_day_counts" DROP CONSTRAINT "submission_day_counts_consultation_id_day_channel_label_state_pk";--> statement-breakpoint
CREATE INDEX "submission_day_counts_key" ON "submission_day_counts" USING btree ("consultation_id","day","channel","label","state");--> statement-breakpoint
-- The roll-up's rows are changes, summed when read: insert only, never update or delete a
-- row another transaction may hold, so concurrent writers on one consultation day cannot
-- wait for each other or deadlock. Keys whose changes cancel out are left for the
-- compaction (api/services/day-counts.ts), which also folds each key's rows into one.
CREATE OR REPLACE FUNCTION "count_submission_days"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "submission_day_counts" ("consultation_id", "day", "channel", "label", "state", "n")
    SELECT "consultation_id", ("created_at" AT TIME ZONE 'Europe/Amsterdam')::date, "channel", coalesce("sentiment"->>'label', ''),
      submission_public_state("status", "published_at"), count(*)
    FROM new_rows WHERE "erased_at" IS NULL GROUP BY 1, 2, 3, 4, 5;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "submission_day_counts" ("consultation_id", "day", "channel", "label", "state", "n")
    SELECT "consultation_id", ("created_at" AT TIME ZONE 'Europe/Amsterdam')::date, "channel", coalesce("sentiment"->>'label', ''),
      submission_public_state("status", "published_at"), -count(*)
    FROM old_rows WHERE "erased_at" IS NULL GROUP BY 1, 2, 3, 4, 5;
  ELSE
    INSERT INTO "submission_day_counts" ("consultation_id", "day", "channel", "label", "state", "n")
    SELECT "consultation_id", "day", "channel", "label", "state", sum("n") FROM (
      SELECT "consultation_id", ("created_at" AT TIME ZONE 'Europe/Amsterdam')::date AS "day", "channel",
        coalesce("sentiment"->>'label', '') AS "label", submission_public_state("status", "published_at") AS "state", -1 AS "n"
      FROM old_rows WHERE "erased_at" IS NULL
      UNION ALL
      SELECT "consultation_id", ("created_at" AT TIME ZONE 'Europe/Amsterdam')::date, "channel",
        coalesce("sentiment"->>'label', ''), submission_public_state("status", "published_at"), 1
      FROM new_rows WHERE "erased_at" IS NULL
    ) AS changes GROUP BY 1, 2, 3, 4, 5 HAVING sum("n") <> 0;
  END IF;
  RETURN NULL;
END
$$;
