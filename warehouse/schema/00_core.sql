-- Core tables: what was read, from where, when, and what could not be used.
-- This folder is the single source of truth for the warehouse: tables, columns, types, keys and
-- meanings. docs/data-dictionary.md is generated from the COMMENTs below (`newsdesk docs`).

CREATE TABLE articles (
    article_id VARCHAR NOT NULL,
    title VARCHAR,
    source VARCHAR,
    url VARCHAR,
    language VARCHAR NOT NULL,
    language_confidence DOUBLE NOT NULL,
    language_method VARCHAR NOT NULL,
    language_alternatives VARCHAR[],
    language_reason VARCHAR,
    language_declared VARCHAR,
    published_raw VARCHAR,
    published_start DATE,
    published_end DATE,
    published_precision VARCHAR,
    text VARCHAR NOT NULL,
    char_count INTEGER NOT NULL,
    word_count INTEGER NOT NULL,
    paragraph_count INTEGER NOT NULL,
    sentence_count INTEGER NOT NULL,
    metadata_json VARCHAR,
    first_source_path VARCHAR NOT NULL,
    first_seen_run VARCHAR NOT NULL,
    first_seen_at TIMESTAMP NOT NULL,
    extractor_version VARCHAR NOT NULL,
    extraction_status VARCHAR,
    events_coverage VARCHAR,
    PRIMARY KEY (article_id)
);
COMMENT ON TABLE articles IS 'One row per distinct article (same normalised text = same article, whatever file it came from).';
COMMENT ON COLUMN articles.article_id IS 'Stable id: first 16 hex digits of the SHA-256 of the whitespace-normalised NFC text. Example: 5c1a0e9f3b2d4a61.';
COMMENT ON COLUMN articles.title IS 'Title from the header or JSON field `title`, if any.';
COMMENT ON COLUMN articles.source IS 'Publisher or outlet from the header/JSON field `source`, if any. Example: Le Monde.';
COMMENT ON COLUMN articles.url IS 'URL from the header/JSON field `url`, if any.';
COMMENT ON COLUMN articles.language IS 'ISO 639-1 code of the text language, or `und` when it cannot be decided. Example: fr.';
COMMENT ON COLUMN articles.language_confidence IS 'Probability of `language` (0..1) as the detector reported it; 1.0 for a script that settles the language.';
COMMENT ON COLUMN articles.language_method IS 'How the language was decided: langdetect, script, lexicon, header or und.';
COMMENT ON COLUMN articles.language_alternatives IS 'Other candidate languages as `code:probability`, most likely first. Example: [it:0.02].';
COMMENT ON COLUMN articles.language_reason IS 'Why the language is `und`, or why the detector was overridden. Example: too short (3 letters).';
COMMENT ON COLUMN articles.language_declared IS 'The language the source declared (header `lang` or JSON field), as written; NULL if none. Example: fr.';
COMMENT ON COLUMN articles.published_raw IS 'The publication date exactly as the source gave it. Example: 2022-07.';
COMMENT ON COLUMN articles.published_start IS 'First day the publication date can be (inclusive). Example: 2022-07-01.';
COMMENT ON COLUMN articles.published_end IS 'Last day the publication date can be (inclusive). Example: 2022-07-31.';
COMMENT ON COLUMN articles.published_precision IS 'Precision of the publication date: day, month or year; NULL when unknown.';
COMMENT ON COLUMN articles.text IS 'The article body, NFC-normalised with LF line ends. Every character offset in the warehouse points into this text.';
COMMENT ON COLUMN articles.char_count IS 'Number of characters in `text`.';
COMMENT ON COLUMN articles.word_count IS 'Number of whitespace-separated words in `text`.';
COMMENT ON COLUMN articles.paragraph_count IS 'Number of paragraphs (blocks separated by blank lines) in `text`.';
COMMENT ON COLUMN articles.sentence_count IS 'Number of sentences found by the NLP stage.';
COMMENT ON COLUMN articles.metadata_json IS 'Header keys and JSON fields newsdesk does not model, as a JSON object. Example: {"author": "A. Dupont"}.';
COMMENT ON COLUMN articles.first_source_path IS 'Absolute path of the first file this article was read from.';
COMMENT ON COLUMN articles.first_seen_run IS 'Id of the run (Prefect flow run) that first stored this article.';
COMMENT ON COLUMN articles.first_seen_at IS 'UTC time of the run that first stored this article.';
COMMENT ON COLUMN articles.extractor_version IS 'Version of the extraction code that produced this article''s derived rows. Example: 0.1.0.';
COMMENT ON COLUMN articles.extraction_status IS 'complete, or why extraction set the article aside with no derived rows (its text and language are kept; `quarantine` says more): extraction_crashed (the NLP process died), extraction_timeout, extraction_memory, extraction_failed (an error inside the extractor). `newsdesk reprocess` tries such articles again. NULL in rows stored before this column existed (extracted completely).';
COMMENT ON COLUMN articles.events_coverage IS 'Whether events and agreements were extracted for the article''s language: full (event and agreement lexicons: French, English, Spanish, Arabic), partial (only one of them), none (the language is not covered: no event or agreement rows, which does not mean nothing happened). NULL in rows stored before this column existed, or when extraction set the article aside (extraction_status). Example: full.';

