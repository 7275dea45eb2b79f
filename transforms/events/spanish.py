"""Spanish word forms for the event lexicon: the blank Spanish pipeline has no lemmatizer.

The lexicon (`transforms/data/events_es.yaml`) lists verbs as infinitives ("detener", "pedir") and
nouns in the singular. `spanish_inflections` generates the forms a news text uses, each mapped back
to its infinitive:

  regular endings   third persons of the present, preterite, imperfect, present and imperfect
                    subjunctive; first person plural ("condenamos", "hemos firmado"); participle
                    (four genders and numbers); gerund; infinitive and gerund with an enclitic
                    pronoun ("reunirse", "detenerlos", "pidiéndole"). The future and conditional
                    ("firmará", "firmaría", "firmaré") are kept apart as `future` forms: they
                    announce an act (modality.py).
  spelling rules    read from the infinitive's ending: c -> qu, g -> gu, z -> c before e ("ataque",
                    "niegue", "refuerce"); g -> j and gu -> g before a, o ("exija", "persiga");
                    c -> zc after a vowel, c -> z after a consonant ("ofrezca", "ejerza"); an
                    unstressed i between vowels is written y ("destruyó", "contribuyeron",
                    "proveyendo"), as in every verb in -uir and -eer.
  stem classes      (data: `verb_classes`) which verbs change their stem vowel when it is stressed
                    or, in -ir verbs, before a stressed ending: ie ("defiende"), ue ("muestra",
                    "aprueba"), i ("pide", "pidió", "pidiendo"), ie_i ("advierte", "advirtió"),
                    ue_u ("muere", "murió"), and the written accents of í ("envía") and ú
                    ("actúa", "reúne").
  strong stems      (data: `irregular_bases`) the irregular forms of a base verb, shared by every
                    verb built on it: tener -> detuvo, mantuvo, sostuvo; poner -> impuso,
                    propuso; venir -> intervino; ducir -> condujo, redujo. Those ending like a
                    future or conditional ("detendrá", "impondría") are future forms.
  irregular forms   (data: `irregular_forms`) anything else, form by form.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import cache
from typing import TYPE_CHECKING

from transforms.data_files import load_data

if TYPE_CHECKING:
    from transforms.events.drafts import EventDraft
    from transforms.events.matching import TriggerMatch
    from transforms.events.participants import Participant
    from transforms.events.tokens import UnitTokens

VOWELS = "aeiouáéíóú"
# Regular endings added to the stem (the infinitive without -ar, -er, -ir), per conjugation:
# present 3sg 3pl 1pl, preterite 3sg 3pl (1pl = present for -ar/-ir), imperfect 3sg 3pl,
# present subjunctive 3sg 3pl 1pl, imperfect subjunctive 3sg 3pl, gerund, participles, and the
# infinitive with "se" glued to it.
_ENDINGS = {
    "ar": [
        "a",
        "an",
        "amos",
        "ó",
        "aron",
        "aba",
        "aban",
        "e",
        "en",
        "emos",
        "ara",
        "aran",
        "ase",
        "asen",
        "ando",
        "ado",
        "ada",
        "ados",
        "adas",
        "arse",
        "ándose",
    ],
    "er": [
        "e",
        "en",
        "emos",
        "ió",
        "ieron",
        "imos",
        "ía",
        "ían",
        "a",
        "an",
        "amos",
        "iera",
        "ieran",
        "iese",
        "iesen",
        "iendo",
        "ido",
        "ida",
        "idos",
        "idas",
        "erse",
        "iéndose",
    ],
    "ir": [
        "e",
        "en",
        "imos",
        "ió",
        "ieron",
        "ía",
        "ían",
        "a",
        "an",
        "amos",
        "iera",
        "ieran",
        "iese",
        "iesen",
        "iendo",
        "ido",
        "ida",
        "idos",
        "idas",
        "irse",
        "iéndose",
    ],
}
_FUTURE_ENDINGS = ("á", "án", "é", "emos", "ía", "ían", "íamos")  # added to the infinitive
_ENCLITICS = ("lo", "la", "los", "las", "le", "les", "nos", "se")
# Endings whose stem vowel is stressed (present and present subjunctive, singular and 3pl): where
# ie/ue verbs change ("defiende"); the -ir verbs of class i change here too ("pide").
_STRESSED = {"ar": ("a", "an", "e", "en"), "er": ("e", "en", "a", "an"), "ir": ("e", "en", "a", "an")}
# -ir endings before which e -> i and o -> u (preterite 3rd persons, gerund, subjunctive 1pl and
# imperfect subjunctive): "pidió", "advirtieron", "murió", "pidiendo", "pidamos".
_RAISED = ("ió", "ieron", "iendo", "iéndose", "amos", "iera", "ieran", "iese", "iesen")
_FUTURE_FORM = re.compile(r"r(á|án|é|emos|ía|ían|íamos)$")
_PRONOMINAL = ("arse", "erse", "irse")


def spanish_inflections(
    verbs: Iterable[str],
    verb_classes: Mapping[str, Iterable[str]] | None = None,
    irregular_bases: Mapping[str, Iterable[str]] | None = None,
) -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """Surface form -> infinitives it inflects, and the future/conditional forms among them."""
    class_of = {verb: name for name, members in (verb_classes or {}).items() for verb in members}
    bases = {base: list(forms) for base, forms in (irregular_bases or {}).items()}
    forms: dict[str, set[str]] = defaultdict(set)
    future: set[str] = set()
    for lemma in verbs:
        # a pronominal verb ("reunirse") inflects as its base, the "se" a word of its own: "se reunió"
        verb = lemma[:-2] if lemma.endswith(_PRONOMINAL) else lemma
        if len(verb) < 4 or verb[-2:] not in _ENDINGS:
            continue  # "dar", "ver", "ir": their few forms are all irregular (irregular_forms)
        for form in _verb_forms(verb, class_of.get(verb) or class_of.get(lemma)):
            forms[form].add(lemma)
        for suffix in _FUTURE_ENDINGS:
            forms[verb + suffix].add(lemma)
            future.add(verb + suffix)
        for base, base_forms in bases.items():
            if verb.endswith(base):
                prefix = verb[: -len(base)]
                for base_form in base_forms:
                    form = prefix + base_form
                    forms[form].add(lemma)
                    if _FUTURE_FORM.search(base_form):
                        future.add(form)
    return {form: frozenset(lemmas) for form, lemmas in forms.items()}, frozenset(future)


def _verb_forms(verb: str, verb_class: str | None) -> set[str]:
    stem, conjugation = verb[:-2], verb[-2:]
    found = {verb}
    for ending in _ENDINGS[conjugation]:
        found.add(_join(verb, _changed_stem(stem, conjugation, ending, verb_class), ending))
    # enclitic pronouns: "detenerlos", "pedirle"; the gerund takes a written accent: "pidiéndole"
    for gerund in [form for form in found if form.endswith(("ando", "endo"))]:
        accented = gerund[:-4] + {"a": "á", "e": "é"}[gerund[-4]] + "ndo"
        found.update(accented + clitic for clitic in _ENCLITICS if clitic != "se")
    found.update(verb + clitic for clitic in _ENCLITICS)
    return found


def _changed_stem(stem: str, conjugation: str, ending: str, verb_class: str | None) -> str:
    """The stem as written before `ending`, after the verb's stem-vowel change, if any."""
    if verb_class is None:
        return stem
    stressed = ending in _STRESSED[conjugation]
    raised = conjugation == "ir" and ending in _RAISED
    if verb_class in {"ie", "ie_i"} and stressed:
        return _replace_last(stem, "e", "ie")
    if verb_class in {"ue", "ue_u"} and stressed:
        return _replace_last(stem, "o", "ue")
    if verb_class == "i" and (stressed or raised):
        return _replace_last(stem, "e", "i")
    if verb_class == "ie_i" and raised:
        return _replace_last(stem, "e", "i")
    if verb_class == "ue_u" and raised:
        return _replace_last(stem, "o", "u")
    if verb_class == "í" and stressed:
        return _replace_last(stem, "i", "í")
    if verb_class == "ú" and stressed:
        return _replace_last(stem, "u", "ú")
    return stem


