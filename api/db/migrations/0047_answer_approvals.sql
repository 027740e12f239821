CREATE TYPE "public"."answer_approval_state" AS ENUM('awaiting', 'approved', 'returned');--> statement-breakpoint
CREATE TABLE "answer_approvals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"social_post_id" uuid NOT NULL,
	"language" "locale" NOT NULL,
	"body" text NOT NULL,
	"written_by" uuid,
	"written_at" timestamp with time zone NOT NULL,
	"state" "answer_approval_state" DEFAULT 'awaiting' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"return_note" text,
	"staff_reply_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "channel_guidelines" ADD COLUMN "answers_need_approval" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "answer_approvals" ADD CONSTRAINT "answer_approvals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_approvals" ADD CONSTRAINT "answer_approvals_social_post_id_social_posts_id_fk" FOREIGN KEY ("social_post_id") REFERENCES "public"."social_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_approvals" ADD CONSTRAINT "answer_approvals_written_by_staff_users_id_fk" FOREIGN KEY ("written_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_approvals" ADD CONSTRAINT "answer_approvals_decided_by_staff_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_approvals" ADD CONSTRAINT "answer_approvals_staff_reply_id_staff_replies_id_fk" FOREIGN KEY ("staff_reply_id") REFERENCES "public"."staff_replies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "answer_approvals_post" ON "answer_approvals" USING btree ("social_post_id","written_at");--> statement-breakpoint
CREATE UNIQUE INDEX "answer_approvals_one_awaiting" ON "answer_approvals" USING btree ("social_post_id") WHERE "answer_approvals"."state" = 'awaiting';