"""Date expressions: found, spanned and resolved the way an analyst reads news (transforms/dates/finder.py).

Fixtures are short sentences written for these tests. Unless a case says otherwise the article
is published on Wednesday 2022-07-20.
"""

from __future__ import annotations

from datetime import date

import pytest

from transforms.article_parsing import parse_text_article
from transforms.dates import find_dates
from transforms.dates.publication import parse_publication_date
from transforms.records import DateMention, DateRange, Sentence

from .conftest import SEED

PUBLISHED = "2022-07-20"


def dates_in(text: str, language: str, published: str | None = PUBLISHED) -> list[DateMention]:
    anchor = parse_publication_date(published).range if published else None
    return list(find_dates(text, language, anchor, ()))


def only(text: str, language: str, published: str | None = PUBLISHED) -> DateMention:
    found = dates_in(text, language, published)
    assert len(found) == 1, [mention.text for mention in found]
    return found[0]


# (language, text, expected span text, expected value, expected first day, expected last day)
ABSOLUTE = [
    ("fr", "Il a été reçu le 19 juillet 2022 à Rabat.", "19 juillet 2022", "2022-07-19", "2022-07-19", "2022-07-19"),
    ("fr", "La normalisation date de décembre 2020.", "décembre 2020", "2020-12", "2020-12-01", "2020-12-31"),
    (
        "fr",
        "Le 1er mars 2021, le traité est entré en vigueur.",
        "1er mars 2021",
        "2021-03-01",
        "2021-03-01",
        "2021-03-01",
    ),
    ("fr", "Le document est daté du 19/07/2022.", "19/07/2022", "2022-07-19", "2022-07-19", "2022-07-19"),
    ("fr", "La réunion du 2020-12-01 a été reportée.", "2020-12-01", "2020-12-01", "2020-12-01", "2020-12-01"),
    ("fr", "L'usine a fermé en 2019.", "2019", "2019", "2019-01-01", "2019-12-31"),
    (
        "fr",
        "Dans les années 1990, la ville comptait trois usines.",
        "les années 1990",
        "199X",
        "1990-01-01",
        "1999-12-31",
    ),
    ("fr", "Le bâtiment date du XIXe siècle.", "XIXe siècle", "18XX", "1800-01-01", "1899-12-31"),
    (
        "fr",
        "Les ventes ont baissé au premier trimestre 2021.",
        "premier trimestre 2021",
        "2021-Q1",
        "2021-01-01",
        "2021-03-31",
    ),
    ("en", "The talks were held on July 19, 2022 in Rabat.", "July 19, 2022", "2022-07-19", "2022-07-19", "2022-07-19"),
    ("en", "He arrived on 19 July 2022.", "19 July 2022", "2022-07-19", "2022-07-19", "2022-07-19"),
    ("en", "Relations were normalised in December 2020.", "December 2020", "2020-12", "2020-12-01", "2020-12-31"),
    ("en", "The plant closed in 2019.", "2019", "2019", "2019-01-01", "2019-12-31"),
    ("en", "Inflation was low in the 1990s.", "the 1990s", "199X", "1990-01-01", "1999-12-31"),
    ("en", "Sales rose in 2019-Q1.", "2019-Q1", "2019-Q1", "2019-01-01", "2019-03-31"),
    ("en", "Easter 2021 was quiet.", "Easter 2021", "2021-04-04", "2021-04-04", "2021-04-04"),
    ("es", "Llegó el 19 de julio de 2022 a Rabat.", "19 de julio de 2022", "2022-07-19", "2022-07-19", "2022-07-19"),
    ("es", "El acuerdo se firmó en noviembre de 2021.", "noviembre de 2021", "2021-11", "2021-11-01", "2021-11-30"),
    ("de", "Er kam am 19. Juli 2022 in Rabat an.", "19. Juli 2022", "2022-07-19", "2022-07-19", "2022-07-19"),
    ("de", "Der Vertrag wurde am 19.07.2022 unterzeichnet.", "19.07.2022", "2022-07-19", "2022-07-19", "2022-07-19"),
    ("ar", "وصل الوفد في 19 يوليو 2022 إلى الرباط.", "19 يوليو 2022", "2022-07-19", "2022-07-19", "2022-07-19"),
    ("ar", "وصل الوفد في 19 تموز 2022 إلى الرباط.", "19 تموز 2022", "2022-07-19", "2022-07-19", "2022-07-19"),
    ("ar", "وقع الاتفاق في 19 تموز/يوليو 2022.", "19 تموز/يوليو 2022", "2022-07-19", "2022-07-19", "2022-07-19"),
    ("ar", "وصل الوفد في ١٩ يوليو ٢٠٢٢ إلى الرباط.", "١٩ يوليو ٢٠٢٢", "2022-07-19", "2022-07-19", "2022-07-19"),
]

