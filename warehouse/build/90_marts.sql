-- Marts: analysis-ready views for analysts, exports and the dashboard (docs/queries.md uses them).
-- Plain views over the tables, recomputed on every query, so they never go stale; each has a
-- comment on the view and on every column (docs/data-dictionary.md is generated from them).
-- Conventions: ids stay next to the names they resolve to (source_ids / source_names), lists keep
-- the order of the ids, countries are ISO 3166-1 alpha-3, and every view has a stable ORDER BY.

-- event_timeline: one row per event, with its actors resolved and its evidence article.
CREATE OR REPLACE VIEW event_timeline AS
WITH participant AS (
    SELECT event_id, 'source' AS role, unnest(sources) AS actor_id, generate_subscripts(sources, 1) AS position
    FROM events
    UNION ALL
    SELECT event_id, 'target' AS role, unnest(targets) AS actor_id, generate_subscripts(targets, 1) AS position
    FROM events
),
side AS (
    SELECT p.event_id, p.role,
        list(coalesce(a.name, p.actor_id) ORDER BY p.position) AS names,
        list_sort(list_distinct(list(a.country))) AS countries
    FROM participant AS p LEFT JOIN actors AS a USING (actor_id)
    GROUP BY p.event_id, p.role
),
evidence_trigger AS (
    -- The trigger of the evidence mention (events keep its sentence, not its offsets).
    SELECT m.event_id, m.trigger, m.start, m."end"
    FROM event_mentions AS m JOIN events AS e
        ON e.event_id = m.event_id AND e.first_article_id = m.article_id AND e.first_sentence = m.sentence
    QUALIFY row_number() OVER (PARTITION BY m.event_id ORDER BY m.start) = 1
),
reported_in AS (
    SELECT m.event_id, list_sort(list_distinct(list(a.language))) AS languages
    FROM event_mentions AS m JOIN articles AS a USING (article_id)
    GROUP BY m.event_id
)
SELECT
    e.event_id,
    e.event_type,
    e.mode,
    e.context,
    e.cameo_code,
    e.quad_class,
    CASE e.quad_class
        WHEN 1 THEN 'verbal cooperation' WHEN 2 THEN 'material cooperation'
        WHEN 3 THEN 'verbal conflict' WHEN 4 THEN 'material conflict'
    END AS quad_class_name,
    e.goldstein,
    e.sources AS source_ids,
    coalesce(s.names, []) AS source_names,
    coalesce(s.countries, []) AS source_countries,
    e.targets AS target_ids,
    coalesce(t.names, []) AS target_names,
    coalesce(t.countries, []) AS target_countries,
    e.date_start,
    e.date_end,
    e.date_precision,
    e.date_source,
    e.location,
    e.location_country,
    e.negated,
    e.modality,
    e.confidence,
    e.evidence,
    tr.trigger,
    tr.start AS trigger_start,
    tr."end" AS trigger_end,
    e.first_article_id AS article_id,
    e.first_sentence AS sentence,
    a.title AS article_title,
    a.source AS article_source,
    a.language AS article_language,
    a.published_start AS article_published,
    coalesce(r.languages, []) AS languages,
    e.num_mentions,
    e.num_articles,
    e.num_sources,
    e.first_published,
    e.last_published
