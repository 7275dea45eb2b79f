-- Actors: who is named in each article, and the same actors aggregated across articles.
-- Per-article tables (mentions, article_actors) are replaced whenever their article is
-- re-extracted; actor_variants, actors, actor_aliases and actor_offices merge all articles and are rebuilt by
-- warehouse/build/20_actors.sql after every load. See docs/actors.md.

CREATE TABLE mentions (
    article_id VARCHAR NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    sentence INTEGER NOT NULL,
    actor_id VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    normalized VARCHAR NOT NULL,
    rule VARCHAR NOT NULL,
    confidence DOUBLE NOT NULL,
    title VARCHAR,
    office VARCHAR,
    extractor_version VARCHAR NOT NULL,
    PRIMARY KEY (article_id, start, "end")
);
COMMENT ON TABLE mentions IS 'One row per place in an article that names, or stands for, an actor: the span, the actor it resolves to, and the rule that resolved it.';
COMMENT ON COLUMN mentions.article_id IS 'Article the mention is in (articles.article_id).';
COMMENT ON COLUMN mentions.start IS 'Character offset of the first character of the mention in articles.text (0-based).';
COMMENT ON COLUMN mentions."end" IS 'Character offset just after the last character of the mention in articles.text (exclusive).';
COMMENT ON COLUMN mentions.sentence IS 'Index (0-based) of the sentence the mention starts in, in the pipeline''s sentence split of the article.';
COMMENT ON COLUMN mentions.actor_id IS 'Stable actor id the mention resolves to (actors.actor_id). Examples: state:MAR, place:MAR:rabat, military:ISR, person:aviv-kochavi, org:polisario-front.';
COMMENT ON COLUMN mentions.text IS 'The mention as written, title and office excluded. Example: Kochavi.';
COMMENT ON COLUMN mentions.normalized IS 'The mention folded for comparison: lower case, no diacritics or punctuation, Arabic letter variants unified. Example: royaume cherifien.';
COMMENT ON COLUMN mentions.rule IS 'What resolved the mention: gazetteer (a known name), demonym (a nationality adjective, alone or with an institution noun), epithet (royaume chérifien), metonymy (a capital or building standing for its state), pattern (a title or a name shape), ner (French NER), coreference (short form, acronym or "the Kingdom" in the same article), fuzzy (a near spelling of a known name).';
COMMENT ON COLUMN mentions.confidence IS 'How sure the rule is, 0..1 (a dictionary name 0.95, a bare demonym 0.6, a capitalised guess 0.5).';
COMMENT ON COLUMN mentions.title IS 'Rank or honorific written before a person''s name, not part of the name. Example: général.';
COMMENT ON COLUMN mentions.office IS 'Office written with a person''s name, before it or in apposition. Example: ministre délégué chargé de la Défense.';
COMMENT ON COLUMN mentions.extractor_version IS 'Version of the extraction code that produced the row.';

CREATE TABLE article_actors (
    article_id VARCHAR NOT NULL,
    actor_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    country VARCHAR,
    sector VARCHAR,
    mention_count INTEGER NOT NULL,
    aliases VARCHAR[] NOT NULL,
    offices VARCHAR[] NOT NULL,
    extractor_version VARCHAR NOT NULL,
    PRIMARY KEY (article_id, actor_id)
);
COMMENT ON TABLE article_actors IS 'One row per actor named in an article, as that article presents it (name, type, country, sector, offices).';
COMMENT ON COLUMN article_actors.article_id IS 'Article the actor is named in (articles.article_id).';
COMMENT ON COLUMN article_actors.actor_id IS 'Stable actor id (actors.actor_id).';
COMMENT ON COLUMN article_actors.name IS 'Canonical name: English for states, places and dictionary organisations (CLDR / dictionary), Latin script with diacritics for people. Example: Royal Moroccan Armed Forces.';
COMMENT ON COLUMN article_actors.type IS 'state, person, organization, military, armed_group, media, igo, civilians or place.';
COMMENT ON COLUMN article_actors.country IS 'ISO 3166-1 alpha-3 code of the state the actor is or belongs to; NULL for international bodies and when unknown. Example: ISR.';
COMMENT ON COLUMN article_actors.sector IS 'CAMEO/PLOVER-style sector: GOV, MIL, POL (police, security and intelligence), JUD, LEG, OPP, REB, CVL, MED, BUS, NGO, IGO, REL, OTHER; a party is GOV or OPP on the article''s date (PTY when undated); for a dictionary person, the sector of the office held on the article''s date. NULL for places and unknown.';
COMMENT ON COLUMN article_actors.mention_count IS 'Number of mentions of the actor in the article.';
COMMENT ON COLUMN article_actors.aliases IS 'The distinct ways the article writes the actor, sorted. Example: [Maroc, royaume chérifien, Rabat].';
COMMENT ON COLUMN article_actors.offices IS 'Offices written with the person in the article, plus those the dictionary says the person held on the article''s date, sorted; empty for non-persons.';
COMMENT ON COLUMN article_actors.extractor_version IS 'Version of the extraction code that produced the row.';

