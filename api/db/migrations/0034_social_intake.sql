CREATE TABLE "social_account_intake" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"cursor" text,
	"next_poll_at" timestamp with time zone NOT NULL,
	"last_polled_at" timestamp with time zone,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"attention_since" timestamp with time zone,
	"session_sealed" text
);
--> statement-breakpoint
ALTER TABLE "social_account_intake" ADD CONSTRAINT "social_account_intake_account_id_social_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."social_accounts"("id") ON DELETE cascade ON UPDATE no action;