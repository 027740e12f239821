CREATE TABLE "sentiment_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"language" text NOT NULL,
	"text" text NOT NULL,
	"predicted" text NOT NULL,
	"predicted_method" text NOT NULL,
	"label" text NOT NULL,
	"staff_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sentiment_models" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"model" jsonb NOT NULL,
	"corrections" integer NOT NULL,
	"trained_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "social_posts" ADD COLUMN "sentiment" jsonb;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "sentiment" jsonb;--> statement-breakpoint
ALTER TABLE "sentiment_corrections" ADD CONSTRAINT "sentiment_corrections_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sentiment_corrections" ADD CONSTRAINT "sentiment_corrections_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sentiment_models" ADD CONSTRAINT "sentiment_models_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sentiment_corrections_subject" ON "sentiment_corrections" USING btree ("subject_type","subject_id");