FROM events AS e
LEFT JOIN side AS s ON s.event_id = e.event_id AND s.role = 'source'
LEFT JOIN side AS t ON t.event_id = e.event_id AND t.role = 'target'
LEFT JOIN evidence_trigger AS tr ON tr.event_id = e.event_id
LEFT JOIN reported_in AS r ON r.event_id = e.event_id
LEFT JOIN articles AS a ON a.article_id = e.first_article_id
ORDER BY e.date_start NULLS LAST, e.event_id;
COMMENT ON VIEW event_timeline IS 'One row per event (events) with its actors resolved to names and countries, its PLOVER and CAMEO coding, its date range and place, and the evidence sentence with the article it comes from. Ordered by date.';
COMMENT ON COLUMN event_timeline.event_id IS 'Stable event id (events.event_id). Example: ev_67d89b143168ea80.';
COMMENT ON COLUMN event_timeline.event_type IS 'PLOVER event type. Example: CONSULT.';
COMMENT ON COLUMN event_timeline.mode IS 'PLOVER mode (how); NULL when none. Example: visit.';
COMMENT ON COLUMN event_timeline.context IS 'PLOVER context (what about); NULL when none. Example: diplomatic.';
COMMENT ON COLUMN event_timeline.cameo_code IS 'Matching CAMEO code, text with leading zero; NULL for PLOVER-only events. Example: 043.';
COMMENT ON COLUMN event_timeline.quad_class IS 'PLOVER quad category: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.';
COMMENT ON COLUMN event_timeline.quad_class_name IS 'The quad category in words. Example: verbal cooperation.';
COMMENT ON COLUMN event_timeline.goldstein IS 'Goldstein conflict-cooperation weight, -10 (most conflictual) to +10. Example: 2.8.';
COMMENT ON COLUMN event_timeline.source_ids IS 'Actor ids of the sources (who acts), sorted. Example: [person:abdellatif-loudiyi].';
COMMENT ON COLUMN event_timeline.source_names IS 'Names of the sources (actors.name), in the order of source_ids. Example: [Abdellatif Loudiyi].';
COMMENT ON COLUMN event_timeline.source_countries IS 'Distinct countries (ISO 3166-1 alpha-3) of the sources, sorted; empty when none is known. Example: [MAR].';
COMMENT ON COLUMN event_timeline.target_ids IS 'Actor ids of the targets, sorted; empty for reciprocal events (meetings, joint statements), where every participant is a source.';
COMMENT ON COLUMN event_timeline.target_names IS 'Names of the targets, in the order of target_ids. Example: [Israel Defense Forces, Aviv Kochavi, Morocco].';
COMMENT ON COLUMN event_timeline.target_countries IS 'Distinct countries of the targets, sorted. Example: [ISR, MAR].';
COMMENT ON COLUMN event_timeline.date_start IS 'First day the event can have happened (inclusive). Example: 2022-07-19.';
COMMENT ON COLUMN event_timeline.date_end IS 'Last day the event can have happened (inclusive). Example: 2022-07-19.';
COMMENT ON COLUMN event_timeline.date_precision IS 'Precision of the date range: day, week, month, quarter, season, half, year, decade or century.';
COMMENT ON COLUMN event_timeline.date_source IS 'text (a date in the reporting sentence) or publication (the publication date: read as "on or before").';
COMMENT ON COLUMN event_timeline.location IS 'Place the event happened in, as named. Example: Rabat.';
COMMENT ON COLUMN event_timeline.location_country IS 'Country (ISO 3166-1 alpha-3) of that place. Example: MAR.';
COMMENT ON COLUMN event_timeline.negated IS 'True when the text says the event did not happen.';
COMMENT ON COLUMN event_timeline.modality IS 'asserted, planned, proposed or reported.';
COMMENT ON COLUMN event_timeline.confidence IS 'Highest rule confidence among the mentions, 0..1. Example: 0.85.';
COMMENT ON COLUMN event_timeline.evidence IS 'The sentence that reports the event best, as written in the article.';
COMMENT ON COLUMN event_timeline.trigger IS 'The words of the evidence sentence that report the event. Example: reçu.';
COMMENT ON COLUMN event_timeline.trigger_start IS 'Character offset of the trigger in articles.text of article_id (0-based). Example: 144.';
COMMENT ON COLUMN event_timeline.trigger_end IS 'Character offset just after the trigger (exclusive). Example: 148.';
COMMENT ON COLUMN event_timeline.article_id IS 'Article of the evidence sentence (articles.article_id). Example: 3524c5c1d5e9ea40.';
COMMENT ON COLUMN event_timeline.sentence IS 'Index (0-based) of the evidence sentence in that article.';
COMMENT ON COLUMN event_timeline.article_title IS 'Title of that article, if any. Example: Algeria recalls ambassador from Madrid.';
COMMENT ON COLUMN event_timeline.article_source IS 'Outlet of that article (articles.source), if any. Example: Example Wire.';
COMMENT ON COLUMN event_timeline.article_language IS 'Language (ISO 639-1) of that article. Example: fr.';
COMMENT ON COLUMN event_timeline.article_published IS 'First day that article can have been published (articles.published_start). Example: 2022-07-01.';
COMMENT ON COLUMN event_timeline.languages IS 'Every language the event is reported in, sorted. Example: [en, fr].';
COMMENT ON COLUMN event_timeline.num_mentions IS 'Number of sentences, over all articles, that report the event.';
COMMENT ON COLUMN event_timeline.num_articles IS 'Number of distinct articles that report it.';
COMMENT ON COLUMN event_timeline.num_sources IS 'Number of distinct outlets that report it (articles without an outlet count one each).';
COMMENT ON COLUMN event_timeline.first_published IS 'Earliest publication date among the reporting articles. Example: 2022-07-01.';
COMMENT ON COLUMN event_timeline.last_published IS 'Latest publication date among the reporting articles. Example: 2022-07-31.';