CREATE TABLE actor_variants (
    actor_id VARCHAR NOT NULL,
    variant VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    country VARCHAR,
    sector VARCHAR,
    article_count INTEGER NOT NULL,
    mention_count INTEGER NOT NULL,
    first_seen DATE,
    last_seen DATE,
    PRIMARY KEY (actor_id, variant)
);
COMMENT ON TABLE actor_variants IS 'Every way articles present an actor: one row per actor and distinct (name, type, country, sector) an article gives it, with how many articles do. actors takes each attribute from the variant most articles give (ties: alphabetical). Kept up to date after every load from article_actors (a run''s counts are added to the published ones; actors whose articles were re-extracted are recounted).';
COMMENT ON COLUMN actor_variants.actor_id IS 'Actor presented this way (actors.actor_id).';
COMMENT ON COLUMN actor_variants.variant IS 'The variant''s key: name, type, country and sector as a JSON list (null when unknown). Example: ["Morocco","state","MAR",null].';
COMMENT ON COLUMN actor_variants.name IS 'Canonical name the articles give (article_actors.name).';
COMMENT ON COLUMN actor_variants.type IS 'Type the articles give (article_actors.type).';
COMMENT ON COLUMN actor_variants.country IS 'ISO 3166-1 alpha-3 code the articles give; NULL when they give none.';
COMMENT ON COLUMN actor_variants.sector IS 'Sector the articles give; NULL when they give none.';
COMMENT ON COLUMN actor_variants.article_count IS 'Number of articles presenting the actor this way.';
COMMENT ON COLUMN actor_variants.mention_count IS 'Number of mentions of the actor in those articles.';
COMMENT ON COLUMN actor_variants.first_seen IS 'Earliest publication date of those articles; NULL when none is dated.';
COMMENT ON COLUMN actor_variants.last_seen IS 'Latest publication date of those articles.';

CREATE TABLE actors (
    actor_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    country VARCHAR,
    sector VARCHAR,
    first_seen DATE,
    last_seen DATE,
    mention_count INTEGER NOT NULL,
    article_count INTEGER NOT NULL,
    PRIMARY KEY (actor_id)
);
COMMENT ON TABLE actors IS 'One row per actor across all articles. Rebuilt after every load from article_actors and mentions.';
COMMENT ON COLUMN actors.actor_id IS 'Stable actor id from a canonical key, the same in every article, language and run: state:<ISO3>, place:<ISO3>[:<city>], military:<ISO3>, police:<ISO3>, intelligence:<ISO3>, a dictionary id (person:aviv-kochavi, org:polisario-front, igo:united-nations, media:maroc-hebdo), or person:/org: + the folded name of an unknown actor.';
COMMENT ON COLUMN actors.name IS 'Canonical name as most articles give it (ties: alphabetical).';
COMMENT ON COLUMN actors.type IS 'Type as most articles give it: state, person, organization, military, armed_group, media, igo, civilians or place.';
COMMENT ON COLUMN actors.country IS 'ISO 3166-1 alpha-3 code as most articles give it; NULL when no article says.';
COMMENT ON COLUMN actors.sector IS 'Sector as most articles give it (for people it can change with their offices; see actor_offices).';
COMMENT ON COLUMN actors.first_seen IS 'Earliest publication date (articles.published_start) of an article naming the actor; NULL when no article is dated.';
COMMENT ON COLUMN actors.last_seen IS 'Latest publication date (articles.published_start) of an article naming the actor.';
COMMENT ON COLUMN actors.mention_count IS 'Number of mentions across all articles.';
COMMENT ON COLUMN actors.article_count IS 'Number of articles naming the actor.';

CREATE TABLE actor_aliases (
    actor_id VARCHAR NOT NULL,
    language VARCHAR NOT NULL,
    alias VARCHAR NOT NULL,
    mention_count INTEGER NOT NULL,
    article_count INTEGER NOT NULL,
    first_seen DATE,
    last_seen DATE,
    PRIMARY KEY (actor_id, language, alias)
);
COMMENT ON TABLE actor_aliases IS 'Every way an actor is written, by article language, across all articles. Rebuilt after every load from mentions.';
COMMENT ON COLUMN actor_aliases.actor_id IS 'Actor the alias names (actors.actor_id).';
COMMENT ON COLUMN actor_aliases.language IS 'ISO 639-1 code of the language of the articles using the alias (articles.language). Example: fr.';
COMMENT ON COLUMN actor_aliases.alias IS 'The mention text as written. Example: royaume chérifien.';
COMMENT ON COLUMN actor_aliases.mention_count IS 'Number of mentions written this way.';
COMMENT ON COLUMN actor_aliases.article_count IS 'Number of articles writing the actor this way.';
COMMENT ON COLUMN actor_aliases.first_seen IS 'Earliest publication date of an article using the alias; NULL when none is dated.';
COMMENT ON COLUMN actor_aliases.last_seen IS 'Latest publication date of an article using the alias.';

CREATE TABLE actor_offices (
    actor_id VARCHAR NOT NULL,
    office VARCHAR NOT NULL,
    first_seen DATE,
    last_seen DATE,
    article_count INTEGER NOT NULL,
    PRIMARY KEY (actor_id, office)
);
COMMENT ON TABLE actor_offices IS 'Offices held by people, with the dates articles saw them held. Rebuilt after every load from article_actors.';
COMMENT ON COLUMN actor_offices.actor_id IS 'Person holding the office (actors.actor_id).';
COMMENT ON COLUMN actor_offices.office IS 'The office, as written in an article or as the dictionary names it. Example: Minister of Defence of Israel.';
COMMENT ON COLUMN actor_offices.first_seen IS 'Earliest publication date of an article giving the office; NULL when none is dated.';
COMMENT ON COLUMN actor_offices.last_seen IS 'Latest publication date of an article giving the office.';
COMMENT ON COLUMN actor_offices.article_count IS 'Number of articles giving the office.';
