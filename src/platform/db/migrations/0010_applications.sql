-- Applications (應徵, APP-1..APP-7, GEN-1): one row per applicant per job, with the frozen resume (resume_snapshot),
-- copies of its photo/attachment in storage, the consent version and time, and the state of the resume PDF the
-- agency receives (pending → producing → ready | failed).
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vacancy_id" uuid NOT NULL REFERENCES "vacancies"("id"),
	"applicant_id" uuid NOT NULL REFERENCES "applicant_accounts"("id"),
	"applied_at" timestamp with time zone NOT NULL,
	"consent_version" text NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"resume_snapshot" jsonb NOT NULL,
	"attach_files" boolean DEFAULT false NOT NULL,
	"photo_key" text,
	"attachment_key" text,
	"attachment_name" text,
	"attachment_type" text,
	"attachment_size" integer,
	"resume_file_state" text DEFAULT 'pending' NOT NULL,
	"resume_file_key" text,
	"resume_file_attempts" integer DEFAULT 0 NOT NULL,
	"resume_file_last_error" text,
	"resume_file_started_at" timestamp with time zone,
	"resume_file_ready_at" timestamp with time zone,
	"viewed_at" timestamp with time zone,
	"status" text DEFAULT 'active' NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_status_ck" CHECK ("status" IN ('active', 'cancelled')),
	CONSTRAINT "applications_file_state_ck" CHECK ("resume_file_state" IN ('pending', 'producing', 'ready', 'failed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "applications_active_uq" ON "applications" USING btree ("vacancy_id","applicant_id") WHERE "status" = 'active';
--> statement-breakpoint
CREATE INDEX "applications_applicant_idx" ON "applications" USING btree ("applicant_id","applied_at");
--> statement-breakpoint
CREATE INDEX "applications_vacancy_idx" ON "applications" USING btree ("vacancy_id");
--> statement-breakpoint
CREATE INDEX "applications_file_state_idx" ON "applications" USING btree ("resume_file_state") WHERE "resume_file_state" IN ('pending', 'producing', 'failed');
