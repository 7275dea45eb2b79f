-- Dates: every date expression found in an article, resolved to an inclusive range of days.
-- Per-article table: replaced whenever its article is re-extracted (transforms/dates/finder.py,
-- rows from warehouse/rows/dates.py; conventions in docs/dates.md).

CREATE TABLE dates (
    article_id VARCHAR NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    sentence INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    value VARCHAR NOT NULL,
    date_start DATE NOT NULL,
    date_end DATE NOT NULL,
    precision VARCHAR NOT NULL,
    modifier VARCHAR,
    kind VARCHAR NOT NULL,
    anchor VARCHAR,
    method VARCHAR NOT NULL,
    extractor_version VARCHAR NOT NULL,
    PRIMARY KEY (article_id, start, "end")
);
COMMENT ON TABLE dates IS 'One row per date expression in an article ("19 juillet 2022", "fin juin", "last Tuesday"), with the range of days it stands for, read against the publication date when it needs one. Filter events by when things happened, not when they were reported.';
COMMENT ON COLUMN dates.article_id IS 'Article the expression is in (articles.article_id).';
COMMENT ON COLUMN dates.start IS 'Character offset of the first character of the expression in articles.text (0-based).';
COMMENT ON COLUMN dates."end" IS 'Character offset just after the expression in articles.text (end exclusive): text = substring(articles.text, start + 1, "end" - start).';
COMMENT ON COLUMN dates.sentence IS 'Index (0-based) of the sentence of articles.text the expression starts in, as the NLP stage split it.';
COMMENT ON COLUMN dates.text IS 'The expression exactly as written. Example: fin juin.';
COMMENT ON COLUMN dates.value IS 'TimeML-style value of the period named: 2022-07-19, 2022-07, 2022, 2022-W29, 2022-W29-WE (weekend), 2021-SU (season), 2021-Q1, 2021-H2, 199X (decade), 19XX (century); an ISO interval when no single value names it (2014/2018; 2022-06-30/2022-07-30 when the publication date is only known to the month). Example: 2022-06.';
COMMENT ON COLUMN dates.date_start IS 'First day the expression can mean (inclusive). For a part of a period it is the part: fin juin 2022 gives 2022-06-16.';
COMMENT ON COLUMN dates.date_end IS 'Last day the expression can mean (inclusive). Example: 2022-06-30.';
COMMENT ON COLUMN dates.precision IS 'Granularity of the period named: day, week, month, quarter, season, half, year, decade or century (the publication date''s precision when an imprecise publication date widened the range).';
COMMENT ON COLUMN dates.modifier IS 'early, mid or late for a part of a period (début, mi-, fin, early, late...); before, after or approximate when a signal word precedes the expression (avant, depuis, since, vers, around); NULL otherwise.';
COMMENT ON COLUMN dates.kind IS 'absolute (the expression names its year), relative_publication (read against the publication date: hier, fin mars, last week) or relative_text (read against an earlier date in the text: le lendemain, two days later).';
COMMENT ON COLUMN dates.anchor IS 'Value of the date the expression was resolved against: the publication date (2022-07, 2022-07-20) or the earlier text date; NULL when absolute.';
COMMENT ON COLUMN dates.method IS 'rules (newsdesk lexicons and rules: fr, en, es, de, ar) or dateparser (fallback for other languages, explicit absolute dates only).';
COMMENT ON COLUMN dates.extractor_version IS 'Version of the extraction code that produced the row (transforms.pipeline.EXTRACTOR_VERSION). Example: 0.1.0.';
