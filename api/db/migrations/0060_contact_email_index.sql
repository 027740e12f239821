DROP INDEX "submission_contacts_email_consent";--> statement-breakpoint
CREATE INDEX "submission_contacts_email" ON "submission_contacts" USING btree (lower("email"));