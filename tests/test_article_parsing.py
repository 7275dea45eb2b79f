import json
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from transforms.article_parsing import HEADER_KEYS, parse_json_articles, parse_text_article


def test_header_and_body_may_share_the_first_line() -> None:
    parsed = parse_text_article(" date 2022-07 Le rapprochement entre le Maroc et Israël.\n\nSuite.")
    (article,) = parsed.articles
    assert article.date == "2022-07"
    assert article.text == "Le rapprochement entre le Maroc et Israël.\n\nSuite."


def test_header_keys_are_case_insensitive_and_colon_optional() -> None:
    parsed = parse_text_article("TITLE: Sommet à Alger\nDate 19 juillet 2022\nSource: Exemple\n\nCorps.")
    (article,) = parsed.articles
    assert (article.title, article.date, article.source, article.text) == (
        "Sommet à Alger",
        "19 juillet 2022",
        "Exemple",
        "Corps.",
    )


def test_unknown_colon_keys_are_kept_as_metadata() -> None:
    (article,) = parse_text_article("Author: A. Dupont\ntitle Accord\n\nTexte.").articles
    assert article.metadata == {"author": "A. Dupont"}
    assert article.title == "Accord"


def test_a_timestamp_header_keeps_its_time_and_zone() -> None:
    (article,) = parse_text_article("Date: Tue, 19 Jul 2022 10:00:00 +0200\n\nBody.").articles
    assert article.date == "Tue, 19 Jul 2022 10:00:00 +0200"


def test_text_without_header_is_all_body() -> None:
    (article,) = parse_text_article("Le Maroc: un partenaire.\nDeuxième ligne.").articles
    assert article.date is None
    assert article.text == "Le Maroc: un partenaire.\nDeuxième ligne."


def test_a_date_key_followed_by_words_that_are_not_a_date_is_body() -> None:
    (article,) = parse_text_article("date limite dépassée pour les négociations.").articles
    assert article.date is None
    assert article.text.startswith("date limite")


def test_header_without_body_is_a_problem() -> None:
    parsed = parse_text_article("title Seulement un titre\ndate 2022-07-01\n")
    assert parsed.articles == ()
    assert [problem.reason for problem in parsed.problems] == ["empty_text"]


def test_json_lines_keep_good_lines_beside_bad_ones() -> None:
    lines = "\n".join(
        [
            json.dumps({"text": "Premier article.", "date": "2022-01-02", "section": "Monde"}),
            "{not json",
            json.dumps(["a", "list"]),
            json.dumps({"title": "no text"}),
            json.dumps({"body": "Second article.", "published": 1658224800}),
        ]
    )
    parsed = parse_json_articles(lines, lines=True)
    assert [article.text for article in parsed.articles] == ["Premier article.", "Second article."]
    assert [(p.reason, p.record) for p in parsed.problems] == [
        ("malformed_json", 2),
        ("not_an_object", 3),
        ("missing_text", 4),
    ]
    assert parsed.articles[0].metadata == {"section": "Monde"}
    assert parsed.articles[1].date == "1658224800"


def test_a_json_array_gives_one_article_per_object() -> None:
    parsed = parse_json_articles(json.dumps([{"text": "Un."}, {"content": "Deux.", "lang": "fr"}]), lines=False)
    assert [(a.record_index, a.text, a.lang) for a in parsed.articles] == [(0, "Un.", None), (1, "Deux.", "fr")]


def test_malformed_json_document_is_one_problem() -> None:
    parsed = parse_json_articles('{"text": "cut', lines=False)
    assert parsed.articles == ()
    assert parsed.problems[0].reason == "malformed_json"


body_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters=":"), min_size=1, max_size=80
).filter(
    lambda text: text.strip() and text.strip().split()[0].lower() not in {"date", "title", "source", "url", "lang"}
)


@given(
    title=st.text(alphabet="abcdefghijklmnopqrstuvwxyz éà", min_size=1, max_size=30).filter(str.strip), body=body_text
)
def test_a_title_header_and_body_round_trip(title: str, body: str) -> None:
    (article,) = parse_text_article(f"title {title}\n\n{body}").articles
    assert article.title == title.strip()
    assert article.text == body.strip()


