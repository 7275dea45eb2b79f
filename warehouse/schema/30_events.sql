-- Events and agreements: who did what to whom, when and where, and which agreements bind whom.
-- Per-article tables (event_mentions, event_actors, agreement_mentions, agreement_parties) are
-- replaced whenever their article is re-extracted; events and agreements merge the mentions of
-- all articles and are rebuilt by warehouse/build/30_events.sql after every load.

CREATE TABLE event_mentions (
    article_id VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL,
    event_type VARCHAR NOT NULL,
    mode VARCHAR,
    context VARCHAR,
    cameo_code VARCHAR,
    quad_class INTEGER,
    goldstein DOUBLE,
    sources VARCHAR[] NOT NULL,
    targets VARCHAR[] NOT NULL,
    date_start DATE,
    date_end DATE,
    date_precision VARCHAR,
    date_source VARCHAR,
    location VARCHAR,
    location_country VARCHAR,
    evidence VARCHAR NOT NULL,
    sentence INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    trigger VARCHAR NOT NULL,
    negated BOOLEAN NOT NULL,
    modality VARCHAR,
    reported_by VARCHAR,
    confidence DOUBLE NOT NULL,
    past_tense BOOLEAN,
    extractor_version VARCHAR NOT NULL,
    PRIMARY KEY (article_id, event_id, start)
);
COMMENT ON TABLE event_mentions IS 'One row per sentence of an article that reports an event, coded in PLOVER with its CAMEO equivalent. Rows sharing event_id are the same event (see docs/events.md for the merge rule).';
COMMENT ON COLUMN event_mentions.article_id IS 'Article the mention is in (articles.article_id).';
COMMENT ON COLUMN event_mentions.event_id IS 'Stable event id: ev_ + 16 hex digits of the SHA-256 of type, sorted participants, negation and date bucket. Example: ev_7ce2e2637610eff9.';
COMMENT ON COLUMN event_mentions.event_type IS 'PLOVER event type, one of AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT.';
COMMENT ON COLUMN event_mentions.mode IS 'PLOVER mode (how): e.g. visit, phone, ceasefire, hunger, arrest, heavy-weapons; NULL when the type has none or the text does not say.';
COMMENT ON COLUMN event_mentions.context IS 'PLOVER context (what about) implied by the CAMEO code: e.g. military, economic, diplomatic; NULL when none.';
COMMENT ON COLUMN event_mentions.cameo_code IS 'Matching CAMEO event code (text with leading zero). Example: 043 (host a visit). NULL for PLOVER-only events such as resignations.';
COMMENT ON COLUMN event_mentions.quad_class IS 'PLOVER quad category: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.';
COMMENT ON COLUMN event_mentions.goldstein IS 'Goldstein conflict-cooperation weight of the CAMEO code, -10 (most conflictual) to +10; the PLOVER category score when there is no CAMEO code.';
COMMENT ON COLUMN event_mentions.sources IS 'Actor ids of the source actors (who acts), in text order. Example: [person:abdellatif-loudiyi].';
COMMENT ON COLUMN event_mentions.targets IS 'Actor ids of the target actors (who the act is directed at), in text order; empty for reciprocal events such as meetings, where every participant is a source.';
COMMENT ON COLUMN event_mentions.date_start IS 'First day the event can have happened (inclusive).';
COMMENT ON COLUMN event_mentions.date_end IS 'Last day the event can have happened (inclusive).';
COMMENT ON COLUMN event_mentions.date_precision IS 'Precision of the date range: day, week, month, quarter, season, half, year, decade or century.';
COMMENT ON COLUMN event_mentions.date_source IS 'text when the date comes from a date mention in the same sentence, publication when it falls back to the publication date (to be read as "on or before"); NULL when neither is known.';
COMMENT ON COLUMN event_mentions.location IS 'Name of the place the sentence says the event happened in (an actor of type place or state after a locative preposition). Example: Rabat.';
COMMENT ON COLUMN event_mentions.location_country IS 'ISO 3166-1 alpha-3 code of the location''s country, when known. Example: MAR.';
COMMENT ON COLUMN event_mentions.evidence IS 'The sentence that reports the event, as written in the article.';
COMMENT ON COLUMN event_mentions.sentence IS 'Index of that sentence in the article (0-based, as in the NLP stage).';
COMMENT ON COLUMN event_mentions.start IS 'Character offset in articles.text where the trigger word starts.';
COMMENT ON COLUMN event_mentions."end" IS 'Character offset in articles.text where the trigger word ends (exclusive).';
COMMENT ON COLUMN event_mentions.trigger IS 'The words that report the event, with the object that qualified them after an ellipsis. Example: participé … exercice.';
COMMENT ON COLUMN event_mentions.negated IS 'True when the sentence says the event did not happen ("n''a pas signé", "did not attend").';
COMMENT ON COLUMN event_mentions.modality IS 'asserted, planned (future or intended), proposed, or reported (attributed to a source: see reported_by).';
COMMENT ON COLUMN event_mentions.reported_by IS 'Who the sentence attributes the report to, as written. Example: le communiqué marocain.';
COMMENT ON COLUMN event_mentions.confidence IS 'Rule score 0.05..0.95 (not a calibrated probability; filter on it, e.g. >= 0.7 for dyads an analyst can use). Starts at 0.6 for a verb trigger, 0.5 for a noun; +0.10 when the entry''s object word was found ("lifted ... curfew"); +0.15 with a source actor, +0.05 with a target, +0.05 more with both; +0.05 when the sentence dates it. Lowered: -0.20 with no actor named, -0.10 when actors were inferred (les deux parties, an agreement''s parties), -0.10 for an ambiguous trigger word (one that codes several event branches without its object, or a bare modal such as must), -0.10 when a figurative word was re-read (an attack on a policy coded as criticism), -0.05 for reported speech (modality reported).';
COMMENT ON COLUMN event_mentions.past_tense IS 'True when the trigger itself is written in a past tense (signed, has signed, a signé, signa, firmó, an Arabic perfect such as وقع) and no future or conditional marker governs it: the act is reported as done, so it stays asserted even when its date falls after the article''s publication date (a header dated earlier than the events it reports); a future or conditional form is planned. NULL in rows made before this column existed.';
COMMENT ON COLUMN event_mentions.extractor_version IS 'Version of the extraction code that produced the row.';