RELATIVE = [
    ("fr", "Le ministre est arrivé hier à Paris.", "hier", "2022-07-19", "2022-07-19", "2022-07-19"),
    ("fr", "Il a démissionné mardi dernier.", "mardi dernier", "2022-07-19", "2022-07-19", "2022-07-19"),
    ("fr", "La semaine dernière, les prix ont baissé.", "La semaine dernière", "2022-W28", "2022-07-11", "2022-07-17"),
    ("fr", "Il y a trois mois, l'accord a été signé.", "Il y a trois mois", "2022-04", "2022-04-01", "2022-04-30"),
    ("fr", "L'accord sera signé le mois prochain.", "le mois prochain", "2022-08", "2022-08-01", "2022-08-31"),
    ("fr", "En novembre, les discussions avaient repris.", "novembre", "2021-11", "2021-11-01", "2021-11-30"),
    ("fr", "Le sommet aura lieu en novembre à Alger.", "novembre", "2022-11", "2022-11-01", "2022-11-30"),
    ("fr", "L'été dernier, la sécheresse a frappé.", "L'été dernier", "2021-SU", "2021-06-01", "2021-08-31"),
    ("fr", "Le traité a été ratifié le 1er mars.", "1er mars", "2022-03-01", "2022-03-01", "2022-03-01"),
    ("fr", "Les élections ont eu lieu l'an dernier.", "l'an dernier", "2021", "2021-01-01", "2021-12-31"),
    ("fr", "À Noël, les rues étaient désertes.", "Noël", "2021-12-25", "2021-12-25", "2021-12-25"),
    ("de", "An Weihnachten war es still.", "Weihnachten", "2021-12-25", "2021-12-25", "2021-12-25"),
    ("en", "The minister arrived yesterday.", "yesterday", "2022-07-19", "2022-07-19", "2022-07-19"),
    ("en", "He resigned last Tuesday.", "last Tuesday", "2022-07-19", "2022-07-19", "2022-07-19"),
    ("en", "Prices fell last week.", "last week", "2022-W28", "2022-07-11", "2022-07-17"),
    ("en", "The deal was signed three months ago.", "three months ago", "2022-04", "2022-04-01", "2022-04-30"),
    ("en", "The leaders will meet next month.", "next month", "2022-08", "2022-08-01", "2022-08-31"),
    ("en", "Talks resumed in November.", "November", "2021-11", "2021-11-01", "2021-11-30"),
    ("en", "The summit will be held in November.", "November", "2022-11", "2022-11-01", "2022-11-30"),
    ("es", "El ministro llegó ayer a Madrid.", "ayer", "2022-07-19", "2022-07-19", "2022-07-19"),
    ("es", "Dimitió el martes pasado.", "martes pasado", "2022-07-19", "2022-07-19", "2022-07-19"),
    ("es", "El acuerdo se firmó hace tres meses.", "hace tres meses", "2022-04", "2022-04-01", "2022-04-30"),
    ("es", "Los precios bajaron la semana pasada.", "la semana pasada", "2022-W28", "2022-07-11", "2022-07-17"),
    ("de", "Der Minister kam gestern an.", "gestern", "2022-07-19", "2022-07-19", "2022-07-19"),
    ("de", "Er trat letzten Dienstag zurück.", "letzten Dienstag", "2022-07-19", "2022-07-19", "2022-07-19"),
    (
        "de",
        "Das Abkommen wurde vor drei Monaten unterzeichnet.",
        "vor drei Monaten",
        "2022-04",
        "2022-04-01",
        "2022-04-30",
    ),
    ("de", "Die Gespräche wurden im November fortgesetzt.", "November", "2021-11", "2021-11-01", "2021-11-30"),
    ("ar", "وصل الوزير أمس إلى القاهرة.", "أمس", "2022-07-19", "2022-07-19", "2022-07-19"),
    ("ar", "استقال الثلاثاء الماضي.", "الثلاثاء الماضي", "2022-07-19", "2022-07-19", "2022-07-19"),
    ("ar", "وقع الاتفاق قبل ثلاثة أشهر.", "قبل ثلاثة أشهر", "2022-04", "2022-04-01", "2022-04-30"),
    ("ar", "انخفضت الأسعار الأسبوع الماضي.", "الأسبوع الماضي", "2022-W28", "2022-07-11", "2022-07-17"),
]

