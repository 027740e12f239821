-- An erased item says so: `erased` joins the resident-facing status and the staff review state.
-- The types are made anew rather than extended with ADD VALUE, because a value added that way
-- cannot be used before its transaction commits, and the migrator runs in one transaction:
-- the tombstones of earlier erasures get their new status right here.
ALTER TYPE "public"."submission_status" RENAME TO "submission_status_before_erased";--> statement-breakpoint
CREATE TYPE "public"."submission_status" AS ENUM('received', 'in_moderation', 'published', 'rejected', 'answered', 'erased');--> statement-breakpoint
ALTER TABLE "submissions" ALTER COLUMN "status" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "submissions" ALTER COLUMN "status" TYPE "public"."submission_status" USING "status"::text::"public"."submission_status";--> statement-breakpoint
ALTER TABLE "submissions" ALTER COLUMN "status" SET DEFAULT 'received';--> statement-breakpoint
DROP TYPE "public"."submission_status_before_erased";--> statement-breakpoint
ALTER TYPE "public"."review_state" RENAME TO "review_state_before_erased";--> statement-breakpoint
CREATE TYPE "public"."review_state" AS ENUM('new', 'in_review', 'published', 'rejected', 'needs_answer', 'answered', 'escalated', 'erased');--> statement-breakpoint
ALTER TABLE "submissions" ALTER COLUMN "review_state" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "submissions" ALTER COLUMN "review_state" TYPE "public"."review_state" USING "review_state"::text::"public"."review_state";--> statement-breakpoint
ALTER TABLE "submissions" ALTER COLUMN "review_state" SET DEFAULT 'new';--> statement-breakpoint
ALTER TABLE "social_posts" ALTER COLUMN "review_state" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "social_posts" ALTER COLUMN "review_state" TYPE "public"."review_state" USING "review_state"::text::"public"."review_state";--> statement-breakpoint
ALTER TABLE "social_posts" ALTER COLUMN "review_state" SET DEFAULT 'new';--> statement-breakpoint
DROP TYPE "public"."review_state_before_erased";--> statement-breakpoint
UPDATE "submissions" SET "status" = 'erased', "review_state" = 'erased' WHERE "erased_at" IS NOT NULL;
--> statement-breakpoint
-- An erasure may take words out of an audit entry (a moderator's note on the erased input)
-- and nothing else: the same entry, whose details hold no more than before. Only when the
-- erasing transaction says so (podium.audit_erasure), as the purge does for deletes.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('podium.audit_retention', true) = 'on' THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND current_setting('podium.audit_erasure', true) = 'on'
    AND (NEW.id, NEW.organisation_id, NEW.at, NEW.actor_type, NEW.actor_id, NEW.action, NEW.subject_type, NEW.subject_id)
      IS NOT DISTINCT FROM (OLD.id, OLD.organisation_id, OLD.at, OLD.actor_type, OLD.actor_id, OLD.action, OLD.subject_type, OLD.subject_id)
    AND OLD.details @> NEW.details THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = '42501';
END;
$$;
