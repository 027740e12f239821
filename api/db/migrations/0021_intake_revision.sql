CREATE TABLE "intake_revision" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL
);
--> statement-breakpoint
-- Hand-written (drizzle-kit does not write triggers): the one row, and the triggers that
-- bump it on every statement that changes what taking in input depends on.
INSERT INTO "intake_revision" ("id", "version") VALUES (1, 1) ON CONFLICT DO NOTHING;--> statement-breakpoint
CREATE FUNCTION "bump_intake_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "intake_revision" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "consultations_bump_intake_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "consultations" FOR EACH STATEMENT EXECUTE FUNCTION "bump_intake_revision"();--> statement-breakpoint
CREATE TRIGGER "questions_bump_intake_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "questions" FOR EACH STATEMENT EXECUTE FUNCTION "bump_intake_revision"();--> statement-breakpoint
CREATE TRIGGER "organisations_bump_intake_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "organisations" FOR EACH STATEMENT EXECUTE FUNCTION "bump_intake_revision"();--> statement-breakpoint
CREATE TRIGGER "channel_guidelines_bump_intake_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "channel_guidelines" FOR EACH STATEMENT EXECUTE FUNCTION "bump_intake_revision"();--> statement-breakpoint
CREATE TRIGGER "routing_rules_bump_intake_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "routing_rules" FOR EACH STATEMENT EXECUTE FUNCTION "bump_intake_revision"();--> statement-breakpoint
CREATE TRIGGER "sentiment_models_bump_intake_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "sentiment_models" FOR EACH STATEMENT EXECUTE FUNCTION "bump_intake_revision"();
