CREATE TABLE "social_media_descriptions" (
	"post_id" uuid NOT NULL,
	"media_url" text NOT NULL,
	"text" text NOT NULL,
	"language" "locale" NOT NULL,
	"staff_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "social_media_descriptions_post_id_media_url_pk" PRIMARY KEY("post_id","media_url")
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "social_auto_publish" text DEFAULT 'own' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "social_author_display" text DEFAULT 'pseudonym' NOT NULL;--> statement-breakpoint
ALTER TABLE "social_posts" ADD COLUMN "review_state" "review_state" DEFAULT 'new' NOT NULL;--> statement-breakpoint
ALTER TABLE "social_posts" ADD COLUMN "screening" jsonb;--> statement-breakpoint
ALTER TABLE "social_posts" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "social_posts" ADD COLUMN "moderation_rule" text;--> statement-breakpoint
ALTER TABLE "social_media_descriptions" ADD CONSTRAINT "social_media_descriptions_post_id_social_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."social_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_media_descriptions" ADD CONSTRAINT "social_media_descriptions_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "social_posts_review_state" ON "social_posts" USING btree ("review_state","created_at");