"""The extraction pipeline: articles in, documents (dates, actors, events, agreements) out.

Models load once per `Extractor`; `extract_batch` runs spaCy over the whole batch (grouped by
language) and then each extraction stage over each parsed article. Stages are pure functions of
the article, its parse and the stages before them, so a batch gives the same result whatever
else is in it.
"""

from __future__ import annotations

from collections.abc import Sequence

from transforms.nlp import NlpPipelines, sentences_of
from transforms.records import ArticleRecord, ExtractedDocument

# Bump when a change to any extraction stage changes what it produces: every derived warehouse
# row records the version that made it, and `reprocess` rebuilds rows made by older versions.
EXTRACTOR_VERSION = "0.1.0"


class Extractor:
    """Turns articles into extracted documents, loading every model once."""

    def __init__(self, nlp: NlpPipelines | None = None) -> None:
        self.nlp = nlp or NlpPipelines()

    def extract_batch(self, articles: Sequence[ArticleRecord]) -> list[ExtractedDocument]:
        docs = self.nlp.parse(
            [article.text for article in articles],
            [article.language.language for article in articles],
        )
        return [
            ExtractedDocument(article=article, sentences=sentences_of(doc))
            for article, doc in zip(articles, docs)
        ]
