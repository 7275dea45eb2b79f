"""Find date expressions with the rules of a lexicon: text in, candidate matches out.

A rule is a regular-expression template over word classes: "{day} {month}(?: {year})?" means a
day number, a month name and an optional year, each captured in a named group. In templates a
space stands for any run of whitespace. `{class:name}` captures a class under another group
name (a pair has {day} and {day:day2}); a name like `direction__after` fills the same field as
`direction`, for words that may stand before or after ("ce mardi", "mardi dernier"). The group
names carry the meaning: the resolver reads `day`, `month`, `year`, `weekday`, `direction`...
from the match, so the same resolver serves every language and only templates and words differ.

Some matches are dates only in the right context, which the rule lists under `needs`:
- `year_trigger`: a bare "2020" must follow a word that introduces a year ("en", "since", "عام"),
  and not look like a quantity ("plus de 2020", "2020 soldats");
- `month_trigger`: a bare month name that is also a common word ("May", "mars") needs an
  introducing word ("in May", "fin mars" is a rule of its own), and some must be capitalised
  ("may" is a verb); `capitalised_month` checks only the latter ("last May", not "this may");
- `season_trigger`: a bare season needs one too ("en été", not "a été");
- `not_habitual`: a bare weekday after "le", "every", "los" describes a habit, not a day;
- `weekday_trigger`: weekday names that are also common words (Arabic الأحد "Sunday"/"the one")
  need "يوم" or a direction word;
- `day_trigger`: a bare "22/04" needs "le", "on", "am" before it (else it is a fraction or score);
- `no_blocked_follower`: the next word is not in `blocked_followers` ("la veille de l'élection"
  is the eve of an event; Arabic اليوم الوطني is "national day", not "today");
- `no_blocked_preceder`: the words before are not in `blocked_preceders` (Spanish "la mañana"
  and German "am Morgen" are the morning, not tomorrow; "l'île de Pâques" is a place);
- `not_before_a_name`: no capitalised word follows ("Noël Mamère" is a person).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from transforms.dates.anchors import AnchorIndex, anchor_index, anchor_windows, rule_kinds
from transforms.dates.lexicons import DateLexicon, RuleSpec, fold, forms_regex, load_lexicon

# One character in, one character out: offsets in the working copy are offsets in the text.
_WORKING_COPY = str.maketrans(
    {
        **{chr(0x0660 + digit): str(digit) for digit in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + digit): str(digit) for digit in range(10)},  # Persian digits
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "´": "'",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
    }
)

_DIGIT_CLASSES = {
    "dd": r"(?:[12]\d|3[01]|0?[1-9])(?!\d)",
    "dd2": r"(?:[12]\d|3[01]|0[1-9])(?!\d)",
    "mm": r"(?:1[0-2]|0?[1-9])(?!\d)",
    "year": r"(?:1[0-9]|20|21)\d\d(?!\d)",
    # A two-digit year ("octobre 98", "'98") only before punctuation or the end, so that
    # "le 3 mars 22 personnes" does not read as 3 March 2022.
    "year2d": r"'\d\d(?!\d)|\d\d(?!\d)(?=\s*(?:[.,;:)!?]|$))",
    "yy": r"\d\d(?!\d)",
    "q": r"[1-4](?!\d)",
    "h": r"[12](?!\d)",
}
_PLACEHOLDER = re.compile(r"\{(\w+)(?::(\w+))?\}")
_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")


@dataclass(frozen=True)
class CompiledRule:
    index: int
    spec: RuleSpec
    regex: re.Pattern[str]
    group_classes: Mapping[str, str]  # group name -> word class, for reading values
    kinds: frozenset[str]  # the kinds of anchor token a match may contain (dates.anchors)


@dataclass(frozen=True)
class Candidate:
    """A rule match that passed its context checks; `groups` maps group name to matched text."""

    start: int
    end: int
    rule: CompiledRule
    groups: Mapping[str, tuple[str, int, int]]  # name -> (text, start, end)


@dataclass(frozen=True)
class Grammar:
    lexicon: DateLexicon
    rules: tuple[CompiledRule, ...]
    context: Mapping[str, re.Pattern[str]]  # context list name -> "ends with one of them"
    signals: Mapping[str, re.Pattern[str]]  # modifier -> "ends with one of these phrases"
    anchors: AnchorIndex  # the tokens one of which every date contains ("juin", "hier", "2022")


@cache
def grammar_for(language: str) -> Grammar:
    lexicon = load_lexicon(language)
    rules = tuple(_compile(index, spec, lexicon) for index, spec in enumerate(lexicon.rules))
    return Grammar(
        lexicon=lexicon,
        rules=rules,
        context={name: _ends_with(words, lexicon.articles) for name, words in lexicon.context.items()},
        signals={name: _ends_with(words, lexicon.articles) for name, words in lexicon.signals.items()},
        anchors=anchor_index(lexicon),
    )


def working_copy(text: str) -> str:
    """The text with digits, apostrophes, spaces and dashes made plain, offsets unchanged."""
    return text.translate(_WORKING_COPY)


def candidates(grammar: Grammar, work: str) -> list[Candidate]:
    """Every rule match in `work` that passes its context checks (overlaps not yet removed)."""
    found: list[Candidate] = []
    windows = anchor_windows(grammar.anchors, work)
    for rule in grammar.rules:
        for window in windows:
            if not rule.kinds & window.kinds:
                continue  # e.g. a weekday rule in a window holding only numbers
            for match in rule.regex.finditer(work, window.low, window.high):
                if match.end() == match.start():
                    continue
                candidate = Candidate(match.start(), match.end(), rule, _groups(match))
                if all(_passes(need, candidate, grammar, work) for need in rule.spec.needs):
                    found.append(candidate)
    return found


def signal_before(grammar: Grammar, work: str, start: int) -> str | None:
    """The modifier a signal word just before a date gives it: "avant" → before, "vers" → approximate."""
    prefix = fold(work[max(0, start - 40) : start], keep_final_period=True)
    for modifier, pattern in sorted(grammar.signals.items()):
        if pattern.search(prefix):
            return modifier
    return None


def _compile(index: int, spec: RuleSpec, lexicon: DateLexicon) -> CompiledRule:
    group_classes: dict[str, str] = {}

    def expand(match: re.Match[str]) -> str:
        word_class, name = match.group(1), match.group(2) or _group_name(match.group(1))
        group_classes[name] = word_class
        return f"(?P<{name}>{_class_regex(word_class, lexicon)})"

    body = _PLACEHOLDER.sub(expand, spec.pattern.replace(" ", r"\s+"))
    # Arabic glues و ف ب ل ("and", "so", "in", "for") to the next word: let a date start after one.
    start = r"(?:(?<!\w)|(?<=(?<!\w)[وفبل]))" if lexicon.language == "ar" else r"(?<!\w)"
    regex = re.compile(f"{start}(?:{body})(?!\\w)", re.IGNORECASE)
    return CompiledRule(index, spec, regex, group_classes, rule_kinds(spec.pattern, group_classes, lexicon))


def _group_name(word_class: str) -> str:
    """Classes that are spellings of one field share its group name: {month_num} fills `month`."""
    return {
        "month_full": "month",
        "mm": "month",
        "dd": "day",
        "dd2": "day",
        "year2d": "short_year",
        "q": "ordinal",
        "h": "ordinal",
    }.get(word_class, word_class)


def _class_regex(word_class: str, lexicon: DateLexicon) -> str:
    if word_class in _DIGIT_CLASSES:
        return _DIGIT_CLASSES[word_class]
    if word_class == "day":
        words = lexicon.forms.get("day_word", ())
        digits = _DIGIT_CLASSES["dd"] + (f"(?:{lexicon.day_suffix})?" if lexicon.day_suffix else "")
        return f"{digits}|{_rule_forms(words)}" if words else digits
    if word_class == "month":
        return _rule_forms(_merged(lexicon.forms["month"], lexicon.forms.get("month_abbr", ())))
    if word_class == "month_full":
        return _rule_forms(lexicon.forms["month"])
    if word_class == "count":
        return r"\d{1,3}(?!\d)|" + _rule_forms(lexicon.forms["number"])
    if word_class == "decade":
        words = lexicon.forms.get("decade_word", ())
        digits = r"(?:1\d|20)?\d0(?!\d)"
        return f"{digits}|{_rule_forms(words)}" if words else digits
    if word_class == "century":
        words = lexicon.forms.get("century_word", ())
        numbers = r"(?:(?=[IVXL])X{0,3}(?:IX|IV|V?I{0,3})|[12]?\d)(?:" + lexicon.day_suffix + ")?"
        return f"{numbers}|{_rule_forms(words)}" if words else numbers
    if word_class not in lexicon.forms:
        raise KeyError(f"date rule uses unknown word class {{{word_class}}} ({lexicon.language})")
    return _rule_forms(lexicon.forms[word_class])


def _rule_forms(forms: tuple[str, ...]) -> str:
    """Forms inside a rule: the rule's own final boundary ends the word (see forms_regex)."""
    return forms_regex(forms, whole_words=False)


