"""Events and agreements: who did what to whom, when and where, and which agreements bind whom.

Entry point: `EventExtractor().extract(article, doc, sentences, dates, actors)`.
"""

from transforms.events.extractor import EventExtractor

__all__ = ["EventExtractor"]
