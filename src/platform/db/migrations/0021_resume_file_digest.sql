-- GEN-1 (issue 11): an applicant's applications whose resume PDF would be the same (same frozen resume, attachment
-- name and photo: resume_file_digest) share one file: the first is produced, the others are ready at once or with
-- it. A shared file is deleted with the last application that refers to it, found by resume_file_key.
ALTER TABLE "applications" ADD COLUMN "resume_file_digest" text;--> statement-breakpoint
CREATE INDEX "applications_resume_file_key_idx" ON "applications" USING btree ("resume_file_key") WHERE "resume_file_key" IS NOT NULL;