def _replace_last(stem: str, vowel: str, replacement: str) -> str:
    position = stem.rfind(vowel)
    if position < 0:
        return stem
    return stem[:position] + replacement + stem[position + 1 :]


def _join(verb: str, stem: str, ending: str) -> str:
    """Stem and ending, with the spelling rules of the verb's last consonant."""
    first = ending[:1]
    if first in {"e", "é"}:
        if verb.endswith("car"):
            return stem[:-1] + "qu" + ending
        if verb.endswith("gar"):
            return stem[:-1] + "gu" + ending
        if verb.endswith("zar"):
            return stem[:-1] + "c" + ending
    if first in {"a", "o"} and not verb.endswith("ar"):
        if verb.endswith(("guir",)):
            return stem[:-1] + ending  # "persiga"
        if verb.endswith(("ger", "gir")):
            return stem[:-1] + "j" + ending  # "exija", "proteja"
        if verb.endswith(("cer", "cir")):
            before = stem[-2:-1]
            return stem[:-1] + ("zc" if before in VOWELS else "z") + ending  # "ofrezca", "ejerza"
    if ending.startswith(("ie", "ié", "ió")) and _glides(verb, stem):
        return stem + "y" + ending[1:]  # "destruyó", "proveyeron"
    if verb.endswith("uir") and not verb.endswith(("guir", "quir")) and first in {"e", "a"}:
        return stem + "y" + ending  # "destruye", "contribuyan"
    return stem + ending


