-- Rebuilt after every load, inside the load transaction.

-- A source-file version is superseded once another version of the same path was seen later
-- (last_seen, not first_seen, so a file reverted to an earlier version makes that one current).
UPDATE source_files AS older
SET status = 'superseded'
WHERE status = 'current'
  AND EXISTS (
    SELECT 1 FROM source_files AS newer
    WHERE newer.path = older.path
      AND newer.content_sha256 <> older.content_sha256
      AND newer.last_seen_at > older.last_seen_at
);

CREATE OR REPLACE VIEW current_articles AS
SELECT a.*
FROM articles AS a
WHERE EXISTS (
    SELECT 1 FROM source_files AS f
    WHERE f.status = 'current' AND list_contains(f.article_ids, a.article_id)
);
COMMENT ON VIEW current_articles IS 'Articles still present in the latest version of at least one source file (superseded ones are left out).';