-- dyads_monthly: the classic GDELT/ICEWS country-dyad table.
CREATE OR REPLACE VIEW dyads_monthly AS
WITH participant AS (
    SELECT event_id, 'source' AS side, unnest(sources) AS actor_id FROM events WHERE NOT negated
    UNION ALL
    SELECT event_id, 'target' AS side, unnest(targets) AS actor_id FROM events WHERE NOT negated
),
side_country AS (
    SELECT DISTINCT p.event_id, p.side, a.country
    FROM participant AS p JOIN actors AS a USING (actor_id)
    WHERE a.country IS NOT NULL
),
directed AS (
    -- An event with targets: every source country towards every target country.
    SELECT s.event_id, s.country AS source_country, t.country AS target_country, false AS reciprocal
    FROM side_country AS s JOIN side_country AS t
        ON t.event_id = s.event_id AND s.side = 'source' AND t.side = 'target'
),
reciprocal AS (
    -- A reciprocal event (no target): each pair of its source countries once, in alphabetical order,
    -- so summing both directions of a pair counts every event once.
    SELECT s.event_id, s.country AS source_country, o.country AS target_country, true AS reciprocal
    FROM side_country AS s JOIN side_country AS o
        ON o.event_id = s.event_id AND s.side = 'source' AND o.side = 'source' AND s.country < o.country
    WHERE s.event_id IN (SELECT event_id FROM events WHERE len(targets) = 0)
),
dyad_event AS (
    SELECT d.*, e.event_type, e.quad_class, e.goldstein,
        date_trunc('month', coalesce(e.date_start, e.first_published))::DATE AS month
    FROM (SELECT * FROM directed UNION ALL SELECT * FROM reciprocal) AS d
    JOIN events AS e USING (event_id)
    WHERE coalesce(e.date_start, e.first_published) IS NOT NULL
),
reporting AS (
    SELECT d.source_country, d.target_country, d.month, count(DISTINCT m.article_id) AS articles
    FROM dyad_event AS d JOIN event_mentions AS m USING (event_id)
    GROUP BY ALL
)
SELECT
    d.source_country,
    d.target_country,
    d.month,
    count(*) AS events,
    count(*) FILTER (WHERE d.reciprocal) AS reciprocal_events,
    count(*) FILTER (WHERE d.quad_class = 1) AS verbal_cooperation,
    count(*) FILTER (WHERE d.quad_class = 2) AS material_cooperation,
    count(*) FILTER (WHERE d.quad_class = 3) AS verbal_conflict,
    count(*) FILTER (WHERE d.quad_class = 4) AS material_conflict,
    count(*) FILTER (WHERE d.event_type = 'AGREE') AS agree,
    count(*) FILTER (WHERE d.event_type = 'CONSULT') AS consult,
    count(*) FILTER (WHERE d.event_type = 'SUPPORT') AS support,
    count(*) FILTER (WHERE d.event_type = 'CONCEDE') AS concede,
    count(*) FILTER (WHERE d.event_type = 'COOPERATE') AS cooperate,
    count(*) FILTER (WHERE d.event_type = 'AID') AS aid,
    count(*) FILTER (WHERE d.event_type = 'RETREAT') AS retreat,
    count(*) FILTER (WHERE d.event_type = 'REQUEST') AS request,
    count(*) FILTER (WHERE d.event_type = 'ACCUSE') AS accuse,
    count(*) FILTER (WHERE d.event_type = 'REJECT') AS reject,
    count(*) FILTER (WHERE d.event_type = 'THREATEN') AS threaten,
    count(*) FILTER (WHERE d.event_type = 'PROTEST') AS protest,
    count(*) FILTER (WHERE d.event_type = 'SANCTION') AS sanction,
    count(*) FILTER (WHERE d.event_type = 'MOBILIZE') AS mobilize,
    count(*) FILTER (WHERE d.event_type = 'COERCE') AS coerce,
    count(*) FILTER (WHERE d.event_type = 'ASSAULT') AS assault,
    round(sum(d.goldstein), 3) AS goldstein_sum,
    round(avg(d.goldstein), 3) AS goldstein_mean,
    any_value(r.articles) AS articles
