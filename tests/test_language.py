"""Language identification: scripts, short text, headers, "und", determinism."""

from __future__ import annotations

import random
import re

import langdetect
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.language import (
    MIN_LETTERS,
    LanguageDetector,
    detect_language,
    langdetect_factory,
    load_knowledge,
    normalise_language,
)
from transforms.records import LanguageGuess

SENTENCES = {
    "fr": "Le gouvernement a annoncé mardi une nouvelle réforme des retraites, malgré l'opposition des syndicats.",
    "en": "The government announced on Tuesday a new pension reform, despite strong opposition from the unions.",
    "de": "Die Regierung hat am Dienstag eine neue Rentenreform angekündigt, trotz des Widerstands der Gewerkschaften.",
    "es": "El gobierno anunció el martes una nueva reforma de las pensiones, pese a la oposición de los sindicatos.",
    "pt": "O governo anunciou na terça-feira uma nova reforma da previdência, apesar da oposição dos sindicatos.",
    "it": "Il governo ha annunciato martedì una nuova riforma delle pensioni, nonostante l'opposizione dei sindacati.",
    "nl": "De regering heeft dinsdag een nieuwe pensioenhervorming aangekondigd, ondanks het verzet van de vakbonden.",
    "ru": "Правительство во вторник объявило о новой пенсионной реформе, несмотря на протесты профсоюзов.",
    "ar": "أعلنت الحكومة يوم الثلاثاء عن إصلاح جديد لنظام التقاعد رغم معارضة النقابات.",
    "fa": "دولت روز سه شنبه از اصلاحات جدید نظام بازنشستگی خبر داد، با وجود مخالفت سندیکاها.",
    "ur": "حکومت نے منگل کے روز پنشن کے نظام میں نئی اصلاحات کا اعلان کیا ہے۔",
    "he": "הממשלה הודיעה ביום שלישי על רפורמה חדשה בפנסיה, למרות התנגדות האיגודים.",
    "ja": "政府は火曜日、労働組合の反対にもかかわらず、新しい年金改革を発表した。",
    "zh": "政府周二宣布了新的养老金改革方案，尽管工会表示反对。",
    "ko": "정부는 화요일 노조의 반대에도 불구하고 새로운 연금 개혁을 발표했다.",
    "el": "Η κυβέρνηση ανακοίνωσε την Τρίτη μια νέα συνταξιοδοτική μεταρρύθμιση.",
    "sw": "Serikali imetangaza siku ya Jumanne mageuzi mapya ya mfumo wa pensheni licha ya upinzani.",
    "tr": "Hükümet salı günü sendikaların muhalefetine rağmen yeni bir emeklilik reformu açıkladı.",
}


def guess_is_valid(guess: LanguageGuess) -> bool:
    probabilities = [p for _, p in guess.alternatives]
    return (
        (guess.language == "und" or re.fullmatch(r"[a-z]{2}", guess.language) is not None)
        and 0.0 <= guess.confidence <= 1.0
        and guess.method in ("langdetect", "script", "lexicon", "header", "und")
        and all(0.0 <= p <= 1.0 for p in probabilities)
        and probabilities == sorted(probabilities, reverse=True)
    )


# --- sentences ---------------------------------------------------------------------------------


@pytest.mark.parametrize("language", sorted(SENTENCES))
def test_sentence_is_detected(language: str) -> None:
    assert detect_language(SENTENCES[language]).language == language


def test_long_latin_text_is_decided_by_langdetect() -> None:
    guess = detect_language(" ".join([SENTENCES["fr"]] * 4))
    assert (guess.language, guess.method) == ("fr", "langdetect")
    assert guess.confidence > 0.9


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("שלום לכולם", "he"),
        ("안녕하세요", "ko"),
        ("カタカナ", "ja"),
        ("北京", "zh"),
        ("Καλημέρα", "el"),
        ("สวัสดี", "th"),
    ],
)
def test_script_settles_language(text: str, language: str) -> None:
    guess = detect_language(text)
    assert (guess.language, guess.method) == (language, "script")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("El govern ha anunciat aquest dimarts una nova reforma de les pensions, malgrat l'oposició.", "ca"),
        ("Regeringen har tirsdag annonceret en ny pensionsreform trods modstand fra fagforeningerne.", "da"),
        ("Die regering het Dinsdag 'n nuwe pensioenhervorming aangekondig, ten spyte van teenkanting.", "af"),
        ("Уряд у вівторок оголосив про нову пенсійну реформу, незважаючи на протести профспілок.", "uk"),
    ],
)
def test_sentences_in_languages_with_a_low_prior_are_still_detected(text: str, language: str) -> None:
    assert detect_language(text).language == language


