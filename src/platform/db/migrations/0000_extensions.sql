-- pg_trgm: trigram GIN indexes for keyword queries of 3+ characters.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- bigrams(text): every 1- and 2-character gram of the lower-cased text (grams holding white space left out),
-- for GIN indexes that serve 1- and 2-character Chinese queries (人事, 工), which trigrams cannot.
CREATE OR REPLACE FUNCTION bigrams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}'::text[])
  FROM (
    SELECT substr(lower(t), i, n) AS g
    FROM generate_series(1, 2) AS n, generate_series(1, length(t)) AS i
    WHERE i + n - 1 <= length(t)
  ) grams
  WHERE g !~ '\s'
$$;