CREATE TABLE event_actors (
    article_id VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL,
    actor_id VARCHAR NOT NULL,
    role VARCHAR NOT NULL,
    inferred BOOLEAN NOT NULL,
    sentence INTEGER NOT NULL,
    start INTEGER,
    "end" INTEGER,
    actor_text VARCHAR,
    extractor_version VARCHAR NOT NULL,
    PRIMARY KEY (article_id, event_id, actor_id, role)
);
COMMENT ON TABLE event_actors IS 'Bridge between events and actors, per article: which actor plays which role in which event, and where the sentence names it.';
COMMENT ON COLUMN event_actors.article_id IS 'Article the event mention is in.';
COMMENT ON COLUMN event_actors.event_id IS 'Event (event_mentions.event_id, events.event_id).';
COMMENT ON COLUMN event_actors.actor_id IS 'Actor (actors.actor_id). Example: state:MAR.';
COMMENT ON COLUMN event_actors.role IS 'source or target.';
COMMENT ON COLUMN event_actors.inferred IS 'True when the sentence does not name the actor and it was carried over (from the previous event for "les deux parties", or from an agreement''s parties for its signing).';
COMMENT ON COLUMN event_actors.sentence IS 'Sentence of the first mention of the event in this article.';
COMMENT ON COLUMN event_actors.start IS 'Character offset in articles.text where that sentence names the actor; NULL when inferred.';
COMMENT ON COLUMN event_actors."end" IS 'Character offset where that naming ends (exclusive); NULL when inferred.';
COMMENT ON COLUMN event_actors.actor_text IS 'The actor mention as written in that sentence; NULL when inferred.';
COMMENT ON COLUMN event_actors.extractor_version IS 'Version of the extraction code that produced the row.';

