"""Agreements: the agreements_overview mart, each with its provenance (evidence and article)."""

from __future__ import annotations

from urllib.parse import quote

import pandas as pd
import streamlit as st

from dashboard import context
from dashboard.display import table
from dashboard.filters import agreement_condition
from dashboard.highlight import Span, evidence_span, highlight
from dashboard.safe_text import html_text, markdown_code

TABLE = [
    "normalized_name",
    "name",
    "type",
    "domain",
    "party_names",
    "signatories_with_office",
    "signed_start",
    "signed_precision",
    "place",
    "status",
    "provisions",
    "num_mentions",
    "num_articles",
    "first_mentioned",
]


def render(page: context.PageContext) -> None:
    st.title("Agreements")
    condition = agreement_condition(page.filters)
    agreements = page.warehouse.frame(
        f"""
        SELECT o.*, a.text AS article_text FROM agreements_overview AS o
        LEFT JOIN articles AS a USING (article_id)
        WHERE {condition.sql} ORDER BY o.signed_start NULLS LAST, o.agreement_id
        """,
        condition.params,
    )
    if agreements.empty:
        st.info("No agreement matches the filters.")
        return
    table(agreements[TABLE])
    st.subheader("Provenance")
    for index, agreement in enumerate(agreements.itertuples()):
        # Labels are Markdown: the name (read from an article) goes in a code span, shown literally.
        label = f"{markdown_code(agreement.normalized_name)} — {markdown_code(agreement.status)}"
        # The first is always open, so the page shows what a provenance block holds.
        with st.expander(label, expanded=index == 0 or len(agreements) <= 3):
            _provenance(agreement)


def _provenance(agreement: pd.Series) -> None:
    """Who, what and where from: every value HTML-escaped (names and titles come from articles)."""
    parties = ", ".join(agreement.party_names) or "unknown parties"
    signatories = ", ".join(agreement.signatories_with_office) or "no signatory named"
    provisions = ", ".join(agreement.provisions) or "not said"
    st.html(
        f"<div><b>Parties:</b> {html_text(parties)}<br><b>Signed by:</b> {html_text(signatories)}<br>"
        f"<b>Provisions:</b> {html_text(provisions)}</div>"
    )
    st.html(
        f'<blockquote style="margin:0;padding:.4rem .8rem;border-left:4px solid #f0b400">{_evidence_html(agreement)}</blockquote>'
    )
    published = "" if pd.isna(agreement.article_published) else f", published {agreement.article_published:%Y-%m-%d}"
    link = f"article?article={quote(str(agreement.article_id))}"  # our own page: the only link drawn here
    st.html(
        f'<div>First mentioned in sentence {html_text(agreement.sentence)} of <a href="{html_text(link)}">'
        f"{html_text(_article_name(agreement))}</a> (<code>{html_text(agreement.article_id)}</code>, "
        f"{html_text(agreement.article_language)}{published}); "
        f"{html_text(agreement.num_mentions)} mention(s) in {html_text(agreement.num_articles)} article(s).</div>"
    )


def _article_name(agreement: pd.Series) -> str:
    """The article's title, else its opening words (many articles have no title)."""
    if isinstance(agreement.article_title, str) and agreement.article_title:
        return agreement.article_title
    text = agreement.article_text if isinstance(agreement.article_text, str) else ""
    opening = " ".join(text.split()[:10])
    return f"{opening}…" if opening else "the article"


def _evidence_html(agreement: pd.Series) -> str:
    """The evidence sentence with the agreement's name marked, when its offsets can be placed."""
    text = agreement.article_text if isinstance(agreement.article_text, str) else ""
    if pd.isna(agreement.name_start) or not text:
        return highlight(agreement.evidence, [])
    start, end = int(agreement.name_start), int(agreement.name_end)
    sentence = evidence_span(text, agreement.evidence, start, "evidence")
    if sentence is None:
        return highlight(agreement.evidence, [])
    name = Span(start - sentence.start, end - sentence.start, "trigger", f"agreement: {agreement.name}")
    return highlight(agreement.evidence, [name])


render(context.current())
