"""Text from the warehouse, shown as text: never read as Markdown or HTML.

Titles, sources, names, paths and sentences come from the files newsdesk reads, so whoever can
put a file in an input folder writes them. Streamlit reads Markdown in st.markdown, st.caption,
st.subheader and widget or expander labels: an image there makes the browser fetch its URL, a
link goes live, and GitHub-flavoured Markdown links bare URLs in plain text too. So the
dashboard shows such text either HTML-escaped inside st.html (`html_text`), or, where only
Markdown is accepted, inside an inline code span (`markdown_code`), whose content Markdown never
interprets. dashboard/highlight.py escapes article bodies and evidence sentences the same way.
"""

from __future__ import annotations

import html
import re

_BACKTICK_RUNS = re.compile(r"`+")


def html_text(value: object) -> str:
    """`value` as HTML text: every <, >, & and quote escaped, so it can never become markup."""
    return html.escape(str(value), quote=True)


def markdown_code(value: object) -> str:
    """`value` as a Markdown inline code span on one line, shown literally.

    The fence is one backtick longer than the longest run inside, and padded with spaces (which
    CommonMark strips), so no content can close the span early.
    """
    text = " ".join(str(value).split())
    fence = "`" * (max((len(run) for run in _BACKTICK_RUNS.findall(text)), default=0) + 1)
    return f"{fence} {text} {fence}"