@given(st.text(max_size=300))
def test_text_parsing_never_raises_and_keeps_body_text_from_the_input(text: str) -> None:
    parsed = parse_text_article(text)
    for article in parsed.articles:
        assert article.text.strip() == article.text
        assert all(part in text for part in article.text.split("\n"))


@given(st.text(max_size=300))
def test_json_lines_parsing_never_raises(text: str) -> None:
    parsed = parse_json_articles(text, lines=True)
    assert all(problem.record >= 1 for problem in parsed.problems)


def test_a_dateline_is_body_text_not_a_header() -> None:
    (article,) = parse_text_article("ALGER: Le gouvernement a rappelé son ambassadeur.\n\nSuite du texte.").articles
    assert article.metadata == {}
    assert article.text.startswith("ALGER: Le gouvernement")


def test_a_first_paragraph_starting_with_a_header_word_stays_body() -> None:
    text = "Source of the dispute is water.\nBoth countries claim the river."
    (article,) = parse_text_article(text).articles
    assert article.source is None
    assert article.text == text


def test_header_lines_must_end_with_a_blank_line_or_start_the_body() -> None:
    (article,) = parse_text_article("Author: A. Dupont\nLe ministre est arrivé.").articles
    assert article.metadata == {}
    assert article.text == "Author: A. Dupont\nLe ministre est arrivé."


# --- Headers with a bad value, and a date line with the body right after it (issue 12, item 10) --


def test_a_date_header_that_is_not_a_date_keeps_the_other_headers() -> None:
    (article,) = parse_text_article(
        "Date: 2022-13-45\nTitle: Sommet à Alger\nSource: Exemple\n\nCorps du texte."
    ).articles
    assert (article.title, article.source, article.date, article.date_line) == (
        "Sommet à Alger",
        "Exemple",
        "2022-13-45",
        1,
    )
    assert article.text == "Corps du texte."


def test_a_date_line_followed_directly_by_the_body_keeps_its_date() -> None:
    (article,) = parse_text_article("date 2023-05-02\nLe ministre est arrivé à Rabat.\nSuite.").articles
    assert (article.date, article.text) == ("2023-05-02", "Le ministre est arrivé à Rabat.\nSuite.")


def test_a_colon_date_header_with_words_needs_a_blank_line_to_be_a_header() -> None:
    (article,) = parse_text_article("Date: to be confirmed\nThe summit is planned for spring.").articles
    assert article.date is None
    assert article.text.startswith("Date: to be confirmed")


body_words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéà ", min_size=1, max_size=60).filter(
    lambda text: text.strip() and text.split()[0] not in HEADER_KEYS
)


@given(
    year=st.integers(1900, 2100),
    month=st.integers(13, 99),
    day=st.integers(1, 99),
    title=st.text(alphabet="abcdefghijklmnopqrstuvwxyz éà", min_size=1, max_size=30).filter(str.strip),
    body=body_words,
)
def test_an_impossible_date_never_turns_the_header_into_body_text(
    year: int, month: int, day: int, title: str, body: str
) -> None:
    raw = f"{year}-{month:02d}-{day:02d}"
    (article,) = parse_text_article(f"Date: {raw}\nTitle: {title}\n\n{body}").articles
    assert (article.date, article.title, article.text) == (raw, title.strip(), body.strip())


@given(day=st.dates(min_value=date(1950, 1, 1), max_value=date(2049, 12, 31)), body=body_words)
def test_a_date_line_then_the_body_keeps_any_date(day: date, body: str) -> None:
    (article,) = parse_text_article(f"date {day.isoformat()}\n{body}").articles
    assert (article.date, article.text) == (day.isoformat(), body.strip())


def test_json_nested_too_deeply_is_one_problem_not_a_crash() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    assert [(p.reason, p.record) for p in parse_json_articles(deep, lines=False).problems] == [("too_deep", -1)]
    lines = parse_json_articles(json.dumps({"text": "Bon article."}) + "\n" + deep, lines=True)
    assert [article.text for article in lines.articles] == ["Bon article."]
    assert [(p.reason, p.record) for p in lines.problems] == [("too_deep", 2)]
