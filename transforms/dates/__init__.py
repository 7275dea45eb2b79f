"""Dates: every date expression of an article, found, spanned and resolved against its
publication date (`find_dates`), and the publication date itself (`publication`).

    lexicons  → the word classes and rule templates of transforms/data/dates_<lang>.yaml
    grammar   → compiled rules and their matches (anchors: where each rule may match)
    resolution, periods, calendar → a match's fields resolved to a range, precision and value
    tense     → past or future, from the markers near a date
    fallback  → dateparser, for languages without rules
    finder    → find_dates: match, resolve, keep the longest, signal modifiers
    publication → the publication date of a header or JSON field
"""

from transforms.dates.finder import find_dates

__all__ = ["find_dates"]
