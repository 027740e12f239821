CREATE TABLE "submission_day_counts" (
	"consultation_id" uuid NOT NULL,
	"day" date NOT NULL,
	"channel" "channel" NOT NULL,
	"label" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "submission_day_counts_consultation_id_day_channel_label_pk" PRIMARY KEY("consultation_id","day","channel","label")
);
--> statement-breakpoint
ALTER TABLE "submission_day_counts" ADD CONSTRAINT "submission_day_counts_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "submission_day_counts_day" ON "submission_day_counts" USING btree ("day");--> statement-breakpoint
-- Hand-written (drizzle-kit does not write triggers): the roll-up is filled from the existing
-- submissions, then kept by statement triggers that read the changed rows (transition tables),
-- so a bulk insert is one grouped upsert and an update that changes none of the counted
-- columns (a decision, an answer, a version bump) writes nothing. The day is the Amsterdam
-- date, the time zone of the insights (api/services/insights/weeks.ts TIME_ZONE).
INSERT INTO "submission_day_counts" ("consultation_id", "day", "channel", "label", "n")
SELECT "consultation_id", ("created_at" AT TIME ZONE 'Europe/Amsterdam')::date, "channel", coalesce("sentiment"->>'label', ''), count(*)
FROM "submissions" WHERE "erased_at" IS NULL GROUP BY 1, 2, 3, 4;--> statement-breakpoint
CREATE FUNCTION "count_submission_days"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "submission_day_counts" AS d ("consultation_id", "day", "channel", "label", "n")
    SELECT "consultation_id", ("created_at" AT TIME ZONE 'Europe/Amsterdam')::date, "channel", coalesce("sentiment"->>'label', ''), count(*)
    FROM new_rows WHERE "erased_at" IS NULL GROUP BY 1, 2, 3, 4
    ON CONFLICT ("consultation_id", "day", "channel", "label") DO UPDATE SET "n" = d."n" + excluded."n";
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    INSERT INTO "submission_day_counts" AS d ("consultation_id", "day", "channel", "label", "n")
    SELECT "consultation_id", ("created_at" AT TIME ZONE 'Europe/Amsterdam')::date, "channel", coalesce("sentiment"->>'label', ''), -count(*)
    FROM old_rows WHERE "erased_at" IS NULL GROUP BY 1, 2, 3, 4
    ON CONFLICT ("consultation_id", "day", "channel", "label") DO UPDATE SET "n" = d."n" + excluded."n";
  ELSE
    INSERT INTO "submission_day_counts" AS d ("consultation_id", "day", "channel", "label", "n")
    SELECT "consultation_id", "day", "channel", "label", sum("n") FROM (
      SELECT "consultation_id", ("created_at" AT TIME ZONE 'Europe/Amsterdam')::date AS "day", "channel", coalesce("sentiment"->>'label', '') AS "label", -1 AS "n"
      FROM old_rows WHERE "erased_at" IS NULL
      UNION ALL
      SELECT "consultation_id", ("created_at" AT TIME ZONE 'Europe/Amsterdam')::date, "channel", coalesce("sentiment"->>'label', ''), 1
      FROM new_rows WHERE "erased_at" IS NULL
    ) AS changes GROUP BY 1, 2, 3, 4 HAVING sum("n") <> 0
    ON CONFLICT ("consultation_id", "day", "channel", "label") DO UPDATE SET "n" = d."n" + excluded."n";
  END IF;
  DELETE FROM "submission_day_counts" d
  WHERE d."n" = 0 AND d."day" IN (SELECT ("created_at" AT TIME ZONE 'Europe/Amsterdam')::date FROM old_rows);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "submissions_count_days_insert" AFTER INSERT ON "submissions" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "count_submission_days"();--> statement-breakpoint
CREATE TRIGGER "submissions_count_days_update" AFTER UPDATE ON "submissions" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "count_submission_days"();--> statement-breakpoint
CREATE TRIGGER "submissions_count_days_delete" AFTER DELETE ON "submissions" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "count_submission_days"();--> statement-breakpoint
CREATE FUNCTION "clear_submission_days"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "submission_day_counts";
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "submissions_clear_days" AFTER TRUNCATE ON "submissions" FOR EACH STATEMENT EXECUTE FUNCTION "clear_submission_days"();