def test_latin_boilerplate_does_not_hide_an_urdu_headline() -> None:
    text = "Latest News Business Economy Updates Online " + "حکومت نے منگل کے روز نئی اصلاحات کا اعلان کیا"
    assert detect_language(text).language == "ur"


def test_han_with_kana_is_japanese_not_chinese() -> None:
    assert detect_language("東京の天気").language == "ja"


def test_mostly_latin_article_with_a_hebrew_quote_is_not_hebrew() -> None:
    assert detect_language(SENTENCES["en"] + " שלום").language == "en"


# --- Arabic script -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("یہ بہت اچھا ہے", "ur"),  # ے ہ: letters Persian does not write
        ("پدر و مادر", "fa"),  # پ: a letter Arabic does not write
        ("المدرسة الجديدة", "ar"),  # ة: Arabic's teh marbuta
    ],
)
def test_arabic_script_letters_split_arabic_persian_urdu(text: str, language: str) -> None:
    assert detect_language(text).language == language


# --- short Latin and Cyrillic text ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("selon nous", "fr"),
        ("sin embargo", "es"),
        ("nas eleições", "pt"),
        ("und dann", "de"),
        ("straße", "de"),
        ("ongeveer twintig", "nl"),
        ("kwenye mkutano", "sw"),
        ("dengan mereka", "id"),
        ("değil mi", "tr"),
        ("przez nich", "pl"),
        ("också här", "sv"),
        ("которые были", "ru"),
    ],
)
def test_word_pairs_and_words(text: str, language: str) -> None:
    assert detect_language(text).language == language


def test_frequent_words_that_overturn_ngrams_are_reported_as_lexicon() -> None:
    guess = detect_language("sin embargo")  # n-grams alone lean Indonesian
    assert (guess.language, guess.method) == ("es", "lexicon")
    assert "n-grams alone: id" in (guess.reason or "")
    assert "words of es: embargo sin" in (guess.reason or "")


def test_letter_a_language_does_not_write_is_reported() -> None:
    guess = detect_language("niño")
    assert guess.language == "es"
    assert "sw does not write ñ" in (guess.reason or "")


def test_words_layer_changes_a_short_text_reading() -> None:
    text = "para ellos"
    with_words = LanguageDetector().read(text).probabilities
    without_words = LanguageDetector(use_words=False).read(text).probabilities
    assert with_words["es"] > without_words["es"]


def test_shouted_headline_is_read_like_a_normal_one() -> None:
    assert detect_language("LE GOUVERNEMENT ANNONCE UNE NOUVELLE RÉFORME DES RETRAITES").language == "fr"


# --- und -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "2022-07-19 12:00", "+33 (0)1 23 45 67 89", "!!! ???", "\u0640\u0640"])
def test_text_without_letters_is_und(text: str) -> None:
    guess = detect_language(text)
    assert (guess.language, guess.method, guess.reason) == ("und", "und", "no letters")
    assert guess.confidence == 0.0 and guess.alternatives == ()


@pytest.mark.parametrize("text", ["la", "UN", "de 12", "ок"])
def test_text_too_short_is_und(text: str) -> None:
    guess = detect_language(text)
    assert guess.language == "und"
    assert guess.reason is not None and guess.reason.startswith("too short (")


def test_too_short_reason_counts_letters() -> None:
    assert detect_language("du 14").reason == "too short (2 letters)"


def test_min_letters_is_where_answers_start() -> None:
    assert detect_language("a" * (MIN_LETTERS - 1)).language == "und"
    assert detect_language("casa" + "s" * (MIN_LETTERS - 4)).language != "und"


# --- headers -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "declared", ["fr", "FR", "fra", "fre", "fr-FR", "fr_CA", "French", "french", "français", "Francais", " fr "]
)
def test_declared_french_is_normalised(declared: str) -> None:
    guess = detect_language(SENTENCES["fr"], declared=declared)
    assert (guess.language, guess.method) == ("fr", "header")


@pytest.mark.parametrize(
    ("declared", "code"),
    [
        ("Persian", "fa"),
        ("Farsi", "fa"),
        ("فارسی", "fa"),
        ("arb", "ar"),
        ("iw", "he"),
        ("Deutsch", "de"),
        ("Swahili", "sw"),
        ("Kiswahili", "sw"),
        ("zh-Hans", "zh"),
        ("pt-BR", "pt"),
        ("urd", "ur"),
        ("العربية", "ar"),
    ],
)
def test_language_codes_and_names_map_to_iso_639_1(declared: str, code: str) -> None:
    assert normalise_language(declared) == code


