"""Actor identities: the canonical key every mention resolves to, and what it says about the actor.

An actor id is a readable canonical key, the same in every article, language, spelling and
script, and never dependent on the order articles are processed in:

    state:MAR            a state, by ISO 3166-1 alpha-3 (historic states by their ISO 3166-3 code)
    place:MAR            the territory of a state used as a place ("signé au Maroc")
    place:MAR:rabat      a city used as a place ("signé à Rabat")
    military:ISR         a state's national military ("l'armée israélienne", "Tsahal")
    police:ISR           a state's national police
    intelligence:ISR     a state's intelligence services named by their country ("les services de
                         renseignement algériens", "المخابرات المصرية"); a service the dictionary
                         knows by name keeps its own id (org:mossad)
    civilians:ISR        a state's civilians named as a crowd ("Egyptian protesters", crowds.py)
    business:creditors   an article's commercial creditors named as a group ("creditor banks"),
                         with no country (crowds.py, rule creditors)
    <dictionary id>      a known actor: "person:aviv-kochavi", "org:polisario-front", "igo:nato"
    person:<name key>    an unknown person: the folded, transliterated full name
    org:<name key>       an unknown organisation or group (whatever type its context suggests)

Unknown names are keyed on `text.slug` (case, diacritics, punctuation and script folded), so
"Abdellatif Loudiyi" and "ABDELLATIF LOUDIYI" meet. Two different spellings of an unknown name
("Kochavi"/"Kohavi") stay two actors here; docs/actors.md explains where they may be merged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from anyascii import anyascii

from transforms.actors.knowledge import Knowledge, KnownActor
from transforms.actors.text import slug


@dataclass(frozen=True)
class ActorRef:
    """Who a mention is about, before mentions are grouped into `Actor` records."""

    actor_id: str
    name: str
    type: str
    country: str | None
    sector: str | None
    known: bool = False  # from the dictionary or a gazetteer (not guessed from context)


def state(knowledge: Knowledge, iso3: str) -> ActorRef:
    return ActorRef(f"state:{iso3}", knowledge.countries[iso3].name, "state", iso3, "GOV", True)


def place(knowledge: Knowledge, iso3: str, city: str | None = None) -> ActorRef:
    if city is None:
        return ActorRef(f"place:{iso3}", knowledge.countries[iso3].name, "place", iso3, None, True)
    return ActorRef(f"place:{iso3}:{slug(city)}", city, "place", iso3, None, True)


def military(knowledge: Knowledge, iso3: str) -> ActorRef:
    known = knowledge.dictionary.get(f"military:{iso3}")
    if known is not None:
        return known_actor(known, None)
    name = f"{knowledge.countries[iso3].name} armed forces"
    return ActorRef(f"military:{iso3}", name, "military", iso3, "MIL", True)


def police(knowledge: Knowledge, iso3: str) -> ActorRef:
    known = knowledge.dictionary.get(f"police:{iso3}")
    if known is not None:
        return known_actor(known, None)
    name = f"{knowledge.countries[iso3].name} police"
    return ActorRef(f"police:{iso3}", name, "organization", iso3, "POL", True)


def intelligence(knowledge: Knowledge, iso3: str) -> ActorRef:
    """A country's intelligence services as a whole: which one of them is meant is not said."""
    name = f"{knowledge.countries[iso3].name} intelligence services"
    return ActorRef(f"intelligence:{iso3}", name, "organization", iso3, "POL", True)


def known_actor(actor: KnownActor, day: date | None) -> ActorRef:
    sector = actor.sector_on(day)
    # A person holding an international office that day (UN Secretary-General) acts for the
    # organisation, not for the state of their nationality.
    country = None if actor.type == "person" and sector == "IGO" else actor.country
    return ActorRef(actor.actor_id, actor.name, actor.type, country, sector, True)


def unknown_person(name: str, country: str | None, sector: str | None) -> ActorRef:
    return ActorRef(f"person:{slug(name)}", latin_name(name), "person", country, sector)


def unknown_group(name: str, actor_type: str, country: str | None, sector: str | None) -> ActorRef:
    return ActorRef(f"org:{slug(name)}", latin_name(name), actor_type, country, sector)


def latin_name(name: str) -> str:
    """A name as written when it is in Latin script, else transliterated ("بيني غانتس" -> "Byny Ghnts")."""
    if all(ord(char) < 0x250 or not char.isalpha() for char in name):
        return " ".join(name.split())
    return " ".join(word.capitalize() for word in anyascii(name).split())
