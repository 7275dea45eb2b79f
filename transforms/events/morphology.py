"""Word forms for languages whose pipeline has no lemmatizer (Spanish: see spanish.py).

Arabic (`normalize_arabic`, `arabic_keys`): written Arabic varies in spelling and glues clitics to
words. Every word is normalised (hamza seats أ إ آ -> ا, ة -> ه, ى -> ي, no diacritics or
tatweel), then its proclitics (و، ف conjunctions; ب، ل، ك prepositions; س future; ال article) and
pronoun enclitics (ه، ها، هم، هما، هن، كم، نا) and a final alif (the indefinite accusative
"اعتصاماً", the dual "اختطفا") are peeled off, least first: "وأدان" -> "ادان", "بالهجوم" -> "هجوم",
"ملاحقتهم" -> "ملاحقه", "اعتصاما" -> "اعتصام". The token keeps the least-stripped form the lexicon
knows, so "وبحث" reads as "بحث" (discussed), never as "حث" (urged).
"""

from __future__ import annotations

import re
import unicodedata

# --- Arabic ------------------------------------------------------------------------------------
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_LETTERS = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي", "،": ",", "؛": ";", "؟": "?"}
)
_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")
_FUTURE = "س"
_IMPERFECT_PREFIXES = ("ي", "ت", "ن", "ا")
_ENCLITICS = ("هما", "هم", "هن", "ها", "كم", "نا", "ه")
_ACCUSATIVE = "ا"
MIN_STEM = 2


def normalize_arabic(word: str) -> str:
    """One spelling for the common variants: hamza seats, ta marbuta, alif maqsura, no diacritics."""
    word = unicodedata.normalize("NFC", word)
    return _DIACRITICS.sub("", word).translate(_LETTERS).lower()


def arabic_variants(word: str) -> list[str]:
    """The word and its forms without clitics, least stripped first (normalised)."""
    base = normalize_arabic(word)
    # a final "ه" that is a ta marbuta ("إصابة") is no pronoun: "إصابة" is not "أصابه" (hit him)
    marbuta = _DIACRITICS.sub("", unicodedata.normalize("NFC", word)).endswith("ة")
    fronts: list[str] = [base]
    for conjunction in _CONJUNCTIONS:
        if base.startswith(conjunction) and len(base) - 1 >= MIN_STEM:
            fronts.append(base[1:])
    for front in list(fronts):
        for preposition in _PREPOSITIONS:
            if front.startswith(preposition + "ال") and len(front) - 3 >= MIN_STEM:
                fronts.append(front[1:])  # "بالهجوم" -> "الهجوم"
            elif front.startswith(preposition) and len(front) - 1 >= MIN_STEM + 1:
                fronts.append(front[1:])
        if front.startswith("لل") and len(front) - 2 >= MIN_STEM:
            fronts.append(front[2:])  # "للأمم" = ل + الأمم
        if front.startswith(_FUTURE) and len(front) > 3 and front[1] in _IMPERFECT_PREFIXES:
            fronts.append(front[1:])  # "ستفرج" -> "تفرج"
    for front in list(fronts):
        if front.startswith("ال") and len(front) - 2 >= MIN_STEM:
            fronts.append(front[2:])
    variants: list[str] = []
    for front in fronts:
        variants.append(front)
    for front in fronts:
        for enclitic in _ENCLITICS:
            if enclitic == "ه" and marbuta:
                continue
            if front.endswith(enclitic) and len(front) - len(enclitic) >= MIN_STEM + 1:
                stem = front[: -len(enclitic)]
                variants.append(stem)
                if stem.endswith("ت"):
                    variants.append(stem[:-1] + "ه")  # "ملاحقتهم" -> "ملاحقه" (ta marbuta)
        if front.endswith(_ACCUSATIVE) and len(front) - 1 >= MIN_STEM + 1:
            # the indefinite accusative "ـاً" ("نفذوا اعتصاماً" -> "اعتصام") and the dual ending
            # ("اختطفا", "اتفقا" -> "اختطف", "اتفق"): written as a final alif once unvocalised
            variants.append(front[:-1])
    seen: list[str] = []
    for variant in variants:
        if variant not in seen:
            seen.append(variant)
    return seen


def arabic_keys(word: str, vocabulary: frozenset[str]) -> frozenset[str]:
    """The normalised word, plus the least-stripped clitic-free form the lexicon knows."""
    variants = arabic_variants(word)
    keys = {variants[0]}
    for variant in variants[1:]:
        if variant in vocabulary:
            keys.add(variant)
            if variant.startswith("ال") and variant[2:] in vocabulary:
                keys.add(variant[2:])  # "بالهجوم": "الهجوم" and "هجوم"
            break
    if variants[0].startswith("ال") and variants[0][2:] in vocabulary:
        keys.add(variants[0][2:])
    return frozenset(keys)


def arabic_proclitic(word: str) -> str | None:
    """The preposition glued to a word before its article: "للأمم" -> "ل", "بالقاهرة" -> "ب"."""
    base = normalize_arabic(word)
    if base[:1] in _CONJUNCTIONS and len(base) > 4:
        base = base[1:]
    if base.startswith("لل") and len(base) > 3:
        return "ل"
    if base[:1] in _PREPOSITIONS and base[1:3] == "ال" and len(base) > 4:
        return base[0]
    return None