@pytest.mark.parametrize("declared", ["xx", "und", "zxx", "mul", "Klingonish", "12", "fr-FR-xyz-!!", "?"])
def test_invalid_declared_language_is_ignored(declared: str) -> None:
    guess = detect_language(SENTENCES["de"], declared=declared)
    assert (guess.language, guess.method) == ("de", "langdetect")
    assert guess.reason is not None and "ignored header language" in guess.reason


def test_empty_declared_language_is_no_header() -> None:
    assert detect_language(SENTENCES["de"], declared="  ") == detect_language(SENTENCES["de"])


def test_header_agreeing_with_text_is_confident() -> None:
    guess = detect_language(SENTENCES["es"], declared="es")
    assert guess.confidence > 0.95
    assert "reads as" not in (guess.reason or "")


def test_header_contradicted_by_text_is_kept_but_flagged() -> None:
    guess = detect_language(SENTENCES["en"], declared="fr")
    assert (guess.language, guess.method) == ("fr", "header")
    assert "reads as en" in (guess.reason or "")
    assert guess.confidence < 0.6
    assert guess.alternatives[0][0] == "en"


def test_header_on_text_too_short_to_check() -> None:
    guess = detect_language("OK", declared="en")
    assert (guess.language, guess.method, guess.confidence) == ("en", "header", 0.75)


# --- determinism ---------------------------------------------------------------------------------

MIXED = [SENTENCES["fr"], "medidas para", "شناخت", "ongeveer", SENTENCES["ur"], "xyz abc", "kwenye", "Привет"]


def test_repeated_calls_give_the_same_guess() -> None:
    assert len({detect_language(text) for text in MIXED for _ in range(3)}) == len(set(MIXED))


def test_call_order_does_not_change_guesses() -> None:
    forward = {text: detect_language(text) for text in MIXED}
    shuffled = MIXED[:]
    random.Random(7).shuffle(shuffled)
    backward = {text: LanguageDetector().detect(text) for text in reversed(shuffled)}
    assert forward == backward


def test_other_users_of_langdetect_and_random_do_not_disturb_guesses() -> None:
    before = [detect_language(text) for text in MIXED]
    random.seed(12345)
    langdetect.detect("ceci est un texte en français")  # langdetect's global, unseeded factory
    after = [detect_language(text) for text in MIXED]
    assert before == after


def test_langdetect_factory_is_loaded_once_with_a_seed() -> None:
    assert langdetect_factory() is langdetect_factory()
    assert langdetect_factory().seed is not None


# --- properties ----------------------------------------------------------------------------------


@settings(deadline=None, max_examples=200)
@given(st.text(max_size=60))
def test_any_text_gives_a_valid_guess(text: str) -> None:
    assert guess_is_valid(detect_language(text))


@settings(deadline=None, max_examples=100)
@given(st.text(max_size=40), st.one_of(st.none(), st.text(max_size=12)))
def test_any_text_and_header_give_a_valid_guess(text: str, declared: str | None) -> None:
    assert guess_is_valid(detect_language(text, declared=declared))


@settings(deadline=None, max_examples=100)
@given(st.text(alphabet=st.characters(categories=["Ll", "Lu", "Zs"]), min_size=1, max_size=30))
def test_guessed_language_is_among_alternatives_or_header(text: str) -> None:
    guess = detect_language(text)
    assert guess.language == "und" or guess.alternatives == () or guess.alternatives[0][0] == guess.language


# --- data ----------------------------------------------------------------------------------------


def test_frequent_words_are_single_lowercase_words() -> None:
    words = load_knowledge().word_languages
    assert words and all(re.fullmatch(r"[^\W\d_]+", word) and word == word.lower() for word in words)


def test_data_names_only_languages_langdetect_knows() -> None:
    knowledge = load_knowledge()
    known = {code.split("-")[0] for code in langdetect_factory().langlist}
    shared = {lang for langs in knowledge.shared_scripts.values() for lang in langs}
    assert shared <= known
    assert set(knowledge.alphabets) <= shared
    affix_languages = {
        lang
        for index in (knowledge.ending_languages, knowledge.beginning_languages)
        for langs in index.values()
        for lang in langs
    }
    assert knowledge.languages_with_words | affix_languages <= shared