FROM dyad_event AS d
JOIN reporting AS r USING (source_country, target_country, month)
GROUP BY d.source_country, d.target_country, d.month
ORDER BY d.source_country, d.target_country, d.month;
COMMENT ON VIEW dyads_monthly IS 'Source country x target country x month: event counts by quad class and PLOVER type, Goldstein sum and mean, and articles (the classic GDELT/ICEWS dyad table). Each event counts once per (source country, target country) pair of its actors; negated events and actors without a country are left out; countries may be equal (domestic events). A reciprocal event (a meeting: sources, no target) counts once per pair of its countries, under the alphabetically first as source: for the relation between A and B, add the rows (A, B) and (B, A). Only articles in languages the event stage reads give events: a dyad missing here may be unreported or only reported in a language not extracted; see coverage.events_not_extracted and articles.events_coverage (full, partial, none) to tell "no events" from "not extracted".';
COMMENT ON COLUMN dyads_monthly.source_country IS 'Country (ISO 3166-1 alpha-3) of a source actor. Example: DZA.';
COMMENT ON COLUMN dyads_monthly.target_country IS 'Country of a target actor (for a reciprocal event, of another participant). Example: MAR.';
COMMENT ON COLUMN dyads_monthly.month IS 'First day of the month of the event''s first possible day (date_start; the first publication date when the event has no date). Example: 2022-07-01.';
COMMENT ON COLUMN dyads_monthly.events IS 'Number of events of the dyad in the month.';
COMMENT ON COLUMN dyads_monthly.reciprocal_events IS 'How many of them are reciprocal (no target: meetings, joint statements, agreements).';
COMMENT ON COLUMN dyads_monthly.verbal_cooperation IS 'Events of quad class 1 (AGREE, CONSULT, SUPPORT, CONCEDE).';
COMMENT ON COLUMN dyads_monthly.material_cooperation IS 'Events of quad class 2 (COOPERATE, AID, RETREAT).';
COMMENT ON COLUMN dyads_monthly.verbal_conflict IS 'Events of quad class 3 (REQUEST, ACCUSE, REJECT, THREATEN).';
COMMENT ON COLUMN dyads_monthly.material_conflict IS 'Events of quad class 4 (PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT).';
COMMENT ON COLUMN dyads_monthly.agree IS 'Number of AGREE events.';
COMMENT ON COLUMN dyads_monthly.consult IS 'Number of CONSULT events.';
COMMENT ON COLUMN dyads_monthly.support IS 'Number of SUPPORT events.';
COMMENT ON COLUMN dyads_monthly.concede IS 'Number of CONCEDE events.';
COMMENT ON COLUMN dyads_monthly.cooperate IS 'Number of COOPERATE events.';
COMMENT ON COLUMN dyads_monthly.aid IS 'Number of AID events.';
COMMENT ON COLUMN dyads_monthly.retreat IS 'Number of RETREAT events.';
COMMENT ON COLUMN dyads_monthly.request IS 'Number of REQUEST events.';
COMMENT ON COLUMN dyads_monthly.accuse IS 'Number of ACCUSE events.';
COMMENT ON COLUMN dyads_monthly.reject IS 'Number of REJECT events.';
COMMENT ON COLUMN dyads_monthly.threaten IS 'Number of THREATEN events.';
COMMENT ON COLUMN dyads_monthly.protest IS 'Number of PROTEST events.';
COMMENT ON COLUMN dyads_monthly.sanction IS 'Number of SANCTION events.';
COMMENT ON COLUMN dyads_monthly.mobilize IS 'Number of MOBILIZE events.';
COMMENT ON COLUMN dyads_monthly.coerce IS 'Number of COERCE events.';
COMMENT ON COLUMN dyads_monthly.assault IS 'Number of ASSAULT events.';
COMMENT ON COLUMN dyads_monthly.goldstein_sum IS 'Sum of the events'' Goldstein weights (rounded to 3 decimals); NULL when none has one. Example: -2.0.';
COMMENT ON COLUMN dyads_monthly.goldstein_mean IS 'Mean Goldstein weight of the events that have one (rounded to 3 decimals). Example: 5.1.';
COMMENT ON COLUMN dyads_monthly.articles IS 'Number of distinct articles reporting the dyad''s events of the month.';

