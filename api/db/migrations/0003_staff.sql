CREATE TYPE "public"."review_state" AS ENUM('new', 'in_review', 'published', 'rejected', 'needs_answer', 'answered', 'escalated');--> statement-breakpoint
CREATE TABLE "channel_guidelines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"key" text NOT NULL,
	"channel" "channel" NOT NULL,
	"platform" "social_platform",
	"name" jsonb NOT NULL,
	"response_days" integer NOT NULL,
	"replies_allowed" boolean DEFAULT true NOT NULL,
	"moderated_by_department_id" uuid,
	"posting_hours" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"house_rules" text[] DEFAULT ARRAY[]::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "submission_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"submission_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"handled_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "report_threshold" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_sessions" ADD COLUMN "csrf_token" text NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "last_failed_login_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "review_state" "review_state" DEFAULT 'new' NOT NULL;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "screening" jsonb;--> statement-breakpoint
ALTER TABLE "channel_guidelines" ADD CONSTRAINT "channel_guidelines_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_guidelines" ADD CONSTRAINT "channel_guidelines_moderated_by_department_id_departments_id_fk" FOREIGN KEY ("moderated_by_department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_reports" ADD CONSTRAINT "submission_reports_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "channel_guidelines_organisation_key" ON "channel_guidelines" USING btree ("organisation_id","key");--> statement-breakpoint
CREATE INDEX "submission_reports_submission" ON "submission_reports" USING btree ("submission_id","handled_at");--> statement-breakpoint
CREATE INDEX "submissions_review_state" ON "submissions" USING btree ("review_state","created_at");--> statement-breakpoint
-- Input stored before the workflow states existed: carry the public status over.
UPDATE "submissions" SET "review_state" = (CASE "status" WHEN 'published' THEN 'published' WHEN 'rejected' THEN 'rejected' WHEN 'answered' THEN 'answered' ELSE 'new' END)::"review_state";