CREATE TABLE agreement_mentions (
    article_id VARCHAR NOT NULL,
    agreement_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    normalized_name VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    domain VARCHAR,
    parties VARCHAR[] NOT NULL,
    parties_key VARCHAR NOT NULL,
    signatories VARCHAR[] NOT NULL,
    signed_start DATE,
    signed_end DATE,
    signed_precision VARCHAR,
    place VARCHAR,
    status VARCHAR NOT NULL,
    provisions VARCHAR[] NOT NULL,
    notes VARCHAR[] NOT NULL,
    evidence VARCHAR NOT NULL,
    sentence INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    signing_event_id VARCHAR,
    confidence DOUBLE,
    extractor_version VARCHAR NOT NULL,
    PRIMARY KEY (article_id, agreement_id, start)
);
COMMENT ON TABLE agreement_mentions IS 'One row per place an article names an agreement (including "l''accord" referring back to one), with what the article as a whole says about that agreement.';
COMMENT ON COLUMN agreement_mentions.article_id IS 'Article the mention is in.';
COMMENT ON COLUMN agreement_mentions.agreement_id IS 'Stable agreement id: ag_ + 16 hex digits of the SHA-256 of type, sorted parties and signature month (or year, or undated). Example: ag_9038acb967f80ce4.';
COMMENT ON COLUMN agreement_mentions.name IS 'The agreement as named at this place, as written. Example: accord-cadre.';
COMMENT ON COLUMN agreement_mentions.normalized_name IS 'Language-independent name: domain, type, parties, signature date. Example: defence framework agreement Israel – Morocco (2021-11).';
COMMENT ON COLUMN agreement_mentions.type IS 'framework_agreement, memorandum_of_understanding, cooperation_agreement, defence_agreement, arms_deal, trade_agreement, ceasefire, peace_agreement, normalisation_of_relations, treaty, joint_declaration, or agreement (not said).';
COMMENT ON COLUMN agreement_mentions.domain IS 'What the agreement is about: defence, security, intelligence, trade, economic, energy, diplomatic, nuclear, migration, health, humanitarian; NULL when the text gives no cue.';
COMMENT ON COLUMN agreement_mentions.parties IS 'Actor ids of the parties the text says are bound (states, international organisations, and the political parties, companies or armed groups an agreement between them names); empty when the text does not say. Example: [state:ISR, state:MAR].';
COMMENT ON COLUMN agreement_mentions.parties_key IS 'The parties sorted and joined by commas; used to match undated mentions with dated ones across articles.';
COMMENT ON COLUMN agreement_mentions.signatories IS 'Actor ids of the people who signed it (see agreement_parties for the office they held).';
COMMENT ON COLUMN agreement_mentions.signed_start IS 'First day the signature can be (inclusive); NULL when the article gives no date.';
COMMENT ON COLUMN agreement_mentions.signed_end IS 'Last day the signature can be (inclusive).';
COMMENT ON COLUMN agreement_mentions.signed_precision IS 'Precision of the signature date: day, week, month, ... year.';
COMMENT ON COLUMN agreement_mentions.place IS 'Where it was signed, as the actor stage names the place. Example: Rabat.';
COMMENT ON COLUMN agreement_mentions.status IS 'proposed, under_negotiation, signed, in_force, suspended, ended, or unknown (the article names it without saying).';
COMMENT ON COLUMN agreement_mentions.provisions IS 'Topics the article says the agreement covers. Example: [intelligence cooperation, arms purchases, joint training].';
COMMENT ON COLUMN agreement_mentions.notes IS 'Remarks the article makes about it (e.g. first of its kind, historic) and how parties were inferred, if they were.';
COMMENT ON COLUMN agreement_mentions.evidence IS 'The sentence of this mention, as written.';
COMMENT ON COLUMN agreement_mentions.sentence IS 'Index of that sentence in the article (0-based).';
COMMENT ON COLUMN agreement_mentions.start IS 'Character offset in articles.text where the agreement''s name starts.';
COMMENT ON COLUMN agreement_mentions."end" IS 'Character offset where the name ends (exclusive).';
COMMENT ON COLUMN agreement_mentions.signing_event_id IS 'The event (AGREE, CAMEO 057) reporting its signature in this article, if any.';
COMMENT ON COLUMN agreement_mentions.confidence IS 'Rule score 0.05..0.95 (not a calibrated probability; filter on it, e.g. >= 0.7 for agreements with their parties and status). Starts at 0.6 for a specific name (accord-cadre, ceasefire, memorandum of understanding), 0.5 for a generic one (agreement, deal); +0.15 with two or more parties named in the article, +0.05 with one, -0.20 with none; -0.10 when a party was inferred (the country of signature); +0.05 with a stated status, -0.10 without one (status unknown); +0.05 each for a signing word, a signature date and signatories; -0.05 when this mention is reported speech (", officials said", "selon …", "X said that …"). NULL in rows made before this column existed.';
COMMENT ON COLUMN agreement_mentions.extractor_version IS 'Version of the extraction code that produced the row.';

