-- The public job page of a visitor without a session is kept while the vacancies are unchanged (issue 15:
-- platform/http/page-cache.ts, keyed on the search's epoch, which moves with vacancy_search_version). The page
-- also lists the job's attachments, so every statement that changes `vacancy_attachments` moves the same
-- version and logs the vacancies it touched, exactly as migration 0008 does for `vacancies` (the search index
-- reloads those rows: harmless). Today attachments change only inside the save of their vacancy, which moves the
-- version anyway; this keeps it true for any other writer, plain SQL included.
CREATE FUNCTION vacancy_attachments_touch() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NOT EXISTS (SELECT 1 FROM new_rows) THEN RETURN NULL; END IF;
    UPDATE vacancy_search_version SET version = version + 1 WHERE id RETURNING version INTO v;
    INSERT INTO vacancy_search_changes (version, vacancy_id) SELECT DISTINCT v, vacancy_id FROM new_rows;
  ELSIF TG_OP = 'UPDATE' THEN
    IF NOT EXISTS (SELECT 1 FROM new_rows) THEN RETURN NULL; END IF;
    UPDATE vacancy_search_version SET version = version + 1 WHERE id RETURNING version INTO v;
    INSERT INTO vacancy_search_changes (version, vacancy_id) SELECT v, vacancy_id FROM (SELECT vacancy_id FROM new_rows UNION SELECT vacancy_id FROM old_rows) u;
  ELSIF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT 1 FROM old_rows) THEN RETURN NULL; END IF;
    UPDATE vacancy_search_version SET version = version + 1 WHERE id RETURNING version INTO v;
    INSERT INTO vacancy_search_changes (version, vacancy_id) SELECT DISTINCT v, vacancy_id FROM old_rows;
  ELSE
    UPDATE vacancy_search_version SET version = version + 1 WHERE id RETURNING version INTO v;
    INSERT INTO vacancy_search_changes (version, vacancy_id) VALUES (v, NULL);
  END IF;
  PERFORM pg_notify('vacancy_search', v::text);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER vacancy_attachments_insert AFTER INSERT ON vacancy_attachments REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION vacancy_attachments_touch();--> statement-breakpoint
CREATE TRIGGER vacancy_attachments_update AFTER UPDATE ON vacancy_attachments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION vacancy_attachments_touch();--> statement-breakpoint
CREATE TRIGGER vacancy_attachments_delete AFTER DELETE ON vacancy_attachments REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION vacancy_attachments_touch();--> statement-breakpoint
CREATE TRIGGER vacancy_attachments_truncate AFTER TRUNCATE ON vacancy_attachments
  FOR EACH STATEMENT EXECUTE FUNCTION vacancy_attachments_touch();
