CREATE INDEX "outbox_created_idx" ON "outbox_messages" USING btree ("created_at","state");--> statement-breakpoint
CREATE INDEX "applications_applied_idx" ON "applications" USING btree ("applied_at","resume_file_state");--> statement-breakpoint
CREATE INDEX "applications_vacancy_applied_idx" ON "applications" USING btree ("vacancy_id","applied_at");