"""Rows of the event and agreement tables for one extracted article.

`document.events` and `document.agreements` hold mentions: records sharing an id are one event
or one agreement. Mentions become event_mentions / agreement_mentions rows; the bridge tables
(event_actors, agreement_parties) get one row per id, actor and role, pointing at the place in
the first mention's sentence that names the actor (NULL offsets when the actor was inferred).
"""

from __future__ import annotations

from collections.abc import Iterable

from transforms.records import Actor, ActorMention, Agreement, Event, ExtractedDocument

# An event's sentence may run into the next pipeline sentence when the NLP stage split a word.
SENTENCE_SLACK = 1


def rows(document: ExtractedDocument) -> dict[str, list[dict]]:
    article_id = document.article.article_id
    actors = {actor.actor_id: actor for actor in document.actors}
    return {
        "event_mentions": [_event_mention_row(article_id, event) for event in document.events],
        "event_actors": _event_actor_rows(article_id, document.events, actors),
        "agreement_mentions": [_agreement_mention_row(article_id, a) for a in document.agreements],
        "agreement_parties": _agreement_party_rows(article_id, document.agreements, actors),
    }


def _event_mention_row(article_id: str, event: Event) -> dict:
    return {
        "article_id": article_id,
        "event_id": event.event_id,
        "event_type": event.event_type,
        "mode": event.mode,
        "context": event.context,
        "cameo_code": event.cameo_code,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "sources": list(event.sources),
        "targets": list(event.targets),
        "date_start": event.date_start,
        "date_end": event.date_end,
        "date_precision": event.date_precision,
        "date_source": event.date_source,
        "location": event.location,
        "location_country": event.location_country,
        "evidence": event.evidence,
        "sentence": event.sentence,
        "start": event.start,
        "end": event.end,
        "trigger": event.trigger,
        "negated": event.negated,
        "modality": event.modality,
        "reported_by": event.reported_by,
        "confidence": event.confidence,
        "past_tense": event.past_tense,
    }


def _event_actor_rows(article_id: str, events: Iterable[Event], actors: dict[str, Actor]) -> list[dict]:
    rows_: dict[tuple[str, str, str], dict] = {}
    for event in sorted(events, key=lambda e: (e.start, e.event_id)):
        for role, actor_ids in (("source", event.sources), ("target", event.targets)):
            for actor_id in actor_ids:
                key = (event.event_id, actor_id, role)
                if key in rows_:
                    continue
                mention = _mention_near(actors.get(actor_id), event.sentence, event.start)
                rows_[key] = {
                    "article_id": article_id,
                    "event_id": event.event_id,
                    "actor_id": actor_id,
                    "role": role,
                    "inferred": mention is None,
                    "sentence": event.sentence,
                    "start": mention.start if mention else None,
                    "end": mention.end if mention else None,
                    "actor_text": mention.text if mention else None,
                }
    return list(rows_.values())


def _agreement_mention_row(article_id: str, agreement: Agreement) -> dict:
    return {
        "article_id": article_id,
        "agreement_id": agreement.agreement_id,
        "name": agreement.name,
        "normalized_name": agreement.normalized_name,
        "type": agreement.type,
        "domain": agreement.domain,
        "parties": list(agreement.parties),
        "parties_key": ",".join(sorted(agreement.parties)),
        "signatories": list(agreement.signatories),
        "signed_start": agreement.signed_start,
        "signed_end": agreement.signed_end,
        "signed_precision": agreement.signed_precision,
        "place": agreement.place,
        "status": agreement.status,
        "provisions": list(agreement.provisions),
        "notes": list(agreement.notes),
        "evidence": agreement.evidence,
        "sentence": agreement.sentence,
        "start": agreement.start,
        "end": agreement.end,
        "signing_event_id": agreement.signing_event_id,
        "confidence": agreement.confidence,
    }


def _agreement_party_rows(article_id: str, agreements: Iterable[Agreement], actors: dict[str, Actor]) -> list[dict]:
    rows_: dict[tuple[str, str, str], dict] = {}
    mentions_by_id: dict[str, list[Agreement]] = {}
    for agreement in sorted(agreements, key=lambda a: (a.start, a.agreement_id)):
        mentions_by_id.setdefault(agreement.agreement_id, []).append(agreement)
    for agreement_id, mentions in mentions_by_id.items():
        first = mentions[0]
        for role, actor_ids in (("party", first.parties), ("signatory", first.signatories)):
            for actor_id in actor_ids:
                mention = _first_mention_in(actors.get(actor_id), mentions)
                rows_[(agreement_id, actor_id, role)] = {
                    "article_id": article_id,
                    "agreement_id": agreement_id,
                    "actor_id": actor_id,
                    "role": role,
                    "office": _office(actors.get(actor_id), mention) if role == "signatory" else None,
                    "sentence": first.sentence,
                    "start": mention.start if mention else None,
                    "end": mention.end if mention else None,
                    "actor_text": mention.text if mention else None,
                }
    return list(rows_.values())


def _mention_near(actor: Actor | None, sentence: int, offset: int) -> ActorMention | None:
    if actor is None:
        return None
    near = [m for m in actor.mentions if sentence <= m.sentence <= sentence + SENTENCE_SLACK]
    return min(near, key=lambda m: (abs(m.start - offset), m.start), default=None)


def _first_mention_in(actor: Actor | None, mentions: list[Agreement]) -> ActorMention | None:
    for agreement in mentions:
        found = _mention_near(actor, agreement.sentence, agreement.start)
        if found is not None:
            return found
    return None


def _office(actor: Actor | None, mention: ActorMention | None) -> str | None:
    if mention is not None and (mention.office or mention.title):
        return mention.office or mention.title
    if actor is not None and actor.offices:
        return actor.offices[0]
    return None