PART_OF_PERIOD = [
    ("fr", "Ils ont participé fin juin à l'exercice.", "fin juin", "2022-06", "2022-06-16", "2022-06-30", "late"),
    ("fr", "Début octobre, le régiment était rentré.", "Début octobre", "2021-10", "2021-10-01", "2021-10-15", "early"),
    ("fr", "Il est parti à la mi-décembre.", "la mi-décembre", "2021-12", "2021-12-11", "2021-12-20", "mid"),
    ("fr", "Le chantier a commencé début 2021.", "début 2021", "2021", "2021-01-01", "2021-04-30", "early"),
    (
        "fr",
        "La toiture a été refaite à la fin de l'année dernière.",
        "la fin de l'année dernière",
        "2021",
        "2021-09-01",
        "2021-12-31",
        "late",
    ),
    ("en", "Observers took part in late June.", "late June", "2022-06", "2022-06-16", "2022-06-30", "late"),
    ("en", "Work started in early 2021.", "early 2021", "2021", "2021-01-01", "2021-04-30", "early"),
    ("en", "He left in mid-December.", "mid-December", "2021-12", "2021-12-11", "2021-12-20", "mid"),
    ("es", "Participaron a finales de junio.", "finales de junio", "2022-06", "2022-06-16", "2022-06-30", "late"),
    ("es", "La obra empezó a principios de 2021.", "principios de 2021", "2021", "2021-01-01", "2021-04-30", "early"),
    ("de", "Sie nahmen Ende Juni teil.", "Ende Juni", "2022-06", "2022-06-16", "2022-06-30", "late"),
    ("de", "Die Arbeiten begannen Anfang 2021.", "Anfang 2021", "2021", "2021-01-01", "2021-04-30", "early"),
    ("ar", "شاركوا أواخر يونيو في المناورات.", "أواخر يونيو", "2022-06", "2022-06-16", "2022-06-30", "late"),
    ("ar", "بدأت الأشغال مطلع 2021.", "مطلع 2021", "2021", "2021-01-01", "2021-04-30", "early"),
]

# Numbers in names, quantities, stray words, times, phone numbers: not dates.
NOT_DATES = [
    ("fr", "L'exercice African Lion 2022 a mobilisé 2020 soldats."),
    ("fr", "Le Front Polisario dans sa guérilla."),
    ("fr", "Plus de 2000 personnes ont manifesté."),
    ("fr", "Mars est la quatrième planète du système solaire."),
    ("fr", "Appelez le 03.29.88.12.34 pour réserver."),
    ("fr", "Le score final était de 3-1."),
    ("fr", "Il a été élu au premier tour."),
    ("fr", "Les bureaux ouvrent le mercredi."),
    ("en", "Theresa May said the vote may be delayed."),
    ("en", "Easter Island is remote."),
    ("fr", "Noël Mamère a voté contre."),
    ("fr", "Le bureau est ouvert du lundi au vendredi."),
    ("en", "Exercise African Lion 2022 ended with 2020 soldiers deployed."),
    ("en", "More than 2000 people marched."),
    ("es", "Julio Iglesias cantó por la mañana."),
    ("es", "Murieron 2020 personas en el terremoto."),
    ("de", "Am Morgen kam August Müller an."),
    ("de", "Rund 2000 Menschen demonstrierten."),
    ("ar", "احتفلت البلاد باليوم الوطني."),
    ("ar", "قتل 2020 شخصا في الزلزال."),
    ("ar", "مارس الضغط على الحكومة."),
]


def _check(mention: DateMention, span: str, value: str, first: str, last: str) -> None:
    assert (mention.text, mention.value) == (span, value)
    assert (mention.date_start, mention.date_end) == (date.fromisoformat(first), date.fromisoformat(last))


@pytest.mark.parametrize(("language", "text", "span", "value", "first", "last"), ABSOLUTE)
def test_absolute_dates_resolve_on_their_own(
    language: str, text: str, span: str, value: str, first: str, last: str
) -> None:
    mention = only(text, language)
    _check(mention, span, value, first, last)
    assert (mention.kind, mention.anchor, mention.method) == ("absolute", None, "rules")