CREATE TABLE agreement_parties (
    article_id VARCHAR NOT NULL,
    agreement_id VARCHAR NOT NULL,
    actor_id VARCHAR NOT NULL,
    role VARCHAR NOT NULL,
    office VARCHAR,
    sentence INTEGER NOT NULL,
    start INTEGER,
    "end" INTEGER,
    actor_text VARCHAR,
    extractor_version VARCHAR NOT NULL,
    PRIMARY KEY (article_id, agreement_id, actor_id, role)
);
COMMENT ON TABLE agreement_parties IS 'Who is bound by, or signed, each agreement, per article.';
COMMENT ON COLUMN agreement_parties.article_id IS 'Article that says so.';
COMMENT ON COLUMN agreement_parties.agreement_id IS 'Agreement (agreement_mentions.agreement_id).';
COMMENT ON COLUMN agreement_parties.actor_id IS 'Actor (actors.actor_id). Example: person:benny-gantz.';
COMMENT ON COLUMN agreement_parties.role IS 'party (bound by it) or signatory (signed it).';
COMMENT ON COLUMN agreement_parties.office IS 'For a signatory, the office the article gives them. Example: ministre israélien de la Défense.';
COMMENT ON COLUMN agreement_parties.sentence IS 'Sentence of the first mention of the agreement in this article.';
COMMENT ON COLUMN agreement_parties.start IS 'Character offset where a mention of the agreement names the actor; NULL when the party was inferred or named elsewhere in the article.';
COMMENT ON COLUMN agreement_parties."end" IS 'Character offset where that naming ends (exclusive); NULL as for start.';
COMMENT ON COLUMN agreement_parties.actor_text IS 'The actor as written there; NULL as for start.';
COMMENT ON COLUMN agreement_parties.extractor_version IS 'Version of the extraction code that produced the row.';

CREATE TABLE events (
    event_id VARCHAR NOT NULL,
    event_type VARCHAR NOT NULL,
    mode VARCHAR,
    context VARCHAR,
    cameo_code VARCHAR,
    quad_class INTEGER,
    goldstein DOUBLE,
    sources VARCHAR[] NOT NULL,
    targets VARCHAR[] NOT NULL,
    date_start DATE,
    date_end DATE,
    date_precision VARCHAR,
    date_source VARCHAR,
    location VARCHAR,
    location_country VARCHAR,
    negated BOOLEAN NOT NULL,
    modality VARCHAR,
    confidence DOUBLE NOT NULL,
    evidence VARCHAR NOT NULL,
    first_article_id VARCHAR NOT NULL,
    first_sentence INTEGER NOT NULL,
    num_mentions INTEGER NOT NULL,
    num_articles INTEGER NOT NULL,
    num_sources INTEGER NOT NULL,
    first_published DATE,
    last_published DATE,
    PRIMARY KEY (event_id)
);
COMMENT ON TABLE events IS 'One row per event, merging its mentions across sentences and articles (GDELT-style counts). Rebuilt after every load from event_mentions.';
COMMENT ON COLUMN events.event_id IS 'Stable event id (event_mentions.event_id).';
COMMENT ON COLUMN events.event_type IS 'PLOVER event type.';
COMMENT ON COLUMN events.mode IS 'PLOVER mode of the most confident mention.';
COMMENT ON COLUMN events.context IS 'PLOVER context of the most confident mention.';
COMMENT ON COLUMN events.cameo_code IS 'CAMEO code of the most confident mention. Example: 043.';
COMMENT ON COLUMN events.quad_class IS 'PLOVER quad category (1..4) of that mention.';
COMMENT ON COLUMN events.goldstein IS 'Goldstein weight of that mention''s CAMEO code.';
COMMENT ON COLUMN events.sources IS 'Every actor id any mention gives as a source, sorted.';
COMMENT ON COLUMN events.targets IS 'Every actor id any mention gives as a target and no mention gives as a source, sorted.';
COMMENT ON COLUMN events.date_start IS 'First day of the most precise date the mentions give (text dates before publication dates).';
COMMENT ON COLUMN events.date_end IS 'Last day of that date range.';
COMMENT ON COLUMN events.date_precision IS 'Precision of that range.';
COMMENT ON COLUMN events.date_source IS 'text if any mention dates it in the text, else publication.';
COMMENT ON COLUMN events.location IS 'Location of the first mention that gives one.';
COMMENT ON COLUMN events.location_country IS 'ISO 3166-1 alpha-3 country of that location.';
COMMENT ON COLUMN events.negated IS 'Negation of the mentions (part of the event key, so all mentions agree).';
COMMENT ON COLUMN events.modality IS 'asserted if any mention asserts it, else the modality of the most confident mention.';
COMMENT ON COLUMN events.confidence IS 'Highest confidence among the mentions.';
COMMENT ON COLUMN events.evidence IS 'Evidence sentence of the most confident mention.';
COMMENT ON COLUMN events.first_article_id IS 'Article of the most confident mention (the evidence''s article).';
COMMENT ON COLUMN events.first_sentence IS 'Sentence index of the evidence in that article.';
COMMENT ON COLUMN events.num_mentions IS 'Number of sentences, over all articles, that report the event.';
COMMENT ON COLUMN events.num_articles IS 'Number of distinct articles that report it.';
COMMENT ON COLUMN events.num_sources IS 'Number of distinct outlets (articles.source) that report it; articles without a source count as one each.';
COMMENT ON COLUMN events.first_published IS 'Earliest publication date (start) among those articles.';
COMMENT ON COLUMN events.last_published IS 'Latest publication date (end) among those articles.';

