-- Events and agreements across articles, rebuilt after every load from the per-article mentions.

-- events: one row per event_id. The most confident mention (then earliest article, then offset)
-- gives the coding and the evidence; dates prefer text over publication, then finer precision.
DELETE FROM events;
INSERT INTO events
WITH mention AS (
    SELECT m.*, a.source AS outlet, a.published_start, a.published_end,
        CASE m.date_precision
            WHEN 'day' THEN 1 WHEN 'week' THEN 2 WHEN 'month' THEN 3 WHEN 'quarter' THEN 4
            WHEN 'season' THEN 5 WHEN 'half' THEN 6 WHEN 'year' THEN 7 WHEN 'decade' THEN 8
            WHEN 'century' THEN 9 ELSE 10 END AS precision_rank
    FROM event_mentions AS m JOIN articles AS a USING (article_id)
),
best AS (
    SELECT * FROM mention
    QUALIFY row_number() OVER (
        PARTITION BY event_id ORDER BY confidence DESC, published_start NULLS LAST, article_id, start
    ) = 1
),
dated AS (
    SELECT event_id, date_start, date_end, date_precision, date_source FROM mention
    WHERE date_start IS NOT NULL
    QUALIFY row_number() OVER (
        PARTITION BY event_id
        ORDER BY (date_source = 'text') DESC, precision_rank, date_start, article_id, start
    ) = 1
),
located AS (
    SELECT event_id, location, location_country FROM mention
    WHERE location IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY published_start NULLS LAST, article_id, start) = 1
),
totals AS (
    SELECT event_id,
        list_sort(list_distinct(flatten(list(sources)))) AS all_sources,
        list_sort(list_distinct(flatten(list(targets)))) AS all_targets,
        count(*) AS num_mentions,
        count(DISTINCT article_id) AS num_articles,
        count(DISTINCT coalesce(outlet, 'article:' || article_id)) AS num_sources,
        min(published_start) AS first_published,
        max(published_end) AS last_published,
        bool_or(modality = 'asserted') AS any_asserted,
        max(confidence) AS confidence
    FROM mention GROUP BY event_id
)
SELECT
    b.event_id, b.event_type, b.mode, b.context, b.cameo_code, b.quad_class, b.goldstein,
    t.all_sources,
    list_filter(t.all_targets, lambda x: NOT list_contains(t.all_sources, x)),
    d.date_start, d.date_end, d.date_precision, d.date_source,
    l.location, l.location_country,
    b.negated,
    CASE WHEN t.any_asserted THEN 'asserted' ELSE b.modality END,
    t.confidence, b.evidence, b.article_id, b.sentence,
    t.num_mentions, t.num_articles, t.num_sources, t.first_published, t.last_published
FROM best AS b
JOIN totals AS t USING (event_id)
LEFT JOIN dated AS d USING (event_id)
LEFT JOIN located AS l USING (event_id);

-- Which agreement each mention-level id belongs to: an undated agreement folds into the dated
-- agreement with the same type and parties when there is exactly one.
CREATE OR REPLACE VIEW agreement_resolution AS
WITH ids AS (
    SELECT agreement_id, any_value(type) AS type, any_value(parties_key) AS parties_key,
        bool_or(signed_start IS NOT NULL) AS dated
    FROM agreement_mentions GROUP BY agreement_id
),
dated_targets AS (
    SELECT type, parties_key, min(agreement_id) AS target, count(*) AS candidates
    FROM ids WHERE dated AND parties_key <> '' GROUP BY type, parties_key
)
SELECT ids.agreement_id,
    CASE WHEN NOT ids.dated AND d.candidates = 1 THEN d.target ELSE ids.agreement_id END AS resolved_id
FROM ids LEFT JOIN dated_targets AS d ON d.type = ids.type AND d.parties_key = ids.parties_key;
COMMENT ON VIEW agreement_resolution IS 'Mention-level agreement id -> the agreement row it is merged into (agreements.agreement_id).';

DELETE FROM agreements;
INSERT INTO agreements
WITH mention AS (
    SELECT r.resolved_id, m.*, a.published_start,
        CASE m.signed_precision
            WHEN 'day' THEN 1 WHEN 'week' THEN 2 WHEN 'month' THEN 3 WHEN 'quarter' THEN 4
            WHEN 'season' THEN 5 WHEN 'half' THEN 6 WHEN 'year' THEN 7 ELSE 10 END AS precision_rank,
        list_position(
            ['unknown', 'proposed', 'under_negotiation', 'signed', 'in_force', 'suspended', 'ended'],
            m.status
        ) AS status_rank
    FROM agreement_mentions AS m
    JOIN agreement_resolution AS r USING (agreement_id)
    JOIN articles AS a USING (article_id)
),
first_mention AS (
    SELECT * FROM mention
    QUALIFY row_number() OVER (PARTITION BY resolved_id ORDER BY published_start NULLS LAST, article_id, start) = 1
),
dated AS (
    SELECT resolved_id, signed_start, signed_end, signed_precision, normalized_name FROM mention
    WHERE signed_start IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY resolved_id ORDER BY precision_rank, signed_start, article_id, start) = 1
),
totals AS (
    SELECT resolved_id,
        list_sort(list_distinct(flatten(list(parties)))) AS parties,
        list_sort(list_distinct(flatten(list(signatories)))) AS signatories,
        list_sort(list_distinct(flatten(list(provisions)))) AS provisions,
        list_sort(list_distinct(flatten(list(notes)))) AS notes,
        list_sort(list_distinct(list(agreement_id))) AS merged_ids,
        max(status_rank) AS status_rank,
        first(domain ORDER BY published_start NULLS LAST, article_id, start) FILTER (WHERE domain IS NOT NULL) AS domain,
        first(place ORDER BY published_start NULLS LAST, article_id, start) FILTER (WHERE place IS NOT NULL) AS place,
        first(signing_event_id ORDER BY published_start NULLS LAST, article_id, start) FILTER (WHERE signing_event_id IS NOT NULL) AS signing_event_id,
        max(confidence) AS confidence,
        count(*) AS num_mentions,
        count(DISTINCT article_id) AS num_articles
    FROM mention GROUP BY resolved_id
)
SELECT
    f.resolved_id, f.name, coalesce(d.normalized_name, f.normalized_name), f.type, t.domain,
    t.parties, t.signatories, d.signed_start, d.signed_end, d.signed_precision, t.place,
    ['unknown', 'proposed', 'under_negotiation', 'signed', 'in_force', 'suspended', 'ended'][t.status_rank],
    t.provisions, t.notes, t.signing_event_id, t.confidence, f.evidence, f.article_id, f.sentence,
    t.merged_ids, t.num_mentions, t.num_articles
FROM first_mention AS f
JOIN totals AS t USING (resolved_id)
LEFT JOIN dated AS d USING (resolved_id);
