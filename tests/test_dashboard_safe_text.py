"""dashboard/safe_text.py: warehouse text as HTML text or as a Markdown code span, never as markup."""

from __future__ import annotations

import re

from dashboard.safe_text import html_text, markdown_code


def test_html_text_escapes_tags_and_quotes() -> None:
    assert html_text('<img src="x">') == "&lt;img src=&quot;x&quot;&gt;"


def test_markdown_code_wraps_text_in_a_code_span() -> None:
    assert markdown_code("![p](http://host/p.png)") == "` ![p](http://host/p.png) `"


def test_markdown_code_fence_is_longer_than_any_backtick_run_inside() -> None:
    span = markdown_code("a `` b ` c")
    fence = re.match(r"`+", span).group()
    assert fence == "```" and span.endswith(" ```")


def test_markdown_code_keeps_the_span_on_one_line() -> None:
    assert markdown_code("title\n\n# heading") == "` title # heading `"
