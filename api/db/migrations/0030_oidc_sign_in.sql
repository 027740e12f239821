CREATE TABLE "oidc_sign_ins" (
	"id" text PRIMARY KEY NOT NULL,
	"state" text NOT NULL,
	"nonce" text NOT NULL,
	"code_verifier" text NOT NULL,
	"lang" "locale" NOT NULL,
	"next" text,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sso_role_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"claim_value" text NOT NULL,
	"role" "staff_role" NOT NULL,
	"department_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "sso_mapping_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_sessions" ADD COLUMN "via_oidc" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "oidc_issuer" text;--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "oidc_subject" text;--> statement-breakpoint
ALTER TABLE "sso_role_mappings" ADD CONSTRAINT "sso_role_mappings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sso_role_mappings" ADD CONSTRAINT "sso_role_mappings_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sso_role_mappings_organisation" ON "sso_role_mappings" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sso_role_mappings_unique" ON "sso_role_mappings" USING btree ("organisation_id","claim_value","role","department_id");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_users_oidc_subject" ON "staff_users" USING btree ("oidc_issuer","oidc_subject");