"""A stand-in extractor for the worker tests: it misbehaves on purpose when an article asks it to.

Markers in the text: POISON-CRASH (segmentation fault), POISON-HANG (never returns),
POISON-MEMORY (grows without end), POISON-ERROR (a Python exception). Any other article gets an
empty document at once, so the tests need no model.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Sequence

from transforms.records import ArticleRecord, ExtractedDocument


class PoisonExtractor:
    def prepare(self, languages: Sequence[str]) -> None:
        if "xx-crash" in languages:
            os.kill(os.getpid(), signal.SIGSEGV)

    def extract_batch(self, articles: Sequence[ArticleRecord]) -> list[ExtractedDocument]:
        for article in articles:
            if "POISON-CRASH" in article.text:
                os.kill(os.getpid(), signal.SIGSEGV)
            if "POISON-HANG" in article.text:
                time.sleep(3600)
            if "POISON-MEMORY" in article.text:
                hoard = []
                while True:
                    hoard.append(bytearray(16 * 1024**2))
            if "POISON-ERROR" in article.text:
                raise ValueError("this article breaks a rule")
        return [ExtractedDocument(article=article) for article in articles]


class ForgivingExtractor(PoisonExtractor):
    """The same stand-in once the bug is fixed: no marker troubles it any more."""

    def extract_batch(self, articles: Sequence[ArticleRecord]) -> list[ExtractedDocument]:
        return [ExtractedDocument(article=article) for article in articles]


class TimedExtractor(PoisonExtractor):
    """Takes a while over each batch and notes in every document which process extracted it, and
    from when to when (the pool tests); poison markers still misbehave."""

    SECONDS = 0.6

    def extract_batch(self, articles: Sequence[ArticleRecord]) -> list[ExtractedDocument]:
        started = time.time()
        time.sleep(self.SECONDS)
        documents = super().extract_batch(articles)
        note = f"{os.getpid()} {started} {time.time()}"
        return [ExtractedDocument(article=document.article, extraction_message=note) for document in documents]


class SlowToStartExtractor(TimedExtractor):
    """A TimedExtractor whose every process but the first takes long to start, as a second
    process loading the models does while the first already works (the file named by
    NEWSDESK_TEST_STARTED marks that a first one started)."""

    def __init__(self) -> None:
        try:
            with open(os.environ["NEWSDESK_TEST_STARTED"], "x"):
                pass
        except FileExistsError:
            time.sleep(8.0)
