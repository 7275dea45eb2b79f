-- Rebuilt after every load, inside the load transaction.

-- A source-file version is superseded once a newer version of the same path has been seen.
UPDATE source_files AS older
SET status = 'superseded'
WHERE EXISTS (
    SELECT 1 FROM source_files AS newer
    WHERE newer.path = older.path
      AND newer.first_seen_at > older.first_seen_at
);

CREATE OR REPLACE VIEW current_articles AS
SELECT a.*
FROM articles AS a
WHERE EXISTS (
    SELECT 1 FROM source_files AS f
    WHERE f.status = 'current' AND list_contains(f.article_ids, a.article_id)
);
COMMENT ON VIEW current_articles IS 'Articles still present in the latest version of at least one source file (superseded ones are left out).';