@pytest.mark.parametrize(("language", "text", "span", "value", "first", "last"), RELATIVE)
def test_relative_dates_resolve_against_publication(
    language: str, text: str, span: str, value: str, first: str, last: str
) -> None:
    mention = only(text, language)
    _check(mention, span, value, first, last)
    assert (mention.kind, mention.anchor) == ("relative_publication", PUBLISHED)


@pytest.mark.parametrize(("language", "text", "span", "value", "first", "last", "modifier"), PART_OF_PERIOD)
def test_parts_of_periods_narrow_the_range(
    language: str, text: str, span: str, value: str, first: str, last: str, modifier: str
) -> None:
    mention = only(text, language)
    _check(mention, span, value, first, last)
    assert mention.modifier == modifier


@pytest.mark.parametrize(("language", "text"), NOT_DATES)
def test_names_quantities_and_stray_words_are_not_dates(language: str, text: str) -> None:
    assert dates_in(text, language) == []


# --- the seed article -----------------------------------------------------------------------


def test_seed_article_gives_its_six_dates_and_nothing_else() -> None:
    article = parse_text_article(SEED.read_text(encoding="utf-8")).articles[0]
    published = parse_publication_date(article.date).range
    assert published == DateRange(date(2022, 7, 1), date(2022, 7, 31), "month")
    found = [
        (m.text, m.date_start.isoformat(), m.date_end.isoformat(), m.precision, m.modifier, m.kind)
        for m in find_dates(article.text, "fr", published, ())
    ]
    assert found == [
        ("décembre 2020", "2020-12-01", "2020-12-31", "month", None, "absolute"),
        ("19 juillet 2022", "2022-07-19", "2022-07-19", "day", None, "absolute"),
        ("novembre 2021", "2021-11-01", "2021-11-30", "month", None, "absolute"),
        ("novembre 2020", "2020-11-01", "2020-11-30", "month", None, "absolute"),
        ("fin juin", "2022-06-16", "2022-06-30", "month", "late", "relative_publication"),
        ("Fin mars", "2022-03-16", "2022-03-31", "month", "late", "relative_publication"),
    ]


# --- resolution rules -----------------------------------------------------------------------


def test_a_month_precise_publication_turns_relative_days_into_ranges() -> None:
    mention = only("Le ministre est arrivé hier.", "fr", published="2022-07")
    assert (mention.date_start, mention.date_end) == (date(2022, 6, 30), date(2022, 7, 30))
    assert (mention.precision, mention.value) == ("month", "2022-06-30/2022-07-30")


def test_a_month_precise_publication_still_pins_a_past_month() -> None:
    mention = only("En novembre, l'accord avait été signé.", "fr", published="2022-07")
    assert (mention.value, mention.anchor) == ("2021-11", "2022-07")


def test_without_publication_date_relative_expressions_are_left_out() -> None:
    found = dates_in("Hier, fin juin et le 19 juillet 2022.", "fr", published=None)
    assert [(m.text, m.kind) for m in found] == [("19 juillet 2022", "absolute")]


def test_a_named_weekday_picks_the_year_it_fits() -> None:
    mention = only("Le club prépare pour dimanche 29 août une course de côte.", "fr", published="1999-08-10")
    assert mention.value == "1999-08-29"


def test_a_day_without_year_takes_the_nearest_occurrence_without_a_tense() -> None:
    assert only("Un sommet le 23 juin à Lisbonne.", "fr", published="2004-06-11").value == "2004-06-23"


def test_future_markers_send_a_bare_weekday_forward() -> None:
    assert only("Le ministre se rendra jeudi à Alger.", "fr").value == "2022-07-21"


def test_next_with_a_weekday_means_the_coming_one() -> None:
    assert only("Il reviendra mardi prochain.", "fr").value == "2022-07-26"


def test_a_pair_lends_its_year_to_the_first_date() -> None:
    found = dates_in("Du 21 octobre au 12 janvier 2016, le pont est resté fermé.", "fr")
    assert [(m.text, m.value, m.kind) for m in found] == [
        ("21 octobre", "2015-10-21", "absolute"),
        ("12 janvier 2016", "2016-01-12", "absolute"),
    ]


def test_a_pair_lends_its_month_and_direction_to_the_first_day() -> None:
    found = dates_in("Les deux tours se tiendront les 9 et 23 avril prochains.", "fr")
    assert [(m.text, m.value) for m in found] == [("9", "2023-04-09"), ("23 avril prochains", "2023-04-23")]