CREATE TABLE article_sources (
    article_id VARCHAR NOT NULL,
    path VARCHAR NOT NULL,
    record INTEGER NOT NULL,
    content_sha256 VARCHAR NOT NULL,
    title VARCHAR,
    source VARCHAR,
    url VARCHAR,
    language_declared VARCHAR,
    published_raw VARCHAR,
    published_start DATE,
    published_end DATE,
    published_precision VARCHAR,
    metadata_json VARCHAR,
    first_seen_run VARCHAR NOT NULL,
    first_seen_at TIMESTAMP NOT NULL,
    PRIMARY KEY (article_id, path, record)
);
COMMENT ON TABLE article_sources IS 'One row per record an article was read from, with that record''s own metadata: the same text in two files is one `articles` row (which keeps the first file''s title, date and source) and two rows here. Written for every article a run reads, also when its text was already stored (no extraction then). Never replaced by re-extraction (`reprocess`). Runs before this table existed left no rows for the files they read until those files change.';
COMMENT ON COLUMN article_sources.article_id IS 'The article (articles.article_id) this record holds.';
COMMENT ON COLUMN article_sources.path IS 'Absolute path of the file the record was read from (source_files.path).';
COMMENT ON COLUMN article_sources.record IS 'Where in the file: 0 for a text file or a single JSON object; the element index (from 0) of a JSON array; the line number (from 1) of a JSON Lines file.';
COMMENT ON COLUMN article_sources.content_sha256 IS 'SHA-256 of the file version this record was last read from: join source_files on (path, content_sha256) for its status (current, superseded, deleted).';
COMMENT ON COLUMN article_sources.title IS 'Title this record gives (header or JSON field `title`), if any.';
COMMENT ON COLUMN article_sources.source IS 'Publisher or outlet this record gives, if any. Example: Le Monde.';
COMMENT ON COLUMN article_sources.url IS 'URL this record gives, if any.';
COMMENT ON COLUMN article_sources.language_declared IS 'The language this record declares (header `lang` or JSON field), as written; NULL if none.';
COMMENT ON COLUMN article_sources.published_raw IS 'The publication date exactly as this record gave it (a rejected future date is in metadata_json `date_rejected`).';
COMMENT ON COLUMN article_sources.published_start IS 'First day this record''s publication date can be (inclusive).';
COMMENT ON COLUMN article_sources.published_end IS 'Last day this record''s publication date can be (inclusive).';
COMMENT ON COLUMN article_sources.published_precision IS 'Precision of this record''s publication date: day, month or year; NULL when unknown.';
COMMENT ON COLUMN article_sources.metadata_json IS 'Header keys and JSON fields of this record newsdesk does not model, as a JSON object.';
COMMENT ON COLUMN article_sources.first_seen_run IS 'Run that first read this record.';
COMMENT ON COLUMN article_sources.first_seen_at IS 'UTC time of that run.';

