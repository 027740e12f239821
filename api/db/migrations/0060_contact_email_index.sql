DROP INDEX IF EXISTS "submission_contacts_email_consent";--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "submission_contacts_email" ON "submission_contacts" USING btree (lower("email"));