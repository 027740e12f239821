ALTER TABLE "announcement_postings" ADD COLUMN "bluesky_rkey" text;--> statement-breakpoint
ALTER TABLE "social_postings" ADD COLUMN "bluesky_rkey" text;