"""People: titled names, appositive offices, French NER persons and reported speech.

Titles and offices become fields, not part of the name: "le général Kochavi" is person Kochavi
with title "général"; "Abdellatif Loudiyi, ministre délégué chargé de la Défense" is Abdellatif
Loudiyi with that office. A demonym or country inside the title phrase gives the person's
country ("le ministre israélien de la Défense Benny Gantz", "Lebanon's President Elias Hrawi").
A name that is in the dictionary (full alias, or surname after a title) becomes that actor;
any other name becomes an unknown person keyed on the name itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from transforms.actors import identity
from transforms.actors.context import GAZETTEER, GUESS, STRUCTURED, Candidate, Context
from transforms.actors.identity import ActorRef
from transforms.actors.text import fold_word, is_arabic
from transforms.data_files import load_data

NAME_SEPARATORS = frozenset({" ", "-", ". ", ".", "\u00a0"})  # what may stand between two words of one name

# Word lists (transforms/data/actors_function_words.yaml): lower-case particles allowed inside a name
# ("José Eduardo dos Santos", "Mohammed bin Salman"), and the Arabic name links ("بن", "عبد", ...).
_WORDS = load_data("actors_function_words.yaml")
NAME_PARTICLES: frozenset[str] = frozenset(_WORDS["name_particles"])
PLACE_KINDS = ("country", "seat", "city", "demonym", "epithet", "building")
# Lower-case words of an English portfolio between a title and a name ("minister of mines and power X").
PORTFOLIO_WORDS = 4
# Articles that may open an apposition before its title ("X, le porte-parole du parti").
APPOSITION_ARTICLES = frozenset(
    {"le", "la", "l", "un", "une", "the", "a", "an", "el", "una", "der", "die", "ein", "eine"}
)
RELATIVE_PRONOUNS = frozenset(
    {"qui", "que", "dont", "who", "whom", "which", "that", "quien", "quienes", "cuyo", "cuya", "welche"}
)
MAX_NAME_WORDS = 4
MAX_OFFICE_WORDS = 12
MAX_OFFICE_TAIL = 8  # words of an office after its title before ", <Name>," ("primero del Gobierno")
MODIFIERS_BEFORE_TITLE = 2  # "Lebanon's new President", "Iran's religious leader"


@dataclass(frozen=True)
class TitlePhrase:
    first: int
    last: int
    kind: str  # rank | office
    sector: str | None  # None after an honorific ("M.", "Mr")
    country: str | None


def person_candidates(ctx: Context) -> list[Candidate]:
    candidates = []
    for index in range(len(ctx.words)):
        phrase = _title_phrase(ctx, index)
        if phrase is not None:
            candidate = _titled_person(ctx, phrase)
            if candidate is not None:
                candidates.append(candidate)
    candidates.extend(_ner_persons(ctx))
    candidates.extend(_speech_persons(ctx))
    candidates.extend(_appositive_persons(ctx))
    return candidates


def _appositive_persons(ctx: Context) -> list[Candidate]:
    """ "Eduardo Lizano, president of Costa Rica's central bank, said", "Robert McGarry, president
    of the Letter Carriers Union": two to four capitalised name words, none a frequent word of
    the language ("On Monday, President X" is no name), then a comma and a title phrase (the
    office itself is attached by `add_appositive_offices`). Latin scripts only."""
    candidates = []
    common = ctx.knowledge.common_words(ctx.language)
    index = 0
    while index < len(ctx.words):
        word = ctx.words[index]
        if (
            word.arabic
            or not _is_name_word(ctx, index)
            or (index > 0 and _adjacent(ctx, index - 1, index) and _is_name_word(ctx, index - 1))
        ):
            index += 1
            continue
        end = _name_run(ctx, index)
        names = [ctx.words[i] for i in range(index, end) if ctx.words[i].key not in NAME_PARTICLES]
        if (
            2 <= len(names) <= MAX_NAME_WORDS
            and not any(name.key in common for name in names)
            and not _has_group_head(ctx, index, end)
            and _appositive_office(ctx, end) is not None
        ):
            ref, rule, confidence = _person_ref(ctx, index, end, None, None, titled=False)
            rule = "apposition" if rule == "pattern" else rule
            candidates.append(Candidate(index, end, GUESS, ref, rule, 0.6 if rule == "apposition" else confidence))
        index = max(end, index + 1)
    return candidates


def add_appositive_offices(ctx: Context, candidates: list[Candidate]) -> list[Candidate]:
    """ "Abdellatif Loudiyi, ministre délégué chargé de la Défense, ..." -> office on the person,
    and the office phrase claimed so that "Défense" is no actor of its own."""
    result = []
    for candidate in candidates:
        # an honorific says nothing of the office: "السيدة X السفيرة الفنلندية" still reads it
        honorific_only = candidate.title is not None and candidate.ref.sector is None
        if candidate.ref.type == "person" and candidate.office is None and (candidate.title is None or honorific_only):
            office = _appositive_office(ctx, candidate.last)
            if office is not None and _foreign_office(candidate.ref, office[2]):
                office = None  # "استقبل الأمير X السفير الأردني": a Saudi received the Jordanian envoy
            if office is not None:
                start, end, country, sector = office
                ref = candidate.ref
                if not ref.known and (ref.country is None or ref.sector is None):
                    ref = identity.unknown_person(ref.name, ref.country or country, ref.sector or sector)
                # A name found only by its apposition stays a guess: a title phrase over the
                # same words ("Chancellor of the Exchequer Nigel Lawson, ...") is stronger.
                tier = GUESS if candidate.rule == "apposition" else STRUCTURED
                candidate = Candidate(
                    candidate.first,
                    candidate.last,
                    tier,
                    ref,
                    candidate.rule,
                    candidate.confidence,
                    claim_first=candidate.claim_first,
                    # a guess claims only its name: the office's words stay others' to read
                    claim_last=candidate.claim_last if tier == GUESS else max(candidate.claim_last, end),
                    title=candidate.title,
                    office=ctx.surface(start, end),
                    open_span=_named_body(ctx, start, end),
                )
        result.append(candidate)
    return result


def _foreign_office(ref: ActorRef, office_country: str | None) -> bool:
    """An office of another country than the dictionary's for this person is someone else's: the
    phrase after the name starts a new noun phrase (the object, in Arabic "V S O" order)."""
    return ref.known and ref.country is not None and office_country is not None and office_country != ref.country


# -- title phrases --------------------------------------------------------------------------------
def _title_phrase(ctx: Context, index: int) -> TitlePhrase | None:
    """A title starting at `index`, with what qualifies it before and after."""
    found = ctx.lookup(ctx.lexicon.titles, index, longest=5)  # type: ignore[arg-type]
    if found is None or (index > 0 and ctx.lookup(ctx.lexicon.titles, index - 1, longest=5)):  # type: ignore[arg-type]
        return None  # not a title, or the inside of a longer one ("Prime Minister")
    end, (kind, sector) = found  # type: ignore[str-unpack]
    first, country = _qualifiers_before(ctx, index)
    title_end = end
    end, country_after = _qualifiers_after(ctx, end)
    if sector is None:  # "M. le ministre": an honorific says nothing; a title after it does
        sector = _next_title_sector(ctx, title_end, end)
    return TitlePhrase(first, end, kind, sector, country or country_after)


def _next_title_sector(ctx: Context, start: int, end: int) -> str | None:
    for index in range(start, end):
        found = ctx.lookup(ctx.lexicon.titles, index, longest=5)  # type: ignore[arg-type]
        if found is not None and found[1][1] is not None:
            return found[1][1]
    return None


def _qualifiers_before(ctx: Context, index: int) -> tuple[int, str | None]:
    """ "Israeli Prime Minister", "Lebanon's new President", "U.S. Secretary of State"."""
    first = index
    for _ in range(MODIFIERS_BEFORE_TITLE):
        if first > 0 and not _tight(ctx, first - 1, first):
            break  # a modifier is in the title's own phrase: no sentence end or comma between
        if first > 0 and ctx.words[first - 1].is_lower and ctx.words[first - 1].key not in NAME_PARTICLES:
            if ctx.words[first - 1].key == "s" or ctx.match_covering(first - 1, first, PLACE_KINDS):
                break
            first -= 1
    country = None
    if first > 0 and not _tight(ctx, first - 1, first):
        return index, None  # "Switzerland protested. Prime Minister X": another sentence
    if first > 1 and ctx.words[first - 1].key == "s":  # "Lebanon's"
        match = _place_match_ending_at(ctx, first - 1)
        if match is not None:
            return match.first, match.best.country
    match = _place_match_ending_at(ctx, first)
    if match is not None and match.best.kind in ("demonym", "country"):
        return match.first, match.best.country
    return index, country


def _tight(ctx: Context, left: int, right: int) -> bool:
    """Words `left` and `right` in one sentence with only spaces or an apostrophe between."""
    gap = ctx.text[ctx.words[left].end : ctx.words[right].start]
    return ctx.words[left].sentence == ctx.words[right].sentence and not gap.strip(" \u00a0'\u2019")


def _place_match_ending_at(ctx: Context, end: int):  # type: ignore[no-untyped-def]
    for start in range(max(end - 4, 0), end):
        match = ctx.match_covering(start, end, ("demonym", "country", "epithet"))
        if match is not None and ctx.same_sentence(match.first, end):
            return match
    return None


def _qualifiers_after(ctx: Context, end: int) -> tuple[int, str | None]:
    """Demonyms, further titles and office complements after a title: "ministre israélien de la
    Défense", "Secretary of State", "ministre délégué chargé de la Défense". A phrase may end on
    a connector when a capitalised run follows: that run holds the complement and the name."""
    country = None
    words = ctx.words
    while end < len(words) and words[end].sentence == words[end - 1].sentence:
        demonym = ctx.best_match(end, ("demonym",))
        if demonym is not None:
            country = country or demonym.best.country
            end = demonym.last
            continue
        title = ctx.lookup(ctx.lexicon.titles, end, longest=5)  # type: ignore[arg-type]
        if title is not None:
            end = title[0]
            continue
        if not words[end].arabic and ctx.lexicon.has("multinational_words", (words[end].key,)):
            end += 1  # "l'envoyé onusien X", "el enviado internacional X": the body the office serves
            continue
        connector_end = ctx.phrase_starting_at(end, "connectors")
        if connector_end is not None and connector_end < len(words):
            end = _lower_case_portfolio_end(ctx, connector_end)
            continue
        if _is_adjective(ctx, end) and end + 1 < len(words) and words[end + 1].sentence == words[end].sentence:
            end += 1  # "le premier ministre conservateur Antonis Samaras"
            continue
        break
    if end < len(words) and _is_name_word(ctx, end) and _ends_with_connector(ctx, end):
        return end, country
    return _trim_trailing_connectors(ctx, end), country


def _lower_case_portfolio_end(ctx: Context, start: int) -> int:
    """English wires write portfolios in lower case between the title and the name ("minister of
    mines and power Bunu Sheriff Musa"): up to PORTFOLIO_WORDS words of `portfolio_words` after
    "of/for" are the office's when a name of two words or more follows them; else the title stops
    at `start` ("minister of defence met rebel leader X": "met" is no portfolio word)."""
    words = ctx.words
    if ctx.language != "en":
        return start
    end = start
    portfolio = ctx.lexicon.words.get("portfolio_words", frozenset())
    while end < len(words) and end - start < PORTFOLIO_WORDS and (words[end].key,) in portfolio:
        if not _tight(ctx, end - 1, end):
            return start
        end += 1
    if end == start or end >= len(words) or not _tight(ctx, end - 1, end):
        return start
    if _is_name_word(ctx, end) and _name_run(ctx, end) - end >= 2:
        return end
    return start


def _is_adjective(ctx: Context, index: int) -> bool:
    """A lower-case adjective by the parser's tag (languages with a parse only), right after the
    previous word with nothing but a space between."""
    word = ctx.words[index]
    if not word.is_lower or index == 0 or ctx.text[ctx.words[index - 1].end : word.start] != " ":
        return False
    token = ctx.token_starting_at(word.start)
    return token is not None and token.pos_ == "ADJ" and token.idx + len(token.text) == word.end


def _is_verb_or_pronoun(ctx: Context, index: int) -> bool:
    """A verb, auxiliary or pronoun by the parser's tag (languages with a parse only)."""
    token = ctx.token_starting_at(ctx.words[index].start)
    return token is not None and token.pos_ in ("VERB", "AUX", "PRON")


def _ends_with_connector(ctx: Context, end: int) -> bool:
    return end > 0 and ctx.lexicon.has("connectors", (ctx.words[end - 1].key,))


def _trim_trailing_connectors(ctx: Context, end: int) -> int:
    while end > 0 and _ends_with_connector(ctx, end):
        end -= 1
    return end


# -- names ----------------------------------------------------------------------------------------
def _is_name_word(ctx: Context, index: int) -> bool:
    word = ctx.words[index]
    if not word.arabic and not (word.is_capitalized and not word.text.isdigit()):
        return False  # outside Arabic only a capitalised word can be one: the cheap test first
    in_place = ctx.match_covering(index, index + 1, PLACE_KINDS) or _in_place_name(ctx, index)
    # A place name is no name word, unless it is a word of a longer dictionary name ("François Hollande").
    if in_place and not ctx.inside_known_name(index, index + 1):
        return False
    key = (word.key,)
    lexicon = ctx.lexicon
    if key in lexicon.titles or key in lexicon.institutions or lexicon.has("form_heads", key):
        return False
    if any(
        lexicon.has(section, key)
        for section in ("connectors", "locative", "speech_verbs", "actor_prepositions", "event_nouns", "sacred_names")
    ):
        return False
    if word.arabic:
        # Arabic has no capitals: function words, organisation heads ("حزب", "مجلس") and words of
        # a dictionary body ("للأمم المتحدة") are no name.
        if word.key in ARABIC_NOT_NAMES or key in lexicon.group_heads or _in_known_body(ctx, index):
            return False
        return len(word.key) >= 2
    return word.is_capitalized and not word.text.isdigit()


def _in_place_name(ctx: Context, index: int) -> bool:
    """Whether a word is inside a place name of several words ("Rica" of "Costa Rica")."""
    return any(
        match.first < index < match.last and match.best.kind in PLACE_KINDS
        for start in range(max(index - 4, 0), index)
        for match in ctx.matches_at.get(start, ())
    )


def _in_known_body(ctx: Context, index: int) -> bool:
    """Whether a word is inside a dictionary name that is no person's (an IGO, a party...) or a
    name that stands for a state ("خادم الحرمين الشريفين", actors_seats.yaml buildings)."""
    for start in range(max(index - 4, 0), index + 1):
        for match in ctx.matches_at.get(start, ()):
            if match.best.kind == "building" and match.first <= index < match.last:
                return True
            if match.best.kind == "known" and match.first <= index < match.last:
                known = ctx.knowledge.dictionary.get(match.best.ref)
                if known is not None and known.type != "person":
                    return True
    return False


def _name_run(ctx: Context, start: int) -> int:
    """End of the run of name words starting at `start` (particles inside only)."""
    end = start
    while end < len(ctx.words) and end - start < MAX_NAME_WORDS + 1:
        if end > start and not _adjacent(ctx, end - 1, end):
            break
        if (
            _is_name_word(ctx, end)
            or ctx.words[end].key in NAME_PARTICLES
            and end > start
            and end + 1 < len(ctx.words)
            and _is_name_word(ctx, end + 1)
        ):
            end += 1
        else:
            break
    return end


def _titled_person(ctx: Context, phrase: TitlePhrase) -> Candidate | None:
    name_start = phrase.last
    if name_start >= len(ctx.words):
        return None
    office_end = None
    comma = _comma_name(ctx, phrase)
    if comma is not None:
        office_end, name_start, run_end = comma
    else:
        if not _adjacent(ctx, name_start - 1, name_start):
            return None
        run_end = _name_run(ctx, name_start)
        if run_end == name_start:
            return None
        # A run after an office complement ("de la Défense Benny Gantz") holds the complement first.
        if _ends_with_connector(ctx, phrase.last):
            name_start = _name_start_in_run(ctx, name_start, run_end)  # type: ignore[assignment]
            if name_start is None:
                return None
    if is_arabic(ctx.words[name_start].text):
        run_end = _arabic_name_end(ctx, name_start, run_end)
    if _has_group_head(ctx, name_start, run_end) or _in_known_body(ctx, name_start):
        # "a representative of the National Security Council", "el portavoz del PNV": a body, no person
        return None
    country = phrase.country
    open_span = None
    if office_end is not None and office_end > phrase.last:
        country = country or _country_in_office(ctx, phrase.last, office_end)
        if any(ctx.words[index].is_capitalized for index in range(phrase.last, office_end)):
            # "la portavoz del Ministerio francés de Asuntos Exteriores, Anne Gazeau-Secret": the
            # body the office names is an actor of its own.
            open_span = (phrase.last, office_end)
    ref, rule, confidence = _person_ref(ctx, name_start, run_end, country, phrase.sector, titled=True)
    country_end = _of_country_after(ctx, run_end)
    if country_end is not None and ref.country is None:
        end, iso3 = country_end
        ref = identity.unknown_person(ref.name, iso3, ref.sector)
        claim_last = end
    else:
        claim_last = run_end if country_end is None else country_end[0]
    title_text = ctx.surface(phrase.first, office_end if office_end is not None else name_start)
    title, office = (title_text, None) if phrase.kind == "rank" else (None, title_text)
    return Candidate(
        name_start,
        run_end,
        STRUCTURED,
        ref,
        rule,
        confidence,
        claim_first=phrase.first,
        claim_last=claim_last,
        title=title,
        office=office,
        open_span=open_span,
    )


def _named_body(ctx: Context, start: int, end: int) -> tuple[int, int] | None:
    """The words after an appositive office's title when they name a body of their own (a
    country or dictionary name, or two capitalised words: "president of Costa Rica's central
    bank"), which other candidates may then take; a one-word complement ("chargé de la Défense")
    stays the office's."""
    phrase = _title_phrase(ctx, start)
    first = phrase.last if phrase is not None else start
    named = any(
        match.last <= end and match.best.kind in ("country", "known", "demonym")
        for index in range(first, end)
        for match in ctx.matches_at.get(index, ())
    )
    if named or sum(ctx.words[index].is_capitalized for index in range(first, end)) >= 2:
        return first, end
    return None


def _country_in_office(ctx: Context, first: int, last: int) -> str | None:
    """The first demonym or country in an office's words, unless it follows a destination word
    ("embajador en Francia" is posted there)."""
    for index in range(first, last):
        for match in ctx.matches_at.get(index, ()):
            if match.last <= last and match.best.kind in ("demonym", "country") and match.best.country:
                before = ctx.words[index - 1].key if index > 0 else ""
                if ctx.lexicon.has("destinations", (before,)):
                    return None
                return match.best.country
    return None


def _comma_name(ctx: Context, phrase: TitlePhrase) -> tuple[int, int, int] | None:
    """ "El ministro de Justicia, Angel Acebes, destacó": an office, a comma, then a name of two
    words or more closed by a comma or the sentence end: (office end, name start, name end).
    The office may run on for a few words with no punctuation ("de Justicia", "du budget",
    "vicepresidente primero del Gobierno", "portavoz socialista en la comisión"), but not over a
    speech verb or, where the parser tags them, a verb or pronoun."""
    words = ctx.words
    office_end = phrase.last
    tail = 0
    while office_end < len(words) and _office_continues(ctx, office_end):
        if tail == MAX_OFFICE_TAIL or words[office_end].arabic or _is_clause_word(ctx, office_end):
            return None
        office_end += 1
        tail += 1
    name_start = office_end
    if name_start < len(words) and _parenthesised_acronym(ctx, name_start):
        name_start += 1  # "secretario de Comunicación de Unió Democrática (UDC), Jordi Casas"
    if name_start >= len(words) or not ctx.same_sentence(phrase.first, name_start + 1):
        return None
    if ctx.text[words[name_start - 1].end : words[name_start].start] not in (", ", "), "):
        return None
    name_start = _past_honorific(ctx, name_start)  # "La procureure de la Cour, Mme Awa Diallo,"
    run_end = _name_run(ctx, name_start)
    if run_end - name_start < 2 or words[name_start].arabic:
        return None
    if run_end < len(words) and words[run_end].sentence == words[name_start].sentence:
        closing = ctx.text[words[run_end - 1].end : words[run_end].start].strip()
        if closing[:1] not in (",", ".", ";", ":"):
            return None
    return office_end, name_start, run_end


def _past_honorific(ctx: Context, index: int) -> int:
    """The first word after an honorific ("Mme", "Mr", "Dr") starting at `index`, or `index`."""
    found = ctx.lookup(ctx.lexicon.titles, index, longest=2)  # type: ignore[arg-type]
    if found is None:
        return index
    end, (kind, sector) = found  # type: ignore[str-unpack]
    if kind != "rank" or sector is not None:
        return index
    return end if end < len(ctx.words) and ctx.same_sentence(index, end + 1) else index


def _parenthesised_acronym(ctx: Context, index: int) -> bool:
    """Word `index` is an acronym in parentheses right after the office ("(UDC)")."""
    word = ctx.words[index]
    return (
        ctx.text[ctx.words[index - 1].end : word.start] == " ("
        and word.text.isupper()
        and ctx.text[word.end : word.end + 1] == ")"
    )


def _office_continues(ctx: Context, index: int) -> bool:
    """Word `index` goes on with the office before it: a plain space between them, or the
    apostrophe of an elided article ("ministre de l'Intérieur")."""
    return ctx.text[ctx.words[index - 1].end : ctx.words[index].start] in (" ", "'", "’")


def _is_clause_word(ctx: Context, index: int) -> bool:
    """A word that starts a clause rather than continuing an office: a speech verb, a relative
    pronoun, or a verb or pronoun by the parser's tag."""
    word = ctx.words[index]
    if ctx.phrase_starting_at(index, "speech_verbs") is not None or word.key in RELATIVE_PRONOUNS:
        return True
    return _is_verb_or_pronoun(ctx, index)


# Arabic name links: the nasab (son/daughter of), the family "آل" (folded "ال"), and the first half
# of compound names ("عبد", "أبو"): each takes the next word with it.
ARABIC_NAME_LINKS: frozenset[str] = frozenset(_WORDS["arabic_name_links"])
ARABIC_NOT_NAMES: frozenset[str] = frozenset(fold_word(word) for word in _WORDS["arabic_not_names"])
MAX_ARABIC_NAME_WORDS = 7


def _arabic_name_end(ctx: Context, start: int, run_end: int) -> int:
    """Where an Arabic name after a title ends. Arabic has no capitals, so a plain run would
    swallow the office after the name; a name is a given name and one more word ("مصطفى حسين"),
    extended by linked pairs ("محمد بن زايد آل نهيان", "علي عبد الله صالح"); a link word must be
    followed by a name word to count."""
    words = ctx.words
    end, plain = start + 1, 1
    while end < len(words) and end - start < MAX_ARABIC_NAME_WORDS and _adjacent(ctx, end - 1, end):
        if (
            words[end].key in ARABIC_NAME_LINKS
            and end + 1 < len(words)
            and _adjacent(ctx, end, end + 1)
            and _is_name_word(ctx, end + 1)
        ):
            end += 2
            continue
        if plain < 2 and end < run_end:
            end += 1
            plain += 1
            continue
        break
    return max(min(end, start + MAX_ARABIC_NAME_WORDS), start + 1)


def _has_group_head(ctx: Context, first: int, last: int) -> bool:
    """A Latin-script name holding an organisation's head noun ("Council", "Corp"): no person."""
    return any(
        not ctx.words[index].arabic and (ctx.words[index].key,) in ctx.lexicon.group_heads
        for index in range(first, last)
    )


def _name_start_in_run(ctx: Context, start: int, end: int) -> int | None:
    """Where the name begins in "Défense Benny Gantz": at a dictionary name if there is one,
    else the last two words (the complement keeps the rest); a single word is a complement."""
    for candidate_start in range(start, end):
        if ctx.match_covering(candidate_start, end, ("known", "surname")):
            return candidate_start
    length = end - start
    if length == 1:
        return None
    return end - 2 if length >= 3 else end - 1


def _of_country_after(ctx: Context, end: int) -> tuple[int, str] | None:
    """ "King Hassan of Morocco": the country after the name."""
    if end + 1 < len(ctx.words) and ctx.words[end].key in ("of", "de", "du", "d"):
        match = ctx.best_match(end + 1, ("country",))
        if match is not None:
            return match.last, match.best.country  # type: ignore[return-value]
    return None


def _person_ref(
    ctx: Context, first: int, last: int, country: str | None, sector: str | None, titled: bool
) -> tuple[ActorRef, str, float]:
    """The dictionary person these words name (full alias, or surname after a title), else an
    unknown person."""
    known = ctx.match_covering(first, last, ("known",)) or _known_head(ctx, first, last)
    if known is not None and ctx.knowledge.dictionary[known.best.ref].type == "person":
        return identity.known_actor(ctx.known_actor(known), ctx.day), "gazetteer", 0.95
    surname = ctx.match_covering(first, last, ("surname", "known"))
    if surname is not None and (titled or last - first == 1):
        person = _pick_by_date(ctx, [t.ref for t in surname.targets if t.kind in ("surname", "known")])
        if person is not None:
            return identity.known_actor(person, ctx.day), "gazetteer", 0.8 if titled else 0.7
    name = ctx.surface(first, last)
    return identity.unknown_person(name, country, sector), "pattern", 0.7


def _known_head(ctx: Context, first: int, last: int):  # type: ignore[no-untyped-def]
    """A dictionary person's name opening a longer one whose rest is a family or nasab
    continuation: "محمد بن زايد" + "آل نهيان", "Mohammed bin Zayed" + "al-Nahyan"."""
    for match in ctx.matches_at.get(first, ()):
        if (
            match.best.kind == "known"
            and match.last < last
            and ctx.words[match.last].key in ARABIC_NAME_LINKS | NAME_PARTICLES
        ):
            return match
    return None


def _pick_by_date(ctx: Context, actor_ids: list[str]):  # type: ignore[no-untyped-def]
    """One dictionary person among namesakes: the only one in office that day, or the only one
    when the date is unknown or the dictionary dates no office of theirs. A family name alone
    ("el general Franco" in 1985, "Mr. Brown" in 1987) is no dictionary person out of office:
    common family names are borne by many people the dictionary does not hold."""
    people = [ctx.knowledge.dictionary[actor_id] for actor_id in sorted(set(actor_ids))]
    people = [person for person in people if person.type == "person"]
    if len(people) == 1 and (ctx.day is None or not people[0].offices or people[0].offices_on(ctx.day)):
        return people[0]
    in_office = [person for person in people if person.offices_on(ctx.day)]
    return in_office[0] if len(in_office) == 1 else None


def _appositive_office(ctx: Context, after_name: int) -> tuple[int, int, str | None, str | None] | None:
    if after_name >= len(ctx.words):
        return None
    between = ctx.text[ctx.words[after_name - 1].end : ctx.words[after_name].start]
    # Arabic writes the office straight after the name: "تيولا يوريولا السفيرة الفنلندية"
    bare_arabic = between == " " and ctx.words[after_name].arabic
    if between.strip() != "," and not bare_arabic:
        return None
    title_at = after_name
    if ctx.words[title_at].key in APPOSITION_ARTICLES and title_at + 1 < len(ctx.words):
        title_at += 1  # "Jean-Philippe Magnen, le porte-parole du parti", "X, a spokesman for"
    appointed = ctx.phrase_starting_at(title_at, "appointed_words")
    if appointed is not None and appointed < len(ctx.words) and ctx.same_sentence(title_at, appointed + 1):
        title_at = appointed  # "Christos Petrou, nommé vice-ministre", "X, named ambassador"
    phrase = _title_phrase(ctx, title_at)
    if phrase is None or phrase.first != title_at:
        return None
    end = phrase.last
    if _starts_a_titled_name(ctx, end):
        return None  # "President X, Prime Minister Y and ...": a list of titled people, not X's office
    # The office runs to the next comma or sentence end ("chargé de la Défense"), or to a relative
    # pronoun ("une journaliste qui animait ..."): what follows is a clause, not the office.
    while end < len(ctx.words) and end - after_name < MAX_OFFICE_WORDS and ctx.same_sentence(after_name, end + 1):
        gap = ctx.text[ctx.words[end - 1].end : ctx.words[end].start]
        if any(char in gap for char in ',;:.()"«»\n') or _is_clause_word(ctx, end):
            break  # "X, le président de la commission européenne se dit rassuré", "X, president of Y said"
        end += 1
    return title_at, end, phrase.country, phrase.sector


def _starts_a_titled_name(ctx: Context, end: int) -> bool:
    """A person's name of two words or more right after a whole title ("Prime Minister Mir Hossein
    Mousavi"); not a body the title names ("président du groupe UMP"), nor the complement after a
    title ending on a connector ("president of Costa Rica's central bank")."""
    return (
        end < len(ctx.words)
        and _adjacent(ctx, end - 1, end)
        and _is_name_word(ctx, end)
        and not _ends_with_connector(ctx, end)
        and not _in_known_body(ctx, end)
        and _name_run(ctx, end) - end >= 2
    )


# -- NER and reported speech ----------------------------------------------------------------------
def _ner_persons(ctx: Context) -> list[Candidate]:
    """French NER PER spans, with leading titles stripped and place names left to the gazetteer."""
    if ctx.doc is None or not ctx.doc.has_annotation("ENT_IOB"):
        return []
    candidates = []
    for entity in ctx.doc.ents:
        if entity.label_ != "PER":
            continue
        span = ctx.word_span(entity.start_char, entity.end_char)
        if span is None:
            continue
        first, last = span
        found_title = ctx.lookup(ctx.lexicon.titles, first, longest=5)  # type: ignore[arg-type]
        title, sector = None, None
        if found_title is not None and found_title[0] < last:
            title_end, (_, sector) = found_title  # type: ignore[str-unpack]
            title = ctx.surface(first, title_end)
            first = title_end
        while first < last and not _is_name_word(ctx, first):
            first += 1
        last = _surname_end(ctx, first, last)
        if first >= last or ctx.match_covering(first, last, PLACE_KINDS):
            continue
        ref, rule, confidence = _person_ref(ctx, first, last, None, sector, titled=title is not None)
        rule = "ner" if rule == "pattern" else rule
        candidates.append(Candidate(first, last, GAZETTEER, ref, rule, confidence, title=title))
    return candidates


def _surname_end(ctx: Context, first: int, last: int) -> int:
    """End of the name inside a PER span: trailing words that are no name words are cut, except
    a place name closing a span of given name + surname, which is the surname ("François
    Hollande", "Jean-Louis Paris"): the tagger read a person there, and a place does not follow a
    first name inside one name."""
    end = last
    while end > first and not _is_name_word(ctx, end - 1):
        end -= 1
    if (
        end == last - 1
        and end > first
        and ctx.words[last - 1].is_capitalized
        and ctx.match_covering(last - 1, last, ("country", "city", "seat"))
        and _adjacent(ctx, last - 2, last - 1)
    ):
        return last
    return end


def _speech_persons(ctx: Context) -> list[Candidate]:
    """ "..., Salaheddine Sidhoum said": two or three capitalised words before a speech verb."""
    candidates = []
    for index in range(len(ctx.words)):
        verb_end = ctx.phrase_starting_at(index, "speech_verbs")
        if verb_end is None or index < 2:
            continue
        start = index
        while (
            start > 0
            and index - start < 3
            and _is_name_word(ctx, start - 1)
            and (start == index or _adjacent(ctx, start - 1, start))
        ):
            start -= 1
        if index - start < 2 or is_arabic(ctx.words[start].text):
            continue
        if not _adjacent(ctx, index - 1, index) and ctx.text[
            ctx.words[index - 1].end : ctx.words[index].start
        ].strip() not in (",", ""):
            continue
        ref, rule, confidence = _person_ref(ctx, start, index, None, None, titled=False)
        candidates.append(Candidate(start, index, GUESS, ref, rule, 0.5 if rule == "pattern" else confidence))
    return candidates


def _adjacent(ctx: Context, left: int, right: int) -> bool:
    return ctx.adjacent(left, right, NAME_SEPARATORS)
