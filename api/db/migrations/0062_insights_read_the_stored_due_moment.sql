-- The insights' response times compare the first answer with the stored due moment
-- (response_due_at), read from this index alone. Rebuilding it takes a while on a large
-- database (about a third of all input needs an answer) and holds writes to submissions
-- meanwhile: upgrade outside office hours at ten million items.
DROP INDEX "submissions_needing_answer";--> statement-breakpoint
CREATE INDEX "submissions_needing_answer" ON "submissions" USING btree ("created_at","consultation_id","channel","first_response_at","first_published_reply_at","response_due_at") WHERE "submissions"."erased_at" is null and ("submissions"."first_response_at" is not null or "submissions"."first_published_reply_at" is not null or "submissions"."review_state" in ('needs_answer', 'answered'));