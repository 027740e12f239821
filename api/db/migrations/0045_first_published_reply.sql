ALTER TABLE "submissions" ADD COLUMN "first_published_reply_at" timestamp with time zone;--> statement-breakpoint
-- Hand-written (drizzle-kit does not write triggers): the column filled from the replies there
-- are, before the index is built, then kept by statement triggers on staff_replies in the
-- transaction of every reply inserted, published, moved or deleted (erasure and retention
-- delete replies), so it is always the earliest published reply's time, or null.
UPDATE "submissions" s SET "first_published_reply_at" = r."first_at"
FROM (
  SELECT "submission_id", min("published_at") AS "first_at" FROM "staff_replies"
  WHERE "published_at" IS NOT NULL AND "submission_id" IS NOT NULL GROUP BY 1
) r
WHERE r."submission_id" = s."id";--> statement-breakpoint
CREATE FUNCTION "refresh_first_published_reply"("ids" uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "submissions" s SET "first_published_reply_at" = r."first_at"
  FROM (
    SELECT i."id", (SELECT min(sr."published_at") FROM "staff_replies" sr
      WHERE sr."submission_id" = i."id" AND sr."published_at" IS NOT NULL) AS "first_at"
    FROM unnest("ids") AS i("id")
  ) r
  WHERE s."id" = r."id" AND s."first_published_reply_at" IS DISTINCT FROM r."first_at"
$$;--> statement-breakpoint
CREATE FUNCTION "staff_replies_refresh_first"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "refresh_first_published_reply"(array(SELECT DISTINCT "submission_id" FROM new_rows WHERE "submission_id" IS NOT NULL AND "published_at" IS NOT NULL));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "refresh_first_published_reply"(array(SELECT DISTINCT "submission_id" FROM old_rows WHERE "submission_id" IS NOT NULL AND "published_at" IS NOT NULL));
  ELSE
    PERFORM "refresh_first_published_reply"(array(
      SELECT o."submission_id" FROM old_rows o JOIN new_rows n ON n."id" = o."id"
      WHERE o."submission_id" IS DISTINCT FROM n."submission_id" OR o."published_at" IS DISTINCT FROM n."published_at"
      UNION SELECT n."submission_id" FROM old_rows o JOIN new_rows n ON n."id" = o."id"
      WHERE o."submission_id" IS DISTINCT FROM n."submission_id" OR o."published_at" IS DISTINCT FROM n."published_at"));
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "staff_replies_first_insert" AFTER INSERT ON "staff_replies" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "staff_replies_refresh_first"();--> statement-breakpoint
CREATE TRIGGER "staff_replies_first_update" AFTER UPDATE ON "staff_replies" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "staff_replies_refresh_first"();--> statement-breakpoint
CREATE TRIGGER "staff_replies_first_delete" AFTER DELETE ON "staff_replies" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "staff_replies_refresh_first"();--> statement-breakpoint
CREATE FUNCTION "staff_replies_clear_first"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "submissions" SET "first_published_reply_at" = NULL WHERE "first_published_reply_at" IS NOT NULL;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "staff_replies_first_truncate" AFTER TRUNCATE ON "staff_replies" FOR EACH STATEMENT EXECUTE FUNCTION "staff_replies_clear_first"();--> statement-breakpoint
CREATE INDEX "submissions_insights" ON "submissions" USING btree ("created_at","id","consultation_id","channel","review_state","language","erased_at","first_response_at","first_published_reply_at");