-- actor_profile: one row per actor, everything known about it in one place.
CREATE OR REPLACE VIEW actor_profile AS
WITH language_aliases AS (
    SELECT actor_id, language,
        list(alias ORDER BY mention_count DESC, alias) AS aliases
    FROM actor_aliases GROUP BY actor_id, language
),
aliases AS (
    SELECT actor_id,
        map(list(language ORDER BY language), list(aliases ORDER BY language)) AS aliases_by_language,
        list_sort(list(language)) AS languages
    FROM language_aliases GROUP BY actor_id
),
all_aliases AS (
    SELECT actor_id, list(alias ORDER BY mentions DESC, alias) AS aliases
    FROM (SELECT actor_id, alias, sum(mention_count) AS mentions FROM actor_aliases GROUP BY actor_id, alias)
    GROUP BY actor_id
),
offices AS (
    SELECT actor_id, list(office ORDER BY first_seen NULLS LAST, office) AS offices
    FROM actor_offices GROUP BY actor_id
),
role AS (
    SELECT event_id, 'source' AS role, unnest(sources) AS actor_id,
        CASE WHEN len(targets) = 0 THEN sources ELSE targets END AS others
    FROM events
    UNION ALL
    SELECT event_id, 'target' AS role, unnest(targets) AS actor_id, sources AS others
    FROM events
),
event_counts AS (
    SELECT actor_id,
        count(DISTINCT event_id) AS events,
        count(DISTINCT event_id) FILTER (WHERE role = 'source') AS events_as_source,
        count(DISTINCT event_id) FILTER (WHERE role = 'target') AS events_as_target
    FROM role GROUP BY actor_id
),
counterpart AS (
    -- Who the actor dealt with: the other side of each event (the other participants of a reciprocal one).
    SELECT actor_id, counterpart_id, count(DISTINCT event_id) AS shared_events
    FROM (SELECT actor_id, event_id, unnest(others) AS counterpart_id FROM role)
    WHERE counterpart_id <> actor_id
    GROUP BY actor_id, counterpart_id
),
top_counterparts AS (
    SELECT c.actor_id,
        list(c.counterpart_id ORDER BY c.shared_events DESC, coalesce(a.name, c.counterpart_id), c.counterpart_id)[1:5] AS ids,
        list(coalesce(a.name, c.counterpart_id) || ' (' || c.shared_events || ')'
            ORDER BY c.shared_events DESC, coalesce(a.name, c.counterpart_id), c.counterpart_id)[1:5] AS labels
    FROM counterpart AS c LEFT JOIN actors AS a ON a.actor_id = c.counterpart_id
    GROUP BY c.actor_id
),
agreement_counts AS (
    SELECT actor_id, count(DISTINCT agreement_id) AS agreements
    FROM (
        SELECT agreement_id, unnest(list_concat(parties, signatories)) AS actor_id FROM agreements
    )
    GROUP BY actor_id
)
SELECT
    a.actor_id,
    a.name,
    a.type,
    a.country,
    a.sector,
    a.first_seen,
    a.last_seen,
    a.mention_count,
    a.article_count,
    coalesce(al.aliases, []) AS aliases,
    coalesce(l.aliases_by_language, map([], [])::MAP(VARCHAR, VARCHAR[])) AS aliases_by_language,
    coalesce(l.languages, []) AS languages,
    coalesce(o.offices, []) AS offices,
    coalesce(ec.events, 0) AS events,
    coalesce(ec.events_as_source, 0) AS events_as_source,
    coalesce(ec.events_as_target, 0) AS events_as_target,
    coalesce(ac.agreements, 0) AS agreements,
    coalesce(tc.labels, []) AS top_counterparts,
    coalesce(tc.ids, []) AS top_counterpart_ids
FROM actors AS a
LEFT JOIN all_aliases AS al USING (actor_id)
LEFT JOIN aliases AS l USING (actor_id)
LEFT JOIN offices AS o USING (actor_id)
LEFT JOIN event_counts AS ec USING (actor_id)
LEFT JOIN agreement_counts AS ac USING (actor_id)
LEFT JOIN top_counterparts AS tc USING (actor_id)
ORDER BY a.mention_count DESC, a.actor_id;
COMMENT ON VIEW actor_profile IS 'One row per actor (actors): how it is written in each language, the offices it held, how often it is named, acts and is acted upon, its agreements, and the actors it deals with most. Most-mentioned first.';
COMMENT ON COLUMN actor_profile.actor_id IS 'Stable actor id (actors.actor_id). Example: state:MAR.';
COMMENT ON COLUMN actor_profile.name IS 'Canonical name. Example: Morocco.';
COMMENT ON COLUMN actor_profile.type IS 'state, person, organization, military, armed_group, media, igo, civilians or place.';
COMMENT ON COLUMN actor_profile.country IS 'Country (ISO 3166-1 alpha-3) the actor is or belongs to; NULL for international bodies and when unknown. Example: MAR.';
COMMENT ON COLUMN actor_profile.sector IS 'CAMEO/PLOVER-style sector (GOV, MIL, REB, MED...). Example: GOV.';
COMMENT ON COLUMN actor_profile.first_seen IS 'Earliest publication date of an article naming the actor. Example: 2021-11-25.';
COMMENT ON COLUMN actor_profile.last_seen IS 'Latest publication date of an article naming the actor. Example: 2022-08-25.';
COMMENT ON COLUMN actor_profile.mention_count IS 'Number of mentions across all articles.';
COMMENT ON COLUMN actor_profile.article_count IS 'Number of articles naming the actor.';
COMMENT ON COLUMN actor_profile.aliases IS 'Every distinct way the articles write the actor, most frequent first. Example: [Maroc, marocain, Morocco].';
COMMENT ON COLUMN actor_profile.aliases_by_language IS 'The aliases by article language (ISO 639-1), most frequent first; query one language with aliases_by_language[''fr'']. Example: {fr=[Maroc, marocain], en=[Morocco]}.';
COMMENT ON COLUMN actor_profile.languages IS 'Languages of the articles naming the actor, sorted. Example: [ar, de, en, es, fr].';
COMMENT ON COLUMN actor_profile.offices IS 'Offices the person held according to the articles and the dictionary, earliest seen first; empty for non-persons. Example: [Minister of Defence of Israel].';
COMMENT ON COLUMN actor_profile.events IS 'Number of events the actor takes part in, as source or target.';
COMMENT ON COLUMN actor_profile.events_as_source IS 'Number of events where the actor acts (source).';
COMMENT ON COLUMN actor_profile.events_as_target IS 'Number of events directed at the actor (target).';
COMMENT ON COLUMN actor_profile.agreements IS 'Number of agreements the actor is a party to or signed.';
COMMENT ON COLUMN actor_profile.top_counterparts IS 'Up to five actors it deals with most (the other side of its events; the other participants of reciprocal ones), as name (shared events), most first. Example: [Israel (4), Algeria (1)].';
COMMENT ON COLUMN actor_profile.top_counterpart_ids IS 'Actor ids of top_counterparts, in the same order. Example: [state:ISR, state:DZA].';

