-- Back office (issue 14, ADM-1, SYS-2).
-- 下架 (take down, ADM-1): the back office takes a published vacancy off the public site with a reason the agency
-- sees. Kept apart from the agency's own 刪除 (deleted_at) and from review_status, so that the agency's later
-- edits (which re-run the automatic check) never put a taken-down vacancy back online.
ALTER TABLE "vacancies" ADD COLUMN "taken_down_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "taken_down_reason" text;--> statement-breakpoint
-- The back office's search by review state and the review queue.
CREATE INDEX "vacancies_review_idx" ON "vacancies" USING btree ("review_status","posted_at");--> statement-breakpoint
-- The audit log is append-only (SYS-2, ADM-3): the database refuses every UPDATE, DELETE and TRUNCATE of it,
-- whatever code runs them.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
