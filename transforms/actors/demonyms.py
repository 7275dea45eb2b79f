"""Inflected forms of demonyms, generated from the base forms in actors_demonyms.yaml.

The data lists one base form per meaning ("marocain", "marroquí", "marokkanisch", "Marokkaner",
"مغربي"); these rules add the regular feminine, plural and case forms so that "marocaines",
"marroquíes", "marokkanischen", "Marokkanerin" and "المغربية" are recognised too. Irregular forms
are listed in the data itself.
"""

from __future__ import annotations

from collections.abc import Callable


def english_forms(base: str) -> set[str]:
    """Moroccan -> Moroccans; Iraqi -> Iraqis; Chinese, British, Swiss stay as they are."""
    if base.endswith(("sh", "ch", "ese", "ss", "s", "x", "z", ".")) or " " in base:
        return {base}
    return {base, base + "s"}


def french_forms(base: str) -> set[str]:
    """marocain -> marocaine, marocains, marocaines; israélien, libyen -> israélienne, libyenne; belge -> belges."""
    if base.endswith("e"):
        feminine = base
    elif base.endswith(("en", "on")):  # israélien, coréen, libyen, letton
        feminine = base + "ne"
    else:
        feminine = base + "e"
    masculine_plural = base if base.endswith(("s", "x")) else base + "s"
    return {base, feminine, masculine_plural, feminine + "s"}


def spanish_forms(base: str) -> set[str]:
    """marroquí -> marroquíes; israelí -> israelíes; alemán -> alemana, alemanes; argelino -> -a, -os, -as."""
    if base.endswith("o"):
        stem = base[:-1]
        return {base, stem + "a", stem + "os", stem + "as"}
    if base.endswith(("í", "ú")):
        return {base, base + "es", base + "s"}
    if base.endswith(("e", "a")):
        return {base, base + "s"}
    for accented, plain in (("és", "es"), ("án", "an"), ("ín", "in"), ("ón", "on")):
        if base.endswith(accented):
            stem = base[: -len(accented)] + plain
            return {base, stem + "a", stem + "es", stem + "as"}
    return {base, base + "a", base + "es", base + "as"}


def german_forms(base: str) -> set[str]:
    """marokkanisch -> marokkanische/-en/-er/-es/-em; Marokkaner -> Marokkanerin, Marokkanern;
    Türke -> Türken, Türkin; Israeli -> Israelis."""
    if base[:1].islower():  # an adjective
        return {base} | {base + ending for ending in ("e", "en", "er", "es", "em")}
    if base.endswith("er"):
        return {base, base + "n", base + "in", base + "innen"}
    if base.endswith("e"):
        return {base, base + "n", base[:-1] + "in", base[:-1] + "innen"}
    if base.endswith("i"):
        return {base, base + "s"}
    return {base, base + "en", base + "in", base + "innen"}


def arabic_forms(base: str) -> set[str]:
    """مغربي -> مغربية، مغربيون، مغربيين، مغربيان (the article ال is handled by folding)."""
    if " " in base:
        head, rest = base.split(" ", 1)
        return {form + " " + rest for form in arabic_forms(head)} | {base}
    if not base.endswith("ي"):
        return {base}
    return {base, base + "ة", base + "ون", base + "ين", base + "ان", base + "تان", base + "تين"}


INFLECTORS: dict[str, Callable[[str], set[str]]] = {
    "en": english_forms,
    "fr": french_forms,
    "es": spanish_forms,
    "de": german_forms,
    "ar": arabic_forms,
}


def inflect(language: str, base: str) -> set[str]:
    """All forms of a base demonym in a language (just the base for languages without rules)."""
    inflector = INFLECTORS.get(language)
    return inflector(base) if inflector else {base}