CREATE TABLE source_files (
    path VARCHAR NOT NULL,
    content_sha256 VARCHAR NOT NULL,
    size_bytes BIGINT NOT NULL,
    modified_ns BIGINT NOT NULL,
    format VARCHAR NOT NULL,
    encoding VARCHAR,
    article_ids VARCHAR[] NOT NULL,
    quarantined_records INTEGER NOT NULL,
    status VARCHAR NOT NULL,
    first_seen_run VARCHAR NOT NULL,
    first_seen_at TIMESTAMP NOT NULL,
    last_seen_run VARCHAR NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    PRIMARY KEY (path, content_sha256)
);
COMMENT ON TABLE source_files IS 'One row per version of every input file seen: a file whose bytes change gets a new row and the old one is marked superseded. Nothing is deleted.';
COMMENT ON COLUMN source_files.path IS 'Absolute path of the file: a regular file found in an input folder, never through a symbolic link leading out of the input folders (a link inside them is recorded under its target''s path). A name that is not valid UTF-8 is stored with its bytes escaped (caf\xe9.txt) and not read (quarantine reason bad_name). Also a folder that could not be listed, or an entry that is not a regular file, with the quarantine row that says why.';
COMMENT ON COLUMN source_files.content_sha256 IS 'SHA-256 of the file bytes (hex); for a file over the size limit, of its first limit + 1 bytes (no more is read); empty string when nothing could be read (see `quarantine`).';
COMMENT ON COLUMN source_files.size_bytes IS 'File size in bytes, as the read saw it (fstat on the open file, so a file that changed after the folder was listed records what was read).';
COMMENT ON COLUMN source_files.modified_ns IS 'File modification time in nanoseconds since the epoch, as last seen (cheap change detection).';
COMMENT ON COLUMN source_files.format IS 'How the file was read: text, json or jsonl.';
COMMENT ON COLUMN source_files.encoding IS 'Character encoding used to decode the file (e.g. utf-8, utf-8-sig, utf-16, cp1252); NULL if it could not be decoded.';
COMMENT ON COLUMN source_files.article_ids IS 'Ids of the articles read from this version of the file, in file order.';
COMMENT ON COLUMN source_files.quarantined_records IS 'How many records of this file went to quarantine (the whole file counts as one).';
COMMENT ON COLUMN source_files.status IS 'current (the latest version seen at this path), superseded (the file changed since) or deleted (the file is gone from its input folder).';
COMMENT ON COLUMN source_files.first_seen_run IS 'Run that first read this version.';
COMMENT ON COLUMN source_files.first_seen_at IS 'UTC time of the run that first read this version.';
COMMENT ON COLUMN source_files.last_seen_run IS 'Latest publishing run that saw this version (for a deleted file: the run that found it gone).';
COMMENT ON COLUMN source_files.last_seen_at IS 'UTC time of the latest run that saw this version.';

-- The versions of a path are looked up by path when a run brings a new one (warehouse/incremental.py):
-- an index lookup, not a scan of every file version.
CREATE INDEX source_files_path ON source_files (path);

CREATE TABLE quarantine (
    path VARCHAR NOT NULL,
    content_sha256 VARCHAR NOT NULL,
    record INTEGER NOT NULL,
    reason VARCHAR NOT NULL,
    message VARCHAR NOT NULL,
    first_seen_run VARCHAR NOT NULL,
    first_seen_at TIMESTAMP NOT NULL,
    PRIMARY KEY (path, content_sha256, record)
);
COMMENT ON TABLE quarantine IS 'Every input that could not be used, with the reason, and every article kept without a value it gave (bad_header, future_date). A bad file, folder or line never stops a run.';
COMMENT ON COLUMN quarantine.path IS 'Absolute path of the file (of the folder, for unreadable_folder); a name that is not valid UTF-8 has its bytes escaped (caf\xe9.txt).';
COMMENT ON COLUMN quarantine.content_sha256 IS 'SHA-256 of the file bytes (empty string when the file could not be read at all; for too_large, of the first limit + 1 bytes).';
COMMENT ON COLUMN quarantine.record IS 'Line number (JSON Lines, from 1) or element index (JSON array, from 0) of the bad record; for a text file''s bad_header or future_date, the line number of the date header (from 1); -1 for the whole file.';
COMMENT ON COLUMN quarantine.reason IS 'Reason code: unreadable, empty, too_large, binary, undecodable, malformed_json, not_an_object, missing_text, empty_text, too_deep (JSON nested too deeply to read), bad_name (a file name that is not valid UTF-8: not read), not_a_file (a FIFO, socket, device or link to a folder: never opened), outside_link (a symbolic link leading out of the input folders: not followed), unreadable_folder (a folder that could not be listed: the files known below it are not marked deleted), read_failed (an unexpected error, named in the message); for an article stored without its publication date: bad_header (the date header or field is not a date; published_raw keeps it), future_date (the date is more than 2 days after the file was last modified; metadata date_rejected keeps it); for an article that was read but could not be extracted (stored in `articles` with its `extraction_status`): extraction_crashed, extraction_timeout, extraction_memory, extraction_failed.';
COMMENT ON COLUMN quarantine.message IS 'Human-readable explanation. Example: line 3: Expecting value: line 1 column 1 (char 0).';
COMMENT ON COLUMN quarantine.first_seen_run IS 'Run that first quarantined this input.';
COMMENT ON COLUMN quarantine.first_seen_at IS 'UTC time of that run.';

