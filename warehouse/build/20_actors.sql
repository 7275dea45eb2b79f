-- Actors across articles, rebuilt after every load from the per-article tables.
-- Conflicting attributes (an unknown person's guessed country, a type guessed from context) are
-- settled by majority over articles, ties alphabetically, so the result does not depend on load order.

-- actor_variants first: actors is computed from it alone, so that a publish can bring an actor's
-- row up to date from its variants' counts without reading every article naming it
-- (warehouse/incremental.py merges the counts of actor_variants, actor_aliases and actor_offices).
DELETE FROM actor_variants;
INSERT INTO actor_variants
SELECT aa.actor_id, to_json([aa.name, aa.type, aa.country, aa.sector])::VARCHAR AS variant,
    aa.name, aa.type, aa.country, aa.sector,
    count(*)::INTEGER AS article_count,
    sum(aa.mention_count)::INTEGER AS mention_count,
    min(a.published_start) AS first_seen,
    max(a.published_start) AS last_seen
FROM article_actors AS aa JOIN articles AS a USING (article_id)
GROUP BY ALL;

-- One article_actors row per article and actor: a variant's article_count is its votes.
DELETE FROM actors;
INSERT INTO actors
SELECT actor_id,
    first(name ORDER BY article_count DESC, name) AS name,
    first(type ORDER BY article_count DESC, type) AS type,
    first(country ORDER BY (country IS NULL), article_count DESC, country) AS country,
    first(sector ORDER BY (sector IS NULL), article_count DESC, sector) AS sector,
    min(first_seen) AS first_seen,
    max(last_seen) AS last_seen,
    sum(mention_count)::INTEGER AS mention_count,
    sum(article_count)::INTEGER AS article_count
FROM actor_variants
GROUP BY actor_id;

DELETE FROM actor_aliases;
INSERT INTO actor_aliases
SELECT m.actor_id, a.language, m.text AS alias,
    count(*)::INTEGER AS mention_count,
    count(DISTINCT m.article_id)::INTEGER AS article_count,
    min(a.published_start) AS first_seen,
    max(a.published_start) AS last_seen
FROM mentions AS m JOIN articles AS a USING (article_id)
GROUP BY ALL;

DELETE FROM actor_offices;
INSERT INTO actor_offices
SELECT aa.actor_id, office,
    min(a.published_start) AS first_seen,
    max(a.published_start) AS last_seen,
    count(DISTINCT aa.article_id)::INTEGER AS article_count
FROM article_actors AS aa JOIN articles AS a USING (article_id), unnest(aa.offices) AS o(office)
GROUP BY ALL;

-- Unknown people spelled differently in different articles stay different actors (ids come from
-- the name itself); this view lists pairs an analyst may want to merge: same country (or none),
-- same type, Jaro-Winkler similarity of the names >= 0.92. It merges nothing by itself.
CREATE OR REPLACE VIEW actor_merge_candidates AS
SELECT a.actor_id AS actor_id, b.actor_id AS similar_actor_id, a.name AS name, b.name AS similar_name,
    round(jaro_winkler_similarity(lower(a.name), lower(b.name)), 3) AS similarity
FROM actors AS a JOIN actors AS b
    ON a.actor_id < b.actor_id AND a.type = b.type AND a.type IN ('person', 'organization', 'armed_group')
    AND coalesce(a.country, '') = coalesce(b.country, '')
    AND left(lower(a.name), 1) = left(lower(b.name), 1)
WHERE jaro_winkler_similarity(lower(a.name), lower(b.name)) >= 0.92;
COMMENT ON VIEW actor_merge_candidates IS 'Pairs of actors (people and organisations) whose names are near spellings of each other, same type and country: candidates for a manual merge. Nothing is merged automatically.';