-- agreements_overview: one row per agreement, with names and provenance.
CREATE OR REPLACE VIEW agreements_overview AS
WITH party AS (
    SELECT agreement_id, unnest(parties) AS actor_id, generate_subscripts(parties, 1) AS position
    FROM agreements
),
party_named AS (
    SELECT p.agreement_id,
        list(coalesce(a.name, p.actor_id) ORDER BY p.position) AS names,
        list_sort(list_distinct(list(a.country))) AS countries
    FROM party AS p LEFT JOIN actors AS a USING (actor_id)
    GROUP BY p.agreement_id
),
signatory_office AS (
    SELECT r.resolved_id AS agreement_id, p.actor_id,
        first(p.office ORDER BY p.article_id, p.sentence) FILTER (WHERE p.office IS NOT NULL) AS office
    FROM agreement_parties AS p JOIN agreement_resolution AS r USING (agreement_id)
    WHERE p.role = 'signatory'
    GROUP BY r.resolved_id, p.actor_id
),
signatory AS (
    SELECT agreement_id, unnest(signatories) AS actor_id, generate_subscripts(signatories, 1) AS position
    FROM agreements
),
signatory_named AS (
    SELECT s.agreement_id,
        list(coalesce(a.name, s.actor_id) ORDER BY s.position) AS names,
        list(coalesce(a.name, s.actor_id) || coalesce(' (' || o.office || ')', '') ORDER BY s.position) AS with_office
    FROM signatory AS s
    LEFT JOIN actors AS a USING (actor_id)
    LEFT JOIN signatory_office AS o ON o.agreement_id = s.agreement_id AND o.actor_id = s.actor_id
    GROUP BY s.agreement_id
),
mentioned AS (
    SELECT r.resolved_id AS agreement_id,
        min(a.published_start) AS first_mentioned,
        max(a.published_start) AS last_mentioned,
        list_sort(list_distinct(list(a.language))) AS languages
    FROM agreement_mentions AS m
    JOIN agreement_resolution AS r USING (agreement_id)
    JOIN articles AS a USING (article_id)
    GROUP BY r.resolved_id
),
evidence_span AS (
    -- Offsets of the mention whose sentence is the evidence (agreements keep its sentence only).
    SELECT r.resolved_id AS agreement_id, m.start, m."end"
    FROM agreement_mentions AS m
    JOIN agreement_resolution AS r USING (agreement_id)
    JOIN agreements AS g ON g.agreement_id = r.resolved_id
        AND g.first_article_id = m.article_id AND g.first_sentence = m.sentence
    QUALIFY row_number() OVER (PARTITION BY r.resolved_id ORDER BY m.start) = 1
)
SELECT
    g.agreement_id,
    g.name,
    g.normalized_name,
    g.type,
    g.domain,
    g.parties AS party_ids,
    coalesce(p.names, []) AS party_names,
    coalesce(p.countries, []) AS party_countries,
    g.signatories AS signatory_ids,
    coalesce(s.names, []) AS signatory_names,
    coalesce(s.with_office, []) AS signatories_with_office,
    g.signed_start,
    g.signed_end,
    g.signed_precision,
    g.place,
    g.status,
    g.provisions,
    g.notes,
    g.num_mentions,
    g.num_articles,
    mn.first_mentioned,
    mn.last_mentioned,
    coalesce(mn.languages, []) AS languages,
    g.evidence,
    g.first_article_id AS article_id,
    g.first_sentence AS sentence,
    es.start AS name_start,
    es."end" AS name_end,
    a.title AS article_title,
    a.source AS article_source,
    a.language AS article_language,
    a.published_start AS article_published,
    g.signing_event_id,
    g.merged_ids,
    g.confidence
