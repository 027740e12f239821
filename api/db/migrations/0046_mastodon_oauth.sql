CREATE TABLE "mastodon_apps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"instance_url" text NOT NULL,
	"redirect_uri" text NOT NULL,
	"scopes" text NOT NULL,
	"credentials_sealed" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mastodon_authorizations" (
	"id" text PRIMARY KEY NOT NULL,
	"app_id" uuid NOT NULL,
	"staff_session_id" text NOT NULL,
	"code_verifier_sealed" text NOT NULL,
	"lang" "locale" NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "social_accounts" ADD COLUMN "mastodon_app_id" uuid;--> statement-breakpoint
ALTER TABLE "mastodon_apps" ADD CONSTRAINT "mastodon_apps_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mastodon_authorizations" ADD CONSTRAINT "mastodon_authorizations_app_id_mastodon_apps_id_fk" FOREIGN KEY ("app_id") REFERENCES "public"."mastodon_apps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mastodon_authorizations" ADD CONSTRAINT "mastodon_authorizations_staff_session_id_staff_sessions_id_fk" FOREIGN KEY ("staff_session_id") REFERENCES "public"."staff_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mastodon_apps_registration" ON "mastodon_apps" USING btree ("organisation_id","instance_url","redirect_uri","scopes");--> statement-breakpoint
ALTER TABLE "social_accounts" ADD CONSTRAINT "social_accounts_mastodon_app_id_mastodon_apps_id_fk" FOREIGN KEY ("mastodon_app_id") REFERENCES "public"."mastodon_apps"("id") ON DELETE set null ON UPDATE no action;