CREATE TABLE "announcement_copies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"announcement_id" uuid NOT NULL,
	"platform" "social_platform" NOT NULL,
	"url" text NOT NULL,
	"external_id" text NOT NULL,
	"thread_id" uuid,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "announcement_copies" ADD CONSTRAINT "announcement_copies_announcement_id_announcements_id_fk" FOREIGN KEY ("announcement_id") REFERENCES "public"."announcements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcement_copies" ADD CONSTRAINT "announcement_copies_thread_id_social_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."social_threads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcement_copies" ADD CONSTRAINT "announcement_copies_recorded_by_staff_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "announcement_copies_platform" ON "announcement_copies" USING btree ("announcement_id","platform");--> statement-breakpoint
CREATE UNIQUE INDEX "announcement_copies_post" ON "announcement_copies" USING btree ("platform","external_id");