"""Words and their folded keys: how names are compared whatever their case, accents or script.

Every name in the knowledge base and every word of an article goes through `fold_word`, so
"Etats-Unis", "États-Unis" and "ETATS UNIS" all become the keys ("etats", "unis"), and "المغربية"
(al-maghribiyya) becomes "مغربيه". Words are runs of letters, digits and combining marks; an
apostrophe or hyphen separates words, which is how "l'Algérie" yields the key "algerie" with
its elided article as a separate word.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex
from anyascii import anyascii

WORD_PATTERN = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}\p{M}]*")

# Arabic letters that vary in spelling: hamza seats, alef maqsura, taa marbuta, and Persian forms.
_ARABIC_VARIANTS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ئ": "ي",
        "ؤ": "و",
        "ة": "ه",
        "ک": "ك",
        "ی": "ي",
        "ڤ": "ف",
        "پ": "ب",
        "چ": "ج",
        "گ": "ك",
    }
)
_ARABIC_LONG_VOWELS = "اوي"
# A long vowel written twice ("بولييفيا" for "بوليفيا") is one vowel.
_ARABIC_DOUBLED_VOWEL = regex.compile(r"([يو])\1+")
MIN_SINGLED_WORD = 4
# Letters Arabic writes one foreign sound with: G as غ or ج ("غواتيمالا"/"جواتيمالا"), S and Z
# as س or ز ("نيوزيلندا"/"نيوسيلندا").
_ARABIC_FOREIGN_SOUNDS = str.maketrans({"غ": "ج", "ز": "س"})
MIN_FOREIGN_SPELLING = 5  # letters; shorter words are too often ordinary Arabic words
MIN_SKELETON = 4
_ARABIC_TATWEEL = "\u0640"
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "đ": "d", "ł": "l", "ı": "i"})
# One-letter Arabic proclitics (and, so, with, for, like) that may be glued to a name.
_ARABIC_PROCLITICS = "وفبلك"
PARENTHESIS_WINDOW = 40  # characters back to look for an open parenthesis
_ARABIC_BLOCK = regex.compile("[\u0600-\u06ff]")
# Folding runs on every word of every article and every name of every index, and the same words
# come back all the time: the pure word functions below remember their recent answers.
WORD_CACHE_SIZE = 1 << 18


def is_arabic(text: str) -> bool:
    return _ARABIC_BLOCK.search(text) is not None


@lru_cache(maxsize=WORD_CACHE_SIZE)
def fold_word(word: str) -> str:
    """Case-, accent- and variant-insensitive key of one word (Arabic article removed)."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", word).casefold())
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    folded = unicodedata.normalize("NFC", stripped).translate(_LIGATURES)
    if is_arabic(folded):
        folded = folded.replace(_ARABIC_TATWEEL, "").translate(_ARABIC_VARIANTS)
        single = _ARABIC_DOUBLED_VOWEL.sub(r"\1", folded)
        if len(single) >= MIN_SINGLED_WORD:  # not "كييف" (Kyiv) -> "كيف" (how)
            folded = single
        folded = folded[_arabic_article_length(word) :]
    return folded


def _arabic_article_length(word: str) -> int:
    """Length of the article "ال" (or "لل", for the) that begins the word, written with a plain
    alef: "آلاند" (Åland) begins with an alef madda, not with the article."""
    letters = "".join(
        char
        for char in unicodedata.normalize("NFC", word)
        if not unicodedata.combining(char) and char != _ARABIC_TATWEEL
    )
    for article in ("لل", "ال"):
        if letters.startswith(article) and len(letters) > len(article) + 1:
            return len(article)
    return 0


def has_arabic_article(word: str) -> bool:
    """The word carries the article "ال" (or "لل"), after at most one glued proclitic: "اليمن",
    "واليمن", "باليمن", "لليمن"; not "يمن" (a verb: "يمنّ", bestows)."""
    return _arabic_article_length(word) > 0 or (
        len(word) > 3 and word[0] in _ARABIC_PROCLITICS and _arabic_article_length(word[1:]) > 0
    )


@lru_cache(maxsize=WORD_CACHE_SIZE)
def key_variants(word: str) -> tuple[str, ...]:
    """The word's key, then (Arabic only) its keys with one glued proclitic removed: "والمغرب"."""
    key = fold_word(word)
    if not is_arabic(word) or len(word) < 4 or word[0] not in _ARABIC_PROCLITICS:
        return (key,)
    return (key, fold_word(word[1:]))