def test_the_next_day_follows_the_date_before_it() -> None:
    found = dates_in("Le 3 mai 2021, le sommet s'est ouvert. Le lendemain, il a été suspendu.", "fr")
    assert [(m.text, m.value, m.kind, m.anchor) for m in found][-1] == (
        "Le lendemain",
        "2021-05-04",
        "relative_text",
        "2021-05-03",
    )


def test_the_eve_of_an_event_is_not_a_date() -> None:
    assert dates_in("La veille de l'élection, le calme régnait.", "fr") == []


def test_signal_words_set_the_modifier() -> None:
    modifiers = [m.modifier for m in dates_in("Depuis 1998, avant le 15 mai 2021 et vers le 3 juin 2021.", "fr")]
    assert modifiers == ["after", "before", "approximate"]


def test_seasons_are_meteorological_and_winter_is_named_by_its_december() -> None:
    mention = only("L'hiver 2021 a été rude.", "fr")
    assert (mention.value, mention.date_start, mention.date_end) == ("2021-WI", date(2021, 12, 1), date(2022, 2, 28))


def test_two_digit_years_take_the_century_that_fits_publication() -> None:
    assert only("Les faits remontent au 10 novembre 93.", "fr", published="2002-01-21").value == "1993-11-10"


def test_english_numeric_dates_read_month_first_when_ambiguous() -> None:
    assert only("The memo is dated 03/04/2022.", "en").value == "2022-03-04"


def test_a_day_over_twelve_settles_the_numeric_order() -> None:
    assert only("The memo is dated 19/07/2022.", "en").value == "2022-07-19"


def test_sentence_index_comes_from_the_given_sentences() -> None:
    text = "Rien. Il est arrivé hier."
    sentences = (Sentence(0, 0, 5), Sentence(1, 6, len(text)))
    (mention,) = find_dates(text, "fr", parse_publication_date(PUBLISHED).range, sentences)
    assert mention.sentence == 1


# --- other languages ------------------------------------------------------------------------


def test_other_languages_fall_back_to_dateparser_for_explicit_dates() -> None:
    found = dates_in("Il generale è stato ricevuto il 19 luglio 2022. Ieri è partito, nel 2020.", "it")
    assert [(m.text, m.value, m.method, m.kind) for m in found] == [
        ("19 luglio 2022", "2022-07-19", "dateparser", "absolute")
    ]


def test_fallback_keeps_month_precision_when_no_day_is_written() -> None:
    (mention,) = dates_in("L'accordo è stato firmato nel novembre 2021.", "it")
    assert (mention.value, mention.precision) == ("2021-11", "month")


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("O acordo foi assinado em novembro de 2021.", "pt", "2021-11"),
        ("Соглашение подписано 19 июля 2022 года в Москве.", "ru", "2022-07-19"),
        ("Het verdrag werd op 19-07-2022 ondertekend.", "nl", "2022-07-19"),
        ("این توافق در ۲۵ اکتبر ۱۹۲۸ امضا شد.", "fa", "1928-10-25"),  # Persian kaf, Persian digits
        ("Umowę podpisano w listopadzie 2021 roku.", "pl", "2021-11"),
        ("Η συμφωνία υπογράφηκε στις 15 ΜΑΪΟΥ 2022 στην Αθήνα.", "el", "2022-05-15"),  # capitals, diaeresis
        ("این توافق در ۲۵ اوریل ۲۰۲۲ امضا شد.", "fa", "2022-04-25"),  # alef written without its madda
    ],
)
def test_fallback_searches_every_sentence_that_may_hold_a_date(text: str, language: str, value: str) -> None:
    found = dates_in(f"Nothing here in 1999. {text}", language)
    assert value in [mention.value for mention in found]


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("Smlouva byla podepsána 3. července 2022 v Praze.", "cs", "2022-07-03"),
        ("Sopimus allekirjoitettiin 3. heinäkuuta 2022 Helsingissä.", "fi", "2022-07-03"),
    ],
)
def test_fallback_reads_a_date_the_sentence_splitter_cut(text: str, language: str, value: str) -> None:
    sentences = (Sentence(0, 0, text.index(".") + 1), Sentence(1, text.index(".") + 2, len(text)))  # "3." ends one
    assert value in [mention.value for mention in find_dates(text, language, None, sentences)]


def test_fallback_skips_sentences_without_a_year_in_digits() -> None:
    assert dates_in("Il generale è arrivato il 19 luglio. Ieri è partito.", "it") == []


def test_empty_text_has_no_dates() -> None:
    assert dates_in("   ", "fr") == []
