"""The extraction pipeline: articles in, documents (dates, actors, events, agreements) out.

Models load once per `Extractor`; `extract_batch` runs spaCy over the whole batch (grouped by
language), then each stage over each parsed article, in order:

    sentences → dates → actors → events and agreements (which use the dates and actors)

Stages are pure functions of the article, its parse and the stages before them, so a batch gives
the same result whatever else is in it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from transforms.records import ArticleRecord, ExtractedDocument

if TYPE_CHECKING:  # imported by `Extractor` when built: see there
    from spacy.tokens import Doc

    from transforms.nlp import NlpPipelines

# Bump when a change to any extraction stage changes what it produces: every derived warehouse
# row records the version that made it, and `reprocess` rebuilds rows made by older versions.
EXTRACTOR_VERSION = "0.8.0"


class Extractor:
    """Turns articles into extracted documents, loading every model and dictionary once."""

    def __init__(self, nlp: NlpPipelines | None = None) -> None:
        # The stages, and spaCy with them, are imported here rather than with the module: the
        # run's process and each Dask worker import this module for EXTRACTOR_VERSION only, and
        # need neither (extraction runs in the NLP worker process); spaCy alone takes about 1 s.
        from transforms.actors import ActorResolver
        from transforms.events import EventExtractor
        from transforms.nlp import NlpPipelines

        self.nlp = nlp or NlpPipelines()
        self.actors = ActorResolver()
        self.events = EventExtractor()

    def prepare(self, languages: Sequence[str]) -> None:
        """Load the spaCy pipelines of these languages now rather than on their first article."""
        for language in languages:
            self.nlp.pipeline(language)

    def extract_batch(self, articles: Sequence[ArticleRecord]) -> list[ExtractedDocument]:
        docs = self.nlp.parse(
            [article.text for article in articles],
            [article.language.language for article in articles],
        )
        return [self._extract_one(article, doc) for article, doc in zip(articles, docs)]

    def _extract_one(self, article: ArticleRecord, doc: Doc) -> ExtractedDocument:
        from transforms.dates import find_dates
        from transforms.nlp import sentences_of

        sentences = sentences_of(doc)
        dates = find_dates(article.text, article.language.language, article.published.range, sentences)
        actors = self.actors.resolve(article, doc, sentences)
        events, agreements = self.events.extract(article, doc, sentences, dates, actors)
        return ExtractedDocument(
            article=article,
            sentences=sentences,
            dates=dates,
            actors=actors,
            events=events,
            agreements=agreements,
            events_coverage=self.events.coverage(article.language.language),
        )