FROM agreements AS g
LEFT JOIN party_named AS p USING (agreement_id)
LEFT JOIN signatory_named AS s USING (agreement_id)
LEFT JOIN mentioned AS mn USING (agreement_id)
LEFT JOIN evidence_span AS es USING (agreement_id)
LEFT JOIN articles AS a ON a.article_id = g.first_article_id
ORDER BY g.signed_start NULLS LAST, g.agreement_id;
COMMENT ON VIEW agreements_overview IS 'One row per agreement (agreements) with its parties and signatories named, its signature date, place, status and provisions, how often and when it is mentioned, and the first mention''s evidence and article (provenance). Ordered by signature date.';
COMMENT ON COLUMN agreements_overview.agreement_id IS 'Agreement id (agreements.agreement_id). Example: ag_9038acb967f80ce4.';
COMMENT ON COLUMN agreements_overview.name IS 'Name at its first mention, as written. Example: accord-cadre.';
COMMENT ON COLUMN agreements_overview.normalized_name IS 'Language-independent name. Example: defence framework agreement Israel – Morocco (2021-11).';
COMMENT ON COLUMN agreements_overview.type IS 'Agreement type. Example: framework_agreement.';
COMMENT ON COLUMN agreements_overview.domain IS 'What it is about; NULL when the text gives no cue. Example: defence.';
COMMENT ON COLUMN agreements_overview.party_ids IS 'Actor ids of the parties bound, sorted. Example: [state:ISR, state:MAR].';
COMMENT ON COLUMN agreements_overview.party_names IS 'Names of the parties, in the order of party_ids. Example: [Israel, Morocco].';
COMMENT ON COLUMN agreements_overview.party_countries IS 'Distinct countries (ISO 3166-1 alpha-3) of the parties, sorted. Example: [ISR, MAR].';
COMMENT ON COLUMN agreements_overview.signatory_ids IS 'Actor ids of the people who signed it, sorted. Example: [person:benny-gantz].';
COMMENT ON COLUMN agreements_overview.signatory_names IS 'Names of the signatories, in the order of signatory_ids. Example: [Benny Gantz].';
COMMENT ON COLUMN agreements_overview.signatories_with_office IS 'Each signatory with the office an article gives them, if any. Example: [Benny Gantz (ministre israélien de la Défense)].';
COMMENT ON COLUMN agreements_overview.signed_start IS 'First day the signature can be (inclusive); NULL when no article dates it. Example: 2021-11-01.';
COMMENT ON COLUMN agreements_overview.signed_end IS 'Last day the signature can be (inclusive). Example: 2021-11-30.';
COMMENT ON COLUMN agreements_overview.signed_precision IS 'Precision of the signature date: day, week, month, ... year.';
COMMENT ON COLUMN agreements_overview.place IS 'Where it was signed. Example: Rabat.';
COMMENT ON COLUMN agreements_overview.status IS 'Most advanced status reported: unknown, proposed, under_negotiation, signed, in_force, suspended or ended.';
COMMENT ON COLUMN agreements_overview.provisions IS 'Topics the articles say it covers, sorted. Example: [arms purchases, intelligence cooperation].';
COMMENT ON COLUMN agreements_overview.notes IS 'Remarks the articles make about it (first of its kind, how parties were inferred), sorted.';
COMMENT ON COLUMN agreements_overview.num_mentions IS 'Number of mentions over all articles.';
COMMENT ON COLUMN agreements_overview.num_articles IS 'Number of distinct articles that mention it.';
COMMENT ON COLUMN agreements_overview.first_mentioned IS 'Publication date (articles.published_start) of the earliest article mentioning it. Example: 2022-07-01.';
COMMENT ON COLUMN agreements_overview.last_mentioned IS 'Publication date of the latest article mentioning it.';
COMMENT ON COLUMN agreements_overview.languages IS 'Languages of the articles mentioning it, sorted. Example: [fr].';
COMMENT ON COLUMN agreements_overview.evidence IS 'Sentence of the first mention, as written (provenance).';
COMMENT ON COLUMN agreements_overview.article_id IS 'Article of that mention (articles.article_id).';
COMMENT ON COLUMN agreements_overview.sentence IS 'Index (0-based) of that sentence in the article.';
COMMENT ON COLUMN agreements_overview.name_start IS 'Character offset in articles.text where the agreement is named in that sentence (0-based). Example: 940.';
COMMENT ON COLUMN agreements_overview.name_end IS 'Character offset just after that name (exclusive).';
COMMENT ON COLUMN agreements_overview.article_title IS 'Title of that article, if any.';
COMMENT ON COLUMN agreements_overview.article_source IS 'Outlet of that article, if any.';
COMMENT ON COLUMN agreements_overview.article_language IS 'Language (ISO 639-1) of that article. Example: fr.';
COMMENT ON COLUMN agreements_overview.article_published IS 'First day that article can have been published. Example: 2022-07-01.';
COMMENT ON COLUMN agreements_overview.signing_event_id IS 'The event reporting the signature (event_timeline.event_id), if any.';
COMMENT ON COLUMN agreements_overview.merged_ids IS 'Mention-level agreement ids folded into this agreement (itself included).';
COMMENT ON COLUMN agreements_overview.confidence IS 'Highest rule confidence among its mentions, 0.05..0.95 (agreement_mentions.confidence: lower without parties, with an unknown or inferred status, in reported speech); filter on it, e.g. WHERE confidence >= 0.7. Example: 0.85.';

