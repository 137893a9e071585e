CREATE TABLE "resume_batch_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trigger" text NOT NULL,
	"vacancy_id" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"produced" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "applications" ALTER COLUMN "applicant_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "staff_user_id" uuid;--> statement-breakpoint
ALTER TABLE "resume_batch_runs" ADD CONSTRAINT "resume_batch_runs_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "resume_batch_runs_started_idx" ON "resume_batch_runs" USING btree ("started_at");--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "applications_staff_active_uq" ON "applications" USING btree ("vacancy_id","staff_user_id") WHERE "status" = 'active' AND "staff_user_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "applications_staff_idx" ON "applications" USING btree ("staff_user_id","applied_at");--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_one_applicant_ck" CHECK (("applicant_id" IS NULL) <> ("staff_user_id" IS NULL));