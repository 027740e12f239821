ALTER TABLE "channel_guidelines" ADD COLUMN "response_hours" integer;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "office_hours" jsonb;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "holiday_rules" jsonb;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "closed_days" text[] DEFAULT ARRAY[]::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "time_zone" text DEFAULT 'Europe/Amsterdam' NOT NULL;--> statement-breakpoint
ALTER TABLE "social_posts" ADD COLUMN "response_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "social_posts" ADD COLUMN "resolved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "response_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "first_response_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "resolved_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "social_posts_due_id" ON "social_posts" USING btree ("response_due_at","id");--> statement-breakpoint
CREATE INDEX "submissions_due_id" ON "submissions" USING btree ("response_due_at","id");