-- Hand-written (drizzle-kit writes neither functions nor triggers). The insights' response
-- times from a roll-up (schema.ts `response_time_counts`) instead of every answered item.
--
-- A moment in whole milliseconds since 2020 (floored, as Node's dates hold them: float
-- arithmetic on the microseconds of an interval of a few decades is exact once rounded), and
-- the milliseconds from arrival to the first answer, as the insights count them. Immutable, so
-- an index can hold them. One function names another with its schema: index builds run with
-- a search path of the system catalog only (PostgreSQL 17).
CREATE FUNCTION "podium_epoch_ms"("at" timestamptz) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT floor(round(date_part('epoch', "at" - '2020-01-01 00:00:00+00'::timestamptz) * 1000000) / 1000)::bigint
$$;--> statement-breakpoint
CREATE FUNCTION "podium_response_ms"("arrived" timestamptz, "answered" timestamptz) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT public.podium_epoch_ms("answered") - public.podium_epoch_ms("arrived")
$$;--> statement-breakpoint
-- The bucket of a response time: 0 under a minute, then half-octave steps (a minute, 1.4
-- minutes, 2 minutes, …) up to a year and beyond (39). Whole-number thresholds, so the bucket
-- never disagrees with the order of the times it holds.
CREATE FUNCTION "podium_response_bucket"("ms" bigint) RETURNS smallint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT width_bucket("ms", '{60000,84853,120000,169706,240000,339411,480000,678823,960000,1357645,1920000,2715290,3840000,5430580,7680000,10861160,15360000,21722320,30720000,43444641,61440000,86889281,122880000,173778563,245760000,347557125,491520000,695114250,983040000,1390228500,1966080000,2780457001,3932160000,5560914001,7864320000,11121828003,15728640000,22243656006,31457280000}'::bigint[])::smallint
$$;--> statement-breakpoint
CREATE TABLE "response_time_counts" (
	"organisation_id" uuid NOT NULL,
	"day" date NOT NULL,
	"channel" "channel" NOT NULL,
	"bucket" smallint NOT NULL,
	"answered" integer NOT NULL,
	"promised" integer NOT NULL,
	"on_time" integer NOT NULL,
	"min_ms" bigint NOT NULL,
	"max_ms" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "response_time_counts" ADD CONSTRAINT "response_time_counts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "response_time_counts_key" ON "response_time_counts" USING btree ("organisation_id","day","channel","bucket");--> statement-breakpoint
CREATE INDEX "submissions_needing_answer_per_consultation" ON "submissions" USING btree ("consultation_id","channel","created_at","first_response_at","first_published_reply_at","response_due_at") WHERE "submissions"."erased_at" is null and ("submissions"."first_response_at" is not null or "submissions"."first_published_reply_at" is not null or "submissions"."review_state" in ('needs_answer', 'answered'));--> statement-breakpoint
CREATE INDEX "submissions_answer_times" ON "submissions" USING btree (podium_response_bucket(podium_response_ms("created_at", coalesce("first_response_at", "first_published_reply_at"))),"created_at","consultation_id","channel","first_response_at","first_published_reply_at") WHERE "submissions"."erased_at" is null and ("submissions"."first_response_at" is not null or "submissions"."first_published_reply_at" is not null);--> statement-breakpoint
CREATE INDEX "submissions_awaiting_answer" ON "submissions" USING btree ("created_at","consultation_id","channel","response_due_at") WHERE "submissions"."erased_at" is null and ("submissions"."first_response_at" is null and "submissions"."first_published_reply_at" is null and "submissions"."review_state" in ('needs_answer', 'answered'));--> statement-breakpoint
-- What one submission counts for in the roll-up, as `sign` (+1 arrived, −1 left): its key,
-- response time and whether it had a due moment and was answered by it; no row when it is not
-- counted (erased, or not answered). The one definition the fill and every trigger below use.
CREATE FUNCTION "podium_response_change"("s" "submissions", "change" int)
RETURNS TABLE ("consultation_id" uuid, "day" date, "channel" "channel", "ms" bigint, "promised" int, "on_time" int, "sign" int)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT s."consultation_id", (s."created_at" AT TIME ZONE 'Europe/Amsterdam')::date, s."channel",
    public.podium_response_ms(s."created_at", coalesce(s."first_response_at", s."first_published_reply_at")),
    (s."response_due_at" IS NOT NULL)::int,
    coalesce(public.podium_epoch_ms(coalesce(s."first_response_at", s."first_published_reply_at")) <= public.podium_epoch_ms(s."response_due_at"), false)::int,
    "change"
  WHERE s."erased_at" IS NULL AND (s."first_response_at" IS NOT NULL OR s."first_published_reply_at" IS NOT NULL)
$$;--> statement-breakpoint
-- Filled from the answered submissions, then kept by statement triggers that read the changed
-- rows, inserting changes only (as `count_submission_days`, migration 0056). The day is the
-- Amsterdam date of arrival, the time zone of the insights. Building the indexes and this fill
-- take a few minutes at ten million items and hold writes to submissions meanwhile (reads go
-- on: the one step that holds them, dropping the index this one replaces, comes last): upgrade
-- outside office hours there.
INSERT INTO "response_time_counts" ("organisation_id", "day", "channel", "bucket", "answered", "promised", "on_time", "min_ms", "max_ms")
    SELECT c."organisation_id", x."day", x."channel", podium_response_bucket(x."ms"),
      sum(x."sign"), sum(x."sign" * x."promised"), sum(x."sign" * x."on_time"), min(x."ms"), max(x."ms")
    FROM "submissions" s CROSS JOIN LATERAL podium_response_change(s, 1) x JOIN "consultations" c ON c."id" = x."consultation_id"
    GROUP BY 1, 2, 3, 4
    HAVING sum(x."sign") <> 0 OR sum(x."sign" * x."promised") <> 0 OR sum(x."sign" * x."on_time") <> 0
      OR min(x."ms") FILTER (WHERE x."sign" = 1) IS DISTINCT FROM min(x."ms") FILTER (WHERE x."sign" = -1)
      OR max(x."ms") FILTER (WHERE x."sign" = 1) IS DISTINCT FROM max(x."ms") FILTER (WHERE x."sign" = -1);--> statement-breakpoint
-- On an update only the rows whose counted columns changed count (most updates, a decision or
-- a version bump, change none, and then cost a join of the changed rows only). The bounds take
-- removed items' times too (they stay bounds of what is left), and a change that moves a time
-- within its bucket leaves a row of zero counts with the new bounds. Static statements per
-- event (an insert trigger has no old rows to name), so their plans are kept.
CREATE FUNCTION "count_response_times"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "response_time_counts" ("organisation_id", "day", "channel", "bucket", "answered", "promised", "on_time", "min_ms", "max_ms")
    SELECT c."organisation_id", x."day", x."channel", podium_response_bucket(x."ms"),
      sum(x."sign"), sum(x."sign" * x."promised"), sum(x."sign" * x."on_time"), min(x."ms"), max(x."ms")
    FROM new_rows s CROSS JOIN LATERAL podium_response_change(s, 1) x JOIN "consultations" c ON c."id" = x."consultation_id"
    GROUP BY 1, 2, 3, 4
    HAVING sum(x."sign") <> 0 OR sum(x."sign" * x."promised") <> 0 OR sum(x."sign" * x."on_time") <> 0
      OR min(x."ms") FILTER (WHERE x."sign" = 1) IS DISTINCT FROM min(x."ms") FILTER (WHERE x."sign" = -1)
      OR max(x."ms") FILTER (WHERE x."sign" = 1) IS DISTINCT FROM max(x."ms") FILTER (WHERE x."sign" = -1);
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "response_time_counts" ("organisation_id", "day", "channel", "bucket", "answered", "promised", "on_time", "min_ms", "max_ms")
    SELECT c."organisation_id", x."day", x."channel", podium_response_bucket(x."ms"),
      sum(x."sign"), sum(x."sign" * x."promised"), sum(x."sign" * x."on_time"), min(x."ms"), max(x."ms")
    FROM old_rows s CROSS JOIN LATERAL podium_response_change(s, -1) x JOIN "consultations" c ON c."id" = x."consultation_id"
    GROUP BY 1, 2, 3, 4
    HAVING sum(x."sign") <> 0 OR sum(x."sign" * x."promised") <> 0 OR sum(x."sign" * x."on_time") <> 0
      OR min(x."ms") FILTER (WHERE x."sign" = 1) IS DISTINCT FROM min(x."ms") FILTER (WHERE x."sign" = -1)
      OR max(x."ms") FILTER (WHERE x."sign" = 1) IS DISTINCT FROM max(x."ms") FILTER (WHERE x."sign" = -1);
  ELSE
    INSERT INTO "response_time_counts" ("organisation_id", "day", "channel", "bucket", "answered", "promised", "on_time", "min_ms", "max_ms")
    SELECT c."organisation_id", x."day", x."channel", podium_response_bucket(x."ms"),
      sum(x."sign"), sum(x."sign" * x."promised"), sum(x."sign" * x."on_time"), min(x."ms"), max(x."ms")
    FROM old_rows o JOIN new_rows n ON n."id" = o."id"
    CROSS JOIN LATERAL (SELECT * FROM podium_response_change(o, -1) UNION ALL SELECT * FROM podium_response_change(n, 1)) x
    JOIN "consultations" c ON c."id" = x."consultation_id"
    WHERE (o."consultation_id", o."created_at", o."channel", o."first_response_at", o."first_published_reply_at", o."response_due_at", o."erased_at")
      IS DISTINCT FROM (n."consultation_id", n."created_at", n."channel", n."first_response_at", n."first_published_reply_at", n."response_due_at", n."erased_at")
    GROUP BY 1, 2, 3, 4
    HAVING sum(x."sign") <> 0 OR sum(x."sign" * x."promised") <> 0 OR sum(x."sign" * x."on_time") <> 0
      OR min(x."ms") FILTER (WHERE x."sign" = 1) IS DISTINCT FROM min(x."ms") FILTER (WHERE x."sign" = -1)
      OR max(x."ms") FILTER (WHERE x."sign" = 1) IS DISTINCT FROM max(x."ms") FILTER (WHERE x."sign" = -1);
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "submissions_count_response_times_insert" AFTER INSERT ON "submissions" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "count_response_times"();--> statement-breakpoint
CREATE TRIGGER "submissions_count_response_times_update" AFTER UPDATE ON "submissions" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "count_response_times"();--> statement-breakpoint
CREATE TRIGGER "submissions_count_response_times_delete" AFTER DELETE ON "submissions" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "count_response_times"();--> statement-breakpoint
CREATE FUNCTION "clear_response_times"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "response_time_counts";
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "submissions_clear_response_times" AFTER TRUNCATE ON "submissions" FOR EACH STATEMENT EXECUTE FUNCTION "clear_response_times"();--> statement-breakpoint
-- A consultation moved to another organisation (no screen does it; a data fix or a merger
-- of municipalities might) takes the counts of its answered input along.
CREATE FUNCTION "move_response_times"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "response_time_counts" ("organisation_id", "day", "channel", "bucket", "answered", "promised", "on_time", "min_ms", "max_ms")
    SELECT m."organisation_id", x."day", x."channel", podium_response_bucket(x."ms"),
      sum(x."sign"), sum(x."sign" * x."promised"), sum(x."sign" * x."on_time"), min(x."ms"), max(x."ms")
    FROM "submissions" s CROSS JOIN (VALUES (OLD."organisation_id", -1), (NEW."organisation_id", 1)) AS m("organisation_id", "sign")
      CROSS JOIN LATERAL podium_response_change(s, m."sign") x
    WHERE s."consultation_id" = NEW."id"
    GROUP BY 1, 2, 3, 4
    HAVING sum(x."sign") <> 0 OR sum(x."sign" * x."promised") <> 0 OR sum(x."sign" * x."on_time") <> 0
      OR min(x."ms") FILTER (WHERE x."sign" = 1) IS DISTINCT FROM min(x."ms") FILTER (WHERE x."sign" = -1)
      OR max(x."ms") FILTER (WHERE x."sign" = 1) IS DISTINCT FROM max(x."ms") FILTER (WHERE x."sign" = -1);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "consultations_move_response_times" AFTER UPDATE OF "organisation_id" ON "consultations" FOR EACH ROW
  WHEN (OLD."organisation_id" IS DISTINCT FROM NEW."organisation_id") EXECUTE FUNCTION "move_response_times"();--> statement-breakpoint
-- Last, so that reads of submissions wait only for the end of the migration, not for the
-- index builds and the fill above (dropping an index holds every use of its table).
DROP INDEX "submissions_needing_answer";
