"""Actors: recognise people, states, militaries, organisations and armed groups in an article and
resolve each to one stable identity whatever the language, spelling, title or metonymy.

Use `ActorResolver` (load once per process): `resolver.resolve(article, doc, sentences)`.
The design and its coverage are described in docs/actors.md.
"""

from transforms.actors.resolver import ActorResolver

__all__ = ["ActorResolver"]
