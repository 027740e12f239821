ALTER TABLE "social_posts" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX "social_posts_created_id" ON "social_posts" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "social_posts_text_nl" ON "social_posts" USING gin (to_tsvector('dutch', "content_text"));--> statement-breakpoint
CREATE INDEX "social_posts_text_en" ON "social_posts" USING gin (to_tsvector('english', "content_text"));--> statement-breakpoint
CREATE INDEX "submission_answers_text_nl" ON "submission_answers" USING gin (to_tsvector('dutch', "value" #>> '{}'));--> statement-breakpoint
CREATE INDEX "submission_answers_text_en" ON "submission_answers" USING gin (to_tsvector('english', "value" #>> '{}'));--> statement-breakpoint
CREATE INDEX "submissions_created_id" ON "submissions" USING btree ("created_at","id");