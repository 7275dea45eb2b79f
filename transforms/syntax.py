"""The dependency tree, read safely: the one way the stages touch heads, children and relations.

Only French has a parser; every other language gets a tokenizer-only doc. On such a doc spaCy
3.8 keeps stale tree bookkeeping on tokens made by tokenizer exceptions ("let's", TeX quotes
``…''), and `Token.children`, `lefts`, `rights`, `subtree` and the edges read memory out of
bounds: the process dies with a segmentation fault that no `try` can catch. So no stage reads
the tree directly; each asks these helpers, which answer as for a flat sentence (no children,
every token its own head, no relation) when the doc carries no parse.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

_HAS_PARSE = "newsdesk.has_parse"  # cached in doc.user_data: has_annotation scans every token


def has_parse(doc: Doc) -> bool:
    """True when a parser set the doc's dependency tree."""
    cached = doc.user_data.get(_HAS_PARSE)
    if cached is None:
        cached = doc.user_data[_HAS_PARSE] = doc.has_annotation("DEP")
    return bool(cached)


def head(token: Token) -> Token:
    """The token's syntactic head; the token itself without a parse (or at the root)."""
    return token.head if has_parse(token.doc) else token


def dep(token: Token) -> str:
    """The token's dependency relation; "" without a parse."""
    return token.dep_ if has_parse(token.doc) else ""


def children(token: Token) -> list[Token]:
    """The token's dependents in text order; none without a parse."""
    return list(token.children) if has_parse(token.doc) else []


def subtree(token: Token) -> list[Token]:
    """The token and everything below it in text order; the token alone without a parse."""
    return list(token.subtree) if has_parse(token.doc) else [token]


def span_root(span: Span) -> Token:
    """The span's syntactic head; its first token without a parse (what spaCy answers there)."""
    return span.root if has_parse(span.doc) else span[0]
