CREATE TABLE "login_throttles" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"last_failure_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_login_addresses" (
	"staff_user_id" uuid NOT NULL,
	"address_hash" text NOT NULL,
	"last_login_at" timestamp with time zone NOT NULL,
	CONSTRAINT "staff_login_addresses_staff_user_id_address_hash_pk" PRIMARY KEY("staff_user_id","address_hash")
);
--> statement-breakpoint
ALTER TABLE "staff_login_addresses" ADD CONSTRAINT "staff_login_addresses_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_users" DROP COLUMN "failed_logins";--> statement-breakpoint
ALTER TABLE "staff_users" DROP COLUMN "last_failed_login_at";--> statement-breakpoint
ALTER TABLE "staff_users" DROP COLUMN "locked_until";