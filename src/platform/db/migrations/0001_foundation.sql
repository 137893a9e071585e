CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" text,
	"action" text NOT NULL,
	"subject_kind" text,
	"subject_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ip" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "file_objects" (
	"key" text PRIMARY KEY NOT NULL,
	"size" integer NOT NULL,
	"content_type" text NOT NULL,
	"sha256" text NOT NULL,
	"original_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text,
	"headers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"message_id" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"principal_kind" text,
	"principal_id" uuid,
	"method" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ip" text,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_counters" (
	"day" text PRIMARY KEY NOT NULL,
	"visits" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agencies" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"parent_code" text,
	"active" boolean DEFAULT true NOT NULL,
	"code_known" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applicant_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"status" text DEFAULT 'pending_activation' NOT NULL,
	"failed_login_count" integer DEFAULT 0 NOT NULL,
	"password_history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"activated_at" timestamp with time zone,
	"voided_at" timestamp with time zone,
	"is_demo" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "verification_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"purpose" text NOT NULL,
	"subject_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"voided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certificate_bindings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_user_id" uuid NOT NULL,
	"issuer" text NOT NULL,
	"serial" text NOT NULL,
	"kind" text NOT NULL,
	"first_bound_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "staff_users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account" text NOT NULL,
	"password_hash" text,
	"national_id_hash" text,
	"national_id_last4" text,
	"name" text NOT NULL,
	"email" text,
	"agency_code" text NOT NULL,
	"roles" jsonb DEFAULT '["agency_hr"]'::jsonb NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"failed_login_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vacancies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"work_id" text NOT NULL,
	"org_id" text,
	"org_name" text NOT NULL,
	"filler_name" text,
	"filler_email" text,
	"filler_phone" text,
	"org_address" text,
	"person_kind" text NOT NULL,
	"person_kind_code" text,
	"title" text NOT NULL,
	"rank_text" text DEFAULT '' NOT NULL,
	"grade_min" integer,
	"grade_max" integer,
	"sysnam_text" text DEFAULT '' NOT NULL,
	"sysnam_code" text,
	"number_of_text" text DEFAULT '' NOT NULL,
	"headcount" integer,
	"reserve_num" text,
	"gender_type" text DEFAULT '' NOT NULL,
	"gender" text DEFAULT 'any' NOT NULL,
	"work_place_text" text DEFAULT '' NOT NULL,
	"work_places" text[] DEFAULT '{}'::text[] NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"is_handicap" boolean DEFAULT false NOT NULL,
	"is_original" boolean DEFAULT false NOT NULL,
	"is_local_original" boolean DEFAULT false NOT NULL,
	"is_traning" boolean DEFAULT false NOT NULL,
	"is_transfer" boolean,
	"type_text" text DEFAULT '' NOT NULL,
	"rank_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"vitae_email" text DEFAULT '' NOT NULL,
	"resumes_by_email" boolean DEFAULT false NOT NULL,
	"work_quality" text DEFAULT '' NOT NULL,
	"work_item" text DEFAULT '' NOT NULL,
	"work_address" text DEFAULT '' NOT NULL,
	"contact_method" text DEFAULT '' NOT NULL,
	"url_link" text DEFAULT '' NOT NULL,
	"view_url" text DEFAULT '' NOT NULL,
	"work_type" text,
	"access_mode" text NOT NULL,
	"civil_service_sections" jsonb,
	"review_status" text DEFAULT 'approved' NOT NULL,
	"review_reason" text,
	"deleted_at" timestamp with time zone,
	"deleted_reason" text,
	"source" text NOT NULL,
	"announce_date" date,
	"posted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_text" text GENERATED ALWAYS AS (lower(coalesce(title, '') || ' ' || coalesce(org_name, '') || ' ' || coalesce(work_quality, '') || ' ' || coalesce(work_item, ''))) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vacancy_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vacancy_id" uuid NOT NULL,
	"file_key" text NOT NULL,
	"original_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_id_serials" (
	"yyymm" text PRIMARY KEY NOT NULL,
	"last" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "certificate_bindings" ADD CONSTRAINT "certificate_bindings_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_attachments" ADD CONSTRAINT "vacancy_attachments_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_subject_idx" ON "audit_events" USING btree ("subject_kind","subject_id");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_kind","actor_id");--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox_messages" USING btree ("state","next_attempt_at");--> statement-breakpoint
CREATE INDEX "outbox_to_idx" ON "outbox_messages" USING btree ("to");--> statement-breakpoint
CREATE INDEX "sessions_last_seen_idx" ON "sessions" USING btree ("last_seen_at");--> statement-breakpoint
CREATE INDEX "sessions_principal_idx" ON "sessions" USING btree ("principal_kind","principal_id");--> statement-breakpoint
CREATE INDEX "agencies_name_idx" ON "agencies" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "applicant_accounts_email_live_uq" ON "applicant_accounts" USING btree ("email") WHERE status <> 'voided';--> statement-breakpoint
CREATE UNIQUE INDEX "verification_tokens_hash_uq" ON "verification_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "verification_tokens_subject_idx" ON "verification_tokens" USING btree ("purpose","subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "certificate_bindings_cert_uq" ON "certificate_bindings" USING btree ("issuer","serial");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_users_account_uq" ON "staff_users" USING btree ("account");--> statement-breakpoint
CREATE INDEX "staff_users_agency_idx" ON "staff_users" USING btree ("agency_code");--> statement-breakpoint
CREATE UNIQUE INDEX "vacancies_work_id_uq" ON "vacancies" USING btree ("work_id");--> statement-breakpoint
CREATE INDEX "vacancies_valid_idx" ON "vacancies" USING btree ("valid_to","valid_from");--> statement-breakpoint
CREATE INDEX "vacancies_posted_idx" ON "vacancies" USING btree ("posted_at");--> statement-breakpoint
CREATE INDEX "vacancies_org_idx" ON "vacancies" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "vacancies_work_places_idx" ON "vacancies" USING gin ("work_places");--> statement-breakpoint
CREATE INDEX "vacancies_search_trgm_idx" ON "vacancies" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "vacancies_search_bigram_idx" ON "vacancies" USING gin (bigrams("search_text"));--> statement-breakpoint
CREATE INDEX "vacancy_attachments_vacancy_idx" ON "vacancy_attachments" USING btree ("vacancy_id");