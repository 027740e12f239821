ALTER TABLE "social_posts" ALTER COLUMN "reply_count" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "social_posts" ALTER COLUMN "reply_count" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "social_posts" ALTER COLUMN "like_count" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "social_posts" ALTER COLUMN "like_count" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "social_posts" ALTER COLUMN "repost_count" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "social_posts" ALTER COLUMN "repost_count" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "social_authors" ADD COLUMN "url" text;--> statement-breakpoint
ALTER TABLE "social_authors" ADD COLUMN "is_own_account" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "social_posts" ADD COLUMN "url" text;--> statement-breakpoint
ALTER TABLE "social_posts" ADD COLUMN "position" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "social_posts" ADD COLUMN "depth" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "social_posts" ADD COLUMN "placeholder" text;--> statement-breakpoint
ALTER TABLE "social_posts" ADD COLUMN "labels" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "social_posts" ADD COLUMN "quote_count" integer;--> statement-breakpoint
ALTER TABLE "social_posts" ADD COLUMN "content_hash" text;--> statement-breakpoint
ALTER TABLE "social_threads" ADD COLUMN "next_sync_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "social_threads" ADD COLUMN "sync_interval_minutes" integer DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE "social_threads" ADD COLUMN "sync_failures" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "social_threads" ADD COLUMN "last_sync_error" text;--> statement-breakpoint
ALTER TABLE "social_threads" ADD COLUMN "removed_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "social_posts_thread_position" ON "social_posts" USING btree ("thread_id","position");--> statement-breakpoint
CREATE INDEX "social_threads_next_sync" ON "social_threads" USING btree ("next_sync_at");