def _merged(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(set(first) | set(second), key=lambda form: (-len(form), form)))


def _groups(match: re.Match[str]) -> dict[str, tuple[str, int, int]]:
    return {
        name: (text, match.start(name), match.end(name)) for name, text in match.groupdict().items() if text is not None
    }


def _ends_with(words: tuple[str, ...], articles: tuple[str, ...]) -> re.Pattern[str]:
    """Matches a (folded) prefix that ends with one of `words`, maybe followed by an article."""
    if not words:
        return re.compile(r"(?!)")
    alternation = "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in words)
    article = "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in articles)
    optional_article = rf"(?:\s*(?:{article}))?" if article else ""
    return re.compile(rf"(?:^|[^\w])(?:{alternation}){optional_article}\s*$")


# --- context checks -------------------------------------------------------------------------


def _passes(need: str, candidate: Candidate, grammar: Grammar, work: str) -> bool:
    check = _CHECKS.get(need)
    if check is None:
        raise KeyError(f"date rule needs unknown context check {need!r}")
    return check(candidate, grammar, work)


def _next_word(work: str, end: int) -> str:
    match = _WORD.match(work, _skip_spaces(work, end))
    return fold(match.group()) if match else ""


def _skip_spaces(work: str, position: int) -> int:
    while position < len(work) and work[position] in " \t":
        position += 1
    return position