CREATE TABLE runs (
    run_id VARCHAR NOT NULL,
    flow_name VARCHAR NOT NULL,
    parameters_json VARCHAR NOT NULL,
    code_version VARCHAR NOT NULL,
    extractor_version VARCHAR NOT NULL,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP NOT NULL,
    status VARCHAR NOT NULL,
    files_seen INTEGER NOT NULL,
    files_new INTEGER NOT NULL,
    files_changed INTEGER NOT NULL,
    files_unchanged INTEGER NOT NULL,
    files_quarantined INTEGER NOT NULL,
    files_deleted INTEGER NOT NULL,
    articles_new INTEGER NOT NULL,
    articles_extracted INTEGER NOT NULL,
    table_counts_json VARCHAR NOT NULL,
    PRIMARY KEY (run_id)
);
COMMENT ON TABLE runs IS 'One row per completed ingest or reprocess run that changed the warehouse (a run that fails, or finds nothing new, leaves no row and no change).';
COMMENT ON COLUMN runs.run_id IS 'Prefect flow-run id (UUID).';
COMMENT ON COLUMN runs.flow_name IS 'Name of the Prefect flow. Example: ingest.';
COMMENT ON COLUMN runs.parameters_json IS 'Flow parameters as JSON. Example: {"inputs": ["seeds"], "batch_size": 100}.';
COMMENT ON COLUMN runs.code_version IS 'newsdesk package version and git commit, when known. Example: 0.1.0+g1a2b3c4.';
COMMENT ON COLUMN runs.extractor_version IS 'Version of the extraction stages used by the run.';
COMMENT ON COLUMN runs.started_at IS 'UTC start time.';
COMMENT ON COLUMN runs.finished_at IS 'UTC time the warehouse was published.';
COMMENT ON COLUMN runs.status IS 'completed (failed runs publish nothing).';
COMMENT ON COLUMN runs.files_seen IS 'Files found in the inputs.';
COMMENT ON COLUMN runs.files_new IS 'Files never seen at that path before.';
COMMENT ON COLUMN runs.files_changed IS 'Files whose bytes changed since the last run.';
COMMENT ON COLUMN runs.files_unchanged IS 'Files skipped because size, modification time or content hash matched.';
COMMENT ON COLUMN runs.files_quarantined IS 'Files with at least one quarantined record in this run.';
COMMENT ON COLUMN runs.files_deleted IS 'Files seen before under the run''s inputs and now gone (kept in source_files with status deleted).';
COMMENT ON COLUMN runs.articles_new IS 'Articles stored for the first time.';
COMMENT ON COLUMN runs.articles_extracted IS 'Articles whose derived rows (dates, actors, events, ...) this run built: the new ones for ingest, the re-extracted ones for reprocess.';
COMMENT ON COLUMN runs.table_counts_json IS 'Row count of every table after the run, as JSON. Example: {"articles": 1}.';

CREATE TABLE quality_checks (
    run_id VARCHAR NOT NULL,
    check_name VARCHAR NOT NULL,
    passed BOOLEAN NOT NULL,
    failing_rows BIGINT NOT NULL,
    query VARCHAR NOT NULL,
    checked_at TIMESTAMP NOT NULL,
    PRIMARY KEY (run_id, check_name)
);
COMMENT ON TABLE quality_checks IS 'Data-quality checks run on each new database before it was published (a run with a failing check publishes nothing).';
COMMENT ON COLUMN quality_checks.run_id IS 'Run whose database was checked.';
COMMENT ON COLUMN quality_checks.check_name IS 'What the check asserts. Example: dates.article_id refers to an article.';
COMMENT ON COLUMN quality_checks.passed IS 'True when no row breaks the rule.';
COMMENT ON COLUMN quality_checks.failing_rows IS 'Number of rows that break the rule.';
COMMENT ON COLUMN quality_checks.query IS 'SQL returning the offending rows; run it to see them.';
COMMENT ON COLUMN quality_checks.checked_at IS 'UTC time of the check.';