-- coverage: what the warehouse holds, by language, outlet and month, and what was quarantined.
CREATE OR REPLACE VIEW coverage AS
WITH per_article AS (
    SELECT article_id,
        (SELECT count(*) FROM mentions AS m WHERE m.article_id = a.article_id) AS actor_mentions,
        (SELECT count(*) FROM event_mentions AS m WHERE m.article_id = a.article_id) AS event_mentions,
        (SELECT count(*) FROM agreement_mentions AS m WHERE m.article_id = a.article_id) AS agreement_mentions
    FROM articles AS a
),
article AS (
    SELECT a.article_id, a.word_count, a.published_start,
        a.language AS "language",
        coalesce(a.source, '(no source)') AS "source",
        CASE
            WHEN a.published_precision IN ('day', 'month') THEN strftime(a.published_start, '%Y-%m')
            WHEN a.published_start IS NOT NULL THEN strftime(a.published_start, '%Y')
            ELSE '(undated)'
        END AS "month",
        p.actor_mentions, p.event_mentions, p.agreement_mentions,
        a.events_coverage AS coverage_level
    FROM articles AS a JOIN per_article AS p USING (article_id)
),
grouped AS (
    -- One row per article and dimension: (language, fr), (source, Le Monde), (month, 2022-07).
    UNPIVOT article ON "language", "source", "month" INTO NAME dimension VALUE value
)
SELECT
    dimension,
    value,
    count(*) AS articles,
    sum(word_count)::BIGINT AS words,
    sum(actor_mentions)::BIGINT AS actor_mentions,
    sum(event_mentions)::BIGINT AS event_mentions,
    sum(agreement_mentions)::BIGINT AS agreement_mentions,
    min(published_start) AS first_published,
    max(published_start) AS last_published,
    0::BIGINT AS quarantined_records,
    count(*) FILTER (WHERE coverage_level = 'full')::BIGINT AS events_full,
    count(*) FILTER (WHERE coverage_level = 'partial')::BIGINT AS events_partial,
    count(*) FILTER (WHERE coverage_level = 'none')::BIGINT AS events_not_extracted
FROM grouped
GROUP BY dimension, value
UNION ALL
SELECT 'quarantine_reason', reason, 0, 0, 0, 0, 0, NULL, NULL, count(*), 0, 0, 0
FROM quarantine
GROUP BY reason
ORDER BY dimension, value;
COMMENT ON VIEW coverage IS 'What the warehouse holds: articles (and what was extracted from them) per language, per source outlet and per publication month, plus quarantined input records per reason. One row per (dimension, value).';
COMMENT ON COLUMN coverage.dimension IS 'What the row counts by: language, source, month or quarantine_reason.';
COMMENT ON COLUMN coverage.value IS 'The language code, outlet name ((no source) when an article has none), publication month YYYY-MM (YYYY when the article is dated to the year only, (undated) when not at all), or quarantine reason code. Example: fr.';
COMMENT ON COLUMN coverage.articles IS 'Number of articles (0 for quarantine rows).';
COMMENT ON COLUMN coverage.words IS 'Total words in those articles.';
COMMENT ON COLUMN coverage.actor_mentions IS 'Actor mentions found in those articles (mentions).';
COMMENT ON COLUMN coverage.event_mentions IS 'Event mentions found in those articles (event_mentions).';
COMMENT ON COLUMN coverage.agreement_mentions IS 'Agreement mentions found in those articles (agreement_mentions).';
COMMENT ON COLUMN coverage.first_published IS 'Earliest publication date among those articles; NULL for quarantine rows. Example: 2021-11-25.';
COMMENT ON COLUMN coverage.last_published IS 'Latest publication date (articles.published_start) among those articles.';
COMMENT ON COLUMN coverage.quarantined_records IS 'Number of quarantined input records with that reason (0 for article rows).';
COMMENT ON COLUMN coverage.events_full IS 'Articles whose language the event stage reads in full (articles.events_coverage = full: event and agreement lexicons).';
COMMENT ON COLUMN coverage.events_partial IS 'Articles whose language the event stage reads in part (events_coverage = partial: events or agreements only).';
COMMENT ON COLUMN coverage.events_not_extracted IS 'Articles whose language has no event extraction (events_coverage = none): their zero events mean "not extracted", not "nothing happened". Articles stored before events_coverage existed are in none of the three counts.';
