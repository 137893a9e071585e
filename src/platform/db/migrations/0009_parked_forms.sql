-- Parked forms (SYS-5, RES-11; issue 16 item 2): a form sent after its session expired, kept sealed (AES-256-GCM
-- under DATA_KEY) for the same account and path until it signs in again, at most 24 hours (platform/http/parked-form.ts).
CREATE TABLE "parked_forms" (
	"principal_kind" text NOT NULL,
	"principal_id" uuid NOT NULL,
	"path" text NOT NULL,
	"payload" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "parked_forms_principal_kind_principal_id_path_pk" PRIMARY KEY("principal_kind","principal_id","path")
);
--> statement-breakpoint
CREATE INDEX "parked_forms_expires_idx" ON "parked_forms" USING btree ("expires_at");
