"""How a resolved actor reads as PLOVER gold codes: shared by the actor and event scorers, so
both score the same gold data with the same mapping."""

from __future__ import annotations

from transforms.records import Actor


def plover_codes(actor: Actor) -> set[str]:
    """The actor's country (ISO 3166 alpha-3), plus IGO for international organisations and NGO
    for other organisations that belong to no country (the GSR's sector-style codes)."""
    codes = {actor.country} if actor.country else set()
    if actor.type == "igo" or actor.sector == "IGO":
        codes.add("IGO")
    if actor.sector == "NGO" or (actor.type == "organization" and not actor.country):
        codes.add("NGO")
    return codes
