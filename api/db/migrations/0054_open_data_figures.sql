CREATE TABLE "open_data_figures" (
	"key" text PRIMARY KEY NOT NULL,
	"fingerprint" text NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"build_ms" double precision NOT NULL,
	"figures" jsonb NOT NULL
);
