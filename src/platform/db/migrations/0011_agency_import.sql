-- 機關徵才匯入 (AGY-7): checked uploads waiting for 確認匯入 (the agency module's agency-import.schema.ts).
CREATE TABLE agency_import_batches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  staff_id uuid NOT NULL,
  agency_code text NOT NULL,
  file_name text NOT NULL,
  row_count integer NOT NULL,
  rows jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);--> statement-breakpoint
CREATE INDEX agency_import_batches_created_idx ON agency_import_batches (created_at);