@lru_cache(maxsize=WORD_CACHE_SIZE)
def skeleton(key: str, min_length: int = MIN_SKELETON, foreign: bool = True) -> str:
    """An Arabic key without its inner long vowels, so that spellings of one foreign name meet:
    "دانمرك"/"دنمارك" -> "دنمرك", "تايلاند"/"تايلند" -> "تلند", with foreign_spelling's letters
    merged unless `foreign` is false. Other keys are returned unchanged; Arabic keys whose skeleton would
    be shorter than `min_length` ("ليبيا") keep their letters: alone they are not distinctive."""
    if not is_arabic(key):
        return key
    if foreign:
        key = foreign_spelling(key)
    shortened = key[0] + "".join(char for char in key[1:] if char not in _ARABIC_LONG_VOWELS)
    return shortened if len(shortened) >= min_length else key


def foreign_spelling(key: str) -> str:
    """An Arabic key with the letters that write one foreign sound merged ("غواتيمالا" -> "جواتيمالا")."""
    if len(key) < MIN_FOREIGN_SPELLING:  # "جاني" (culprit) is not "غاني" (Ghanaian)
        return key
    return key.translate(_ARABIC_FOREIGN_SOUNDS)


def phrase_keys(text: str) -> tuple[str, ...]:
    """Keys of the words of a name, as they are looked up: "Royaume-Uni" -> ("royaume", "uni")."""
    return tuple(fold_word(match.group()) for match in WORD_PATTERN.finditer(text))


def normalize_name(text: str) -> str:
    """A readable normal form: folded words joined by single spaces ("l'état hébreu" -> "l etat hebreu")."""
    return " ".join(phrase_keys(text))


def ascii_key(text: str) -> str:
    """Latin-script, lower-case key of a name in any script (transliterated with anyascii)."""
    latin = anyascii(" ".join(phrase_keys(text)))
    return " ".join(regex.findall(r"[a-z0-9]+", latin.lower()))


def slug(text: str) -> str:
    """An id-safe form of a name: "Aviv Kochavi" -> "aviv-kochavi", "محمود عباس" -> "mhmwd-ʿbas"."""
    return ascii_key(text).replace(" ", "-") or "unnamed"


@dataclass(frozen=True)
class Word:
    """One word of the article, with where it is and how it compares."""

    index: int
    text: str
    start: int
    end: int
    sentence: int
    key: str
    variants: tuple[str, ...]
    arabic: bool = False

    @property
    def is_capitalized(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_upper(self) -> bool:
        letters = [char for char in self.text if char.isalpha()]
        return bool(letters) and all(char.isupper() for char in letters)

    @property
    def is_lower(self) -> bool:
        return self.text[:1].islower()


def tokenize(text: str, sentence_starts: Sequence[int]) -> list[Word]:
    """The words of a text with offsets, keys and the index of the sentence each sits in."""
    words = []
    for index, match in enumerate(WORD_PATTERN.finditer(text)):
        start = match.start()
        sentence = max(bisect_right(sentence_starts, start) - 1, 0)
        surface = match.group()
        variants, arabic = _word_facts(surface)
        words.append(Word(index, surface, start, match.end(), sentence, variants[0], variants, arabic))
    return words


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _word_facts(word: str) -> tuple[tuple[str, ...], bool]:
    """A word's key variants and script, asked once per distinct word rather than per occurrence."""
    return key_variants(word), is_arabic(word)


def gap(text: str, left: Word, right: Word) -> str:
    """The characters between two words."""
    return text[left.end : right.start]


def joins_name(text: str, left: Word, right: Word, comma: bool = False) -> bool:
    """Whether two neighbouring words can belong to one name: only spaces, hyphens, apostrophes
    or dots between them (commas too when asked: "Bonaire, Sint Eustatius and Saba"), never a
    line break, and no sentence end ("U.S." is one name, but not "in Israel. Defense"). A sentence
    boundary the parser put inside "Bosnie-Herzégovine" does not count."""
    between = gap(text, left, right)
    allowed = " \t\u00a0-‐–'’.()" + ("," if comma else "")
    if len(between) > 3 or not all(char in allowed for char in between):
        return False
    return left.sentence == right.sentence or "." not in between or _inside_parentheses(text, left.end)


def _inside_parentheses(text: str, position: int) -> bool:
    """Whether a "(" opened shortly before `position` is still open: a parser may end a sentence
    at the abbreviation dot of "Korea (Rep.)", but a parenthesis does not end there."""
    window = text[max(position - PARENTHESIS_WINDOW, 0) : position]
    return window.rfind("(") > window.rfind(")")