CREATE TABLE agreements (
    agreement_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    normalized_name VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    domain VARCHAR,
    parties VARCHAR[] NOT NULL,
    signatories VARCHAR[] NOT NULL,
    signed_start DATE,
    signed_end DATE,
    signed_precision VARCHAR,
    place VARCHAR,
    status VARCHAR NOT NULL,
    provisions VARCHAR[] NOT NULL,
    notes VARCHAR[] NOT NULL,
    signing_event_id VARCHAR,
    confidence DOUBLE,
    evidence VARCHAR NOT NULL,
    first_article_id VARCHAR NOT NULL,
    first_sentence INTEGER NOT NULL,
    merged_ids VARCHAR[] NOT NULL,
    num_mentions INTEGER NOT NULL,
    num_articles INTEGER NOT NULL,
    PRIMARY KEY (agreement_id)
);
COMMENT ON TABLE agreements IS 'One row per agreement, merging its mentions across articles and languages. An undated agreement is folded into the single dated agreement with the same type and parties. Rebuilt after every load.';
COMMENT ON COLUMN agreements.agreement_id IS 'Agreement id (the dated one when undated mentions were folded into it).';
COMMENT ON COLUMN agreements.name IS 'Name of the first mention, as written.';
COMMENT ON COLUMN agreements.normalized_name IS 'Language-independent name of the best-dated mention.';
COMMENT ON COLUMN agreements.type IS 'Agreement type (see agreement_mentions.type).';
COMMENT ON COLUMN agreements.domain IS 'Domain of the first mention that gives one.';
COMMENT ON COLUMN agreements.parties IS 'Actor ids of all parties the mentions give, sorted.';
COMMENT ON COLUMN agreements.signatories IS 'Actor ids of all signatories the mentions give, sorted.';
COMMENT ON COLUMN agreements.signed_start IS 'First day of the most precise signature date given.';
COMMENT ON COLUMN agreements.signed_end IS 'Last day of that range.';
COMMENT ON COLUMN agreements.signed_precision IS 'Precision of that range.';
COMMENT ON COLUMN agreements.place IS 'Place of signature of the first mention that gives one.';
COMMENT ON COLUMN agreements.status IS 'Most advanced status reported: unknown < proposed < under_negotiation < signed < in_force < suspended < ended.';
COMMENT ON COLUMN agreements.provisions IS 'Every topic any mention says it covers, sorted.';
COMMENT ON COLUMN agreements.notes IS 'Every note any mention makes, sorted.';
COMMENT ON COLUMN agreements.signing_event_id IS 'Signing event (events.event_id) of the first mention that links one.';
COMMENT ON COLUMN agreements.confidence IS 'Highest confidence among the mentions (agreement_mentions.confidence), 0.05..0.95; NULL when every mention predates the column.';
COMMENT ON COLUMN agreements.evidence IS 'Evidence sentence of the first mention (earliest article publication, then article id, then offset).';
COMMENT ON COLUMN agreements.first_article_id IS 'Article of that mention.';
COMMENT ON COLUMN agreements.first_sentence IS 'Sentence index of that mention.';
COMMENT ON COLUMN agreements.merged_ids IS 'Mention-level agreement ids folded into this one (itself included).';
COMMENT ON COLUMN agreements.num_mentions IS 'Number of mentions over all articles.';
COMMENT ON COLUMN agreements.num_articles IS 'Number of distinct articles that mention it.';
