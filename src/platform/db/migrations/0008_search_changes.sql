-- PUB-1 search is served from an in-process index of the published vacancies in each web process
-- (docs/adr/0008-search-serving.md); the database stays the source of truth. Every statement that changes
-- `vacancies` — whatever code runs it: publish, edit, delete, take-down, import, plain SQL — bumps one
-- version number and logs the ids it touched, in its own transaction. The version row is updated under its
-- row lock, so versions are handed out in commit order: a web process that has read version v and the log
-- up to v in one snapshot has seen every change up to v. Before each search a process reads the version (one
-- primary-key row), or on PGlite listens to the notification below, and loads only the rows logged since its
-- own. vacancy_id NULL (TRUNCATE) = reload all.
-- The log keeps the last 50,000 versions (SEARCH_LOG_KEEP in search-index.repo.ts); a process further behind
-- reloads everything.
CREATE TABLE vacancy_search_version (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  version bigint NOT NULL
);--> statement-breakpoint
INSERT INTO vacancy_search_version (id, version) VALUES (true, 0);--> statement-breakpoint
CREATE TABLE vacancy_search_changes (
  version bigint NOT NULL,
  vacancy_id uuid
);--> statement-breakpoint
CREATE INDEX vacancy_search_changes_version_idx ON vacancy_search_changes (version);--> statement-breakpoint
CREATE FUNCTION vacancy_search_touch() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v bigint;
BEGIN
  -- (Each branch names only the transition tables its event has: PL/pgSQL plans a statement when it first runs.)
  IF TG_OP = 'INSERT' THEN
    IF NOT EXISTS (SELECT 1 FROM new_rows) THEN RETURN NULL; END IF;
    UPDATE vacancy_search_version SET version = version + 1 WHERE id RETURNING version INTO v;
    INSERT INTO vacancy_search_changes (version, vacancy_id) SELECT DISTINCT v, id FROM new_rows;
  ELSIF TG_OP = 'UPDATE' THEN
    IF NOT EXISTS (SELECT 1 FROM new_rows) THEN RETURN NULL; END IF;
    UPDATE vacancy_search_version SET version = version + 1 WHERE id RETURNING version INTO v;
    INSERT INTO vacancy_search_changes (version, vacancy_id) SELECT v, id FROM (SELECT id FROM new_rows UNION SELECT id FROM old_rows) u;
  ELSIF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT 1 FROM old_rows) THEN RETURN NULL; END IF;
    UPDATE vacancy_search_version SET version = version + 1 WHERE id RETURNING version INTO v;
    INSERT INTO vacancy_search_changes (version, vacancy_id) SELECT DISTINCT v, id FROM old_rows;
  ELSE
    UPDATE vacancy_search_version SET version = version + 1 WHERE id RETURNING version INTO v;
    INSERT INTO vacancy_search_changes (version, vacancy_id) VALUES (v, NULL);
  END IF;
  -- Delivered at commit. PGlite (one process) hands it to the process's listener before the COMMIT returns, so
  -- there a search needs no query at all to know it is current (search.service.ts).
  PERFORM pg_notify('vacancy_search', v::text);
  IF v % 1000 = 0 THEN
    DELETE FROM vacancy_search_changes WHERE version <= v - 50000;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER vacancies_search_insert AFTER INSERT ON vacancies REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION vacancy_search_touch();--> statement-breakpoint
CREATE TRIGGER vacancies_search_update AFTER UPDATE ON vacancies REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION vacancy_search_touch();--> statement-breakpoint
CREATE TRIGGER vacancies_search_delete AFTER DELETE ON vacancies REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION vacancy_search_touch();--> statement-breakpoint
CREATE TRIGGER vacancies_search_truncate AFTER TRUNCATE ON vacancies
  FOR EACH STATEMENT EXECUTE FUNCTION vacancy_search_touch();
