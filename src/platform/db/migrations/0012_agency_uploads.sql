-- 職缺相關附件 on the 機關徵才登錄 form (AGY-2): files chosen on the form are checked and staged here (bytes in the
-- storage port) until 送出, so that the page can come back with errors without losing them; 送出 moves them to
-- vacancy_attachments (same file key). Staged rows belong to the staff member who uploaded them; the hourly
-- maintenance purges rows older than a day.
CREATE TABLE "agency_staged_uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_id" uuid NOT NULL,
	"file_key" text NOT NULL,
	"original_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "agency_staged_uploads_staff_idx" ON "agency_staged_uploads" USING btree ("staff_id");
