CREATE TABLE "page_visits" (
	"day" date NOT NULL,
	"path" text NOT NULL,
	"kind" text NOT NULL,
	"visits" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "page_visits_day_path_pk" PRIMARY KEY("day","path")
);
--> statement-breakpoint
CREATE TABLE "social_post_metrics" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"post_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"replies" integer,
	"likes" integer,
	"reposts" integer,
	"quotes" integer
);
--> statement-breakpoint
CREATE TABLE "widget_views" (
	"day" date NOT NULL,
	"origin" text NOT NULL,
	"widget" text NOT NULL,
	"subject" text NOT NULL,
	"views" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "widget_views_day_origin_widget_subject_pk" PRIMARY KEY("day","origin","widget","subject")
);
--> statement-breakpoint
ALTER TABLE "social_post_metrics" ADD CONSTRAINT "social_post_metrics_post_id_social_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."social_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "social_post_metrics_post_at" ON "social_post_metrics" USING btree ("post_id","at");--> statement-breakpoint
-- Hand-written (not generated): the first snapshot of every mirrored post's counts as they
-- stand, at the thread's last sync, so the series over time has a starting point.
INSERT INTO "social_post_metrics" ("post_id", "at", "replies", "likes", "reposts", "quotes")
SELECT p."id", coalesce(t."last_synced_at", p."created_at"), p."reply_count", p."like_count", p."repost_count", p."quote_count"
FROM "social_posts" p JOIN "social_threads" t ON t."id" = p."thread_id"
WHERE p."deleted_at" IS NULL AND p."placeholder" IS NULL
  AND num_nonnulls(p."reply_count", p."like_count", p."repost_count", p."quote_count") > 0;