def _glides(verb: str, stem: str) -> bool:
    """An unstressed i between vowels is written y: verbs in -uir (not -guir, -quir) and stems
    ending in a vowel ("prove-", "le-")."""
    if verb.endswith("uir"):
        return not verb.endswith(("guir", "quir"))
    return stem[-1:] in VOWELS


# Endings of forms that are not finite indicative: infinitive (and with "se"), gerund, participle,
# subjunctives. A verb after "y"/"e" in such a form belongs to the clause before it ("pidió que se
# retire y respete …"); an indicative one is a verb of its own ("pidió … e instó").
_NON_FINITE = (
    "ar",
    "er",
    "ir",
    "se",
    "ndo",
    "do",
    "da",
    "dos",
    "das",
    "ara",
    "aran",
    "ase",
    "asen",
    "iera",
    "ieran",
    "iese",
    "iesen",
    "yera",
    "yeran",
)
_SUBJUNCTIVE = {"ar": ("e", "en", "emos"), "er": ("a", "an", "amos"), "ir": ("a", "an", "amos")}


def is_indicative(form: str, infinitive: str) -> bool:
    """Whether `form` of the verb `infinitive` is a finite indicative (or future) form: "instó",
    "pide", "detuvo", "condenaron"; not "pida", "retirarse", "firmado", "atacando"."""
    verb = infinitive[:-2] if infinitive.endswith(_PRONOMINAL) else infinitive
    conjugation = verb[-2:]
    if conjugation not in _SUBJUNCTIVE or form == verb or form.endswith(_NON_FINITE):
        return False
    return not form.endswith(_SUBJUNCTIVE[conjugation])


def tail_end(tokens: UnitTokens, comma: int, end: int, by_phrase: bool) -> int:
    """Where a reporting tail opened at `comma` closes, `end` being the sentence's end (or a clause
    break). Patterns, each a comma inside the tail:
      - ", según indicó el Elíseo, Lahoud agradeció …": a tail opened by a reporting phrase is an
        aside; it closes at its next comma when words follow;
      - ", dijo el ministro, que agregó que …", ", dijo X, quien recordó …": a relative pronoun and
        a reporting verb after the comma go on with what the reporter said, a clause of its own.
    """
    relatives = tokens.lexicon.cues.relative_pronouns
    for index in tokens.word_indexes(comma + 1, end):
        if tokens.lower(index) != ",":
            continue
        following = [i for i in tokens.word_indexes(index + 1, end) if not tokens.token(i).is_punct][:2]
        if by_phrase and following:
            return index
        if len(following) == 2 and tokens.lower(following[0]) in relatives and tokens.is_reporting_verb(following[1]):
            return index
    return end


@cache
def _cause_markers() -> tuple[tuple[str, ...], ...]:
    cues = load_data("events_es.yaml")["cues"]
    return tuple(tuple(str(marker).lower().split()) for marker in cues.get("cause_markers", []))


CAUSE_GAP = 2  # words between a cause marker and the noun ("a raíz de su precipitada retirada")


def after_cause_marker(start: int, tokens: UnitTokens) -> bool:
    """ "… e instó a que Israel se abstenga … a raíz de su precipitada retirada": a noun right after
    a cause or time marker (cue `cause_markers`; at most CAUSE_GAP lower-case words between) names an
    act that already happened, not part of what a governing verb asks, refuses or threatens."""
    before = tokens.word_indexes(max(tokens.first, start - 8), start)
    for gap in range(CAUSE_GAP + 1):
        between = before[len(before) - gap :] if gap else []
        if any(not tokens.token(i).is_lower for i in between):
            return False
        marker_end = before[len(before) - gap - 1] + 1 if len(before) > gap else None
        if marker_end is None:
            return False
        for marker in _cause_markers():
            first = marker_end - len(marker)
            if first >= tokens.first and tokens.match_at(first, marker) == marker_end:
                return True
    return False


def link_drafts(drafts: list[EventDraft]) -> None:
    """Sentence-level Spanish rules on the drafts of one unit (read roles in, roles out)."""
    _share_subjects(drafts)
    # "debe" with no speaker ("El Gobierno debe devolverlo", the writer's own words): an obligation
    # stated, not a demand someone makes; only "X dijo que Y debe …" is one.
    drafts[:] = [d for d in drafts if d.match.entry.roles != "speaker" or d.sources]


def _share_subjects(drafts: list[EventDraft]) -> None:
    """ "Los agentes cargaron contra los manifestantes y detuvieron a doce jóvenes": Spanish drops a
    repeated subject. A finite indicative verb right after "y"/"e", with no actor between the
    conjunction and itself, in the number of the verb trigger before it in its clause, shares that
    verb's sources (the actor nearest before it is that verb's object, not its subject)."""
    for position, draft in enumerate(drafts):
        tokens, match = draft.tokens, draft.match
        if match.is_noun or match.entry.pattern[0] == "se":
            continue
        previous_word = tokens.previous_word(match.start)
        word = tokens.lower(match.start)
        if previous_word is None or tokens.lower(previous_word) not in {"y", "e"}:
            continue
        if not is_indicative(word, match.entry.pattern[0]):
            continue
        clause_start, _ = tokens.clause_bounds(match.start)
        earlier = [d for d in drafts[:position] if not d.match.is_noun and d.sources and d.match.start >= clause_start]
        if not earlier:
            continue
        before = earlier[-1]
        if _plural(tokens.lower(before.match.start)) != _plural(word):
            continue
        draft.targets = [t for t in draft.targets if t not in before.sources]
        draft.sources = list(before.sources)


def _plural(form: str) -> bool:
    """A third person plural verb form ("detuvieron", "cargaron", "piden", "firmarán")."""
    return form.endswith("n")


def outside_apposition(tokens: UnitTokens, match: TriggerMatch, left: list[Participant]) -> list[Participant]:
    """ "Francia, antigua potencia protectora de Líbano, pidió …": a phrase set off by commas right
    before a verb trigger, opening with a lower-case word right after an actor, describes that actor
    (an apposition): the actors inside it are not the verb's subject. A name there ("El presidente,
    Jacques Chirac, telefoneó") and a relative clause (roles.py reads those) are left alone."""
    if match.is_noun or not left:
        return left
    closing = tokens.previous_word(match.start)
    if closing is None or tokens.lower(closing) != ",":
        return left
    commas = [i for i in tokens.word_indexes(tokens.first, closing) if tokens.lower(i) == ","]
    if not commas:
        return left
    opening = commas[-1]
    inside = tokens.word_indexes(opening + 1, closing)
    if not inside or not tokens.token(inside[0]).is_lower:
        return left
    if tokens.lower(inside[0]) in tokens.lexicon.cues.relative_pronouns:
        return left
    heads = [p for p in left if p.end <= opening]
    if not heads or tokens.word_indexes(heads[-1].end, opening):
        return left  # no actor right before the opening comma: not an apposition to one
    return [p for p in left if not (opening < p.start and p.end <= closing)]


def outside_complement(match: TriggerMatch, governor: TriggerMatch, tokens: UnitTokens) -> bool:
    """A trigger after a governing verb ("pidió", "amenazó", "apoya") in its clause that is not
    part of what the verb asks, threatens or backs. Patterns:
      - a finite indicative verb right after "y"/"e" is coordinated with the governing verb ("pidió
        … a todas las partes e instó a que …", "rechazó … y condenó"); a subjunctive or an
        infinitive there stays inside ("pidió que se retire y respete la tregua");
      - a noun right after a cause marker is an act that happened (`after_cause_marker`);
      - a governing verb inside a relative clause set off by commas ("Francia, que apoya a Líbano,
        pidió …") governs nothing after the clause's closing comma.
    """
    if _closed_relative_clause(governor.start, match.start, tokens):
        return True
    if match.entry.pattern[0] == "se":
        return False
    if match.is_noun:
        return after_cause_marker(match.start, tokens)
    previous = tokens.previous_word(match.start)
    return (
        previous is not None
        and tokens.lower(previous) in {"y", "e"}
        and is_indicative(tokens.lower(match.start), match.entry.pattern[0])
    )


def _closed_relative_clause(governor: int, start: int, tokens: UnitTokens) -> bool:
    """ ", que apoya a Líbano," : the governor follows ", <relative pronoun>" and a comma closes the
    clause before `start`."""
    words = tokens.word_indexes(tokens.first, governor)
    commas = [i for i in words if tokens.lower(i) == ","]
    if not commas:
        return False
    opening = commas[-1]
    after = tokens.word_indexes(opening + 1, governor)
    if not after or tokens.lower(after[0]) not in tokens.lexicon.cues.relative_pronouns:
        return False
    return any(tokens.lower(i) == "," for i in tokens.word_indexes(governor + 1, start))
