CREATE TABLE "item_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"submission_id" uuid,
	"social_post_id" uuid,
	"author_staff_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "item_notes_one_item" CHECK (num_nonnulls("item_notes"."submission_id", "item_notes"."social_post_id") = 1)
);
--> statement-breakpoint
ALTER TABLE "item_notes" ADD CONSTRAINT "item_notes_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_notes" ADD CONSTRAINT "item_notes_social_post_id_social_posts_id_fk" FOREIGN KEY ("social_post_id") REFERENCES "public"."social_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_notes" ADD CONSTRAINT "item_notes_author_staff_id_staff_users_id_fk" FOREIGN KEY ("author_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "item_notes_submission" ON "item_notes" USING btree ("submission_id","created_at");--> statement-breakpoint
CREATE INDEX "item_notes_social_post" ON "item_notes" USING btree ("social_post_id","created_at");--> statement-breakpoint
-- Hand-written: notes written before this migration lie in audit entries' details. They move
-- to item_notes (author and time from the entry) when their item still exists, and leave the
-- audit entry, which keeps that something was noted (0014 lets words go, and nothing else).
INSERT INTO "item_notes" ("submission_id", "social_post_id", "author_staff_id", "body", "created_at")
SELECT s."id", p."id", u."id", a."details"->>'note', a."at"
FROM "audit_log" a
LEFT JOIN "submissions" s ON a."subject_type" = 'submission' AND s."id"::text = a."subject_id" AND s."erased_at" IS NULL
LEFT JOIN "social_posts" p ON a."subject_type" = 'social_post' AND p."id"::text = a."subject_id"
LEFT JOIN "staff_users" u ON u."id" = a."actor_id"
WHERE jsonb_typeof(a."details"->'note') = 'string' AND length(a."details"->>'note') > 0
  AND num_nonnulls(s."id", p."id") = 1
ORDER BY a."at", a."id";--> statement-breakpoint
SELECT set_config('podium.audit_erasure', 'on', true);--> statement-breakpoint
UPDATE "audit_log" SET "details" = "details" - 'note' WHERE "details" ? 'note';--> statement-breakpoint
SELECT set_config('podium.audit_erasure', 'off', true);
