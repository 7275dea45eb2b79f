"""One file's articles, extracted without Prefect or a warehouse: `newsdesk extract` and the
`eval realnews` scorer share this, so both see exactly what a run would extract.

The file is read as a run reads it (a regular file only, without blocking, at most the size limit
plus one byte), and extraction runs in worker processes, so an article that crashes or hangs
the NLP libraries comes back set aside instead of ending the command. A file of more than one
chunk is spread over the pool's processes (NEWSDESK_NLP_PROCESSES), its documents in file order.
"""

from __future__ import annotations

from dataclasses import dataclass

from flows.extraction_worker import PRELOADED_LANGUAGES, ExtractionPool
from newsdesk.config import max_file_bytes
from newsdesk.inputs import read_file
from transforms.reading import FileReading, read_articles
from transforms.records import ExtractedDocument


@dataclass(frozen=True)
class FileExtraction:
    reading: FileReading  # the articles read and the problems (quarantine reasons) found
    documents: list[ExtractedDocument]  # one per article, in file order


def extract_file(path: str, data: bytes | None = None) -> FileExtraction:
    """Extract the articles of `path` (or of `data`, read from elsewhere under that name).

    Raises OSError, or newsdesk.inputs.NotARegularFile, when the path cannot be read.
    """
    limit = max_file_bytes()
    pool = ExtractionPool()
    try:
        content = read_file(path, limit).data if data is None else data
        # The first worker builds its extractor and loads the slow models while this process reads
        # and identifies languages (flows/extraction_worker.py: ExtractionPool.start); a second
        # starts only when there is a second chunk to extract.
        pool.start(PRELOADED_LANGUAGES)
        reading = read_articles(path, content, limit)
        if not reading.articles:
            return FileExtraction(reading, [])
        return FileExtraction(reading, pool.extract_in_order(list(reading.articles)))
    finally:
        pool.close()