def _after_trigger(name: str, candidate: Candidate, grammar: Grammar, work: str) -> bool:
    """Whether the words just before the match end with one of the context list `name`."""
    pattern = grammar.context.get(name)
    prefix = work[max(0, candidate.start - 40) : candidate.start]
    return pattern is not None and pattern.search(fold(prefix, keep_final_period=True)) is not None


def _year_trigger(candidate: Candidate, grammar: Grammar, work: str) -> bool:
    if not _after_trigger("year", candidate, grammar, work):
        return False
    if "year_quantity_before" in grammar.context and _after_trigger("year_quantity_before", candidate, grammar, work):
        return False
    following = work[_skip_spaces(work, candidate.end) : candidate.end + 3]
    if following[:1] in ("%", "€", "$", "£") or following[:1].isdigit():
        return False
    return _next_word(work, candidate.end) not in grammar.lexicon.context.get("year_quantity_after", ())


def _month_trigger(candidate: Candidate, grammar: Grammar, work: str) -> bool:
    written = candidate.groups["month"][0]
    month = fold(written)
    if month in grammar.lexicon.context.get("capitalised_months", ()) and written[:1].islower():
        return False
    ambiguous = grammar.lexicon.context.get("ambiguous_months", ())
    if "*" not in ambiguous and month not in ambiguous:
        return True
    return _after_trigger("month", candidate, grammar, work)


def _capitalised_month(candidate: Candidate, grammar: Grammar, work: str) -> bool:
    written = candidate.groups["month"][0]
    return fold(written) not in grammar.lexicon.context.get("capitalised_months", ()) or written[:1].isupper()


def _season_trigger(candidate: Candidate, grammar: Grammar, work: str) -> bool:
    return _after_trigger("season", candidate, grammar, work)


def _not_habitual(candidate: Candidate, grammar: Grammar, work: str) -> bool:
    return not _after_trigger("habitual", candidate, grammar, work)


def _weekday_trigger(candidate: Candidate, grammar: Grammar, work: str) -> bool:
    weekday = fold(candidate.groups["weekday"][0])
    if weekday not in grammar.lexicon.context.get("ambiguous_weekdays", ()):
        return True
    return "direction" in candidate.groups or _after_trigger("weekday", candidate, grammar, work)


def _day_trigger(candidate: Candidate, grammar: Grammar, work: str) -> bool:
    return _after_trigger("day", candidate, grammar, work)


def _no_blocked_follower(candidate: Candidate, grammar: Grammar, work: str) -> bool:
    return _next_word(work, candidate.end) not in grammar.lexicon.context.get("blocked_followers", ())


def _not_before_a_name(candidate: Candidate, grammar: Grammar, work: str) -> bool:
    """ "Noël Mamère" is a person: a capitalised word right after the match makes it a name."""
    following = _WORD.match(work, _skip_spaces(work, candidate.end))
    return following is None or not following.group()[:1].isupper()


def _no_blocked_preceder(candidate: Candidate, grammar: Grammar, work: str) -> bool:
    return not _after_trigger("blocked_preceders", candidate, grammar, work)


_CHECKS = {
    "year_trigger": _year_trigger,
    "month_trigger": _month_trigger,
    "capitalised_month": _capitalised_month,
    "season_trigger": _season_trigger,
    "not_habitual": _not_habitual,
    "weekday_trigger": _weekday_trigger,
    "day_trigger": _day_trigger,
    "no_blocked_follower": _no_blocked_follower,
    "no_blocked_preceder": _no_blocked_preceder,
    "not_before_a_name": _not_before_a_name,
}
