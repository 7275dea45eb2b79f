"""Article: one article's text with its actor mentions, dates and event evidence highlighted."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import context
from dashboard.display import table
from dashboard.filters import article_condition
from dashboard.highlight import Span, actor_kind, evidence_span, highlight, legend
from dashboard.safe_text import html_text
from dashboard.store import Warehouse


def render(page: context.PageContext) -> None:
    st.title("Article")
    condition = article_condition(page.filters)
    articles = page.warehouse.frame(
        f"""
        SELECT article_id, title, language, published_raw, published_start, left(text, 80) AS opening,
            (SELECT count(*) FROM event_mentions AS m WHERE m.article_id = articles.article_id) AS events
        FROM articles WHERE {condition.sql}
        ORDER BY events DESC, published_start DESC NULLS LAST, article_id
        """,
        condition.params,
    )
    if articles.empty:
        st.info("No article matches the filters.")
        return
    labels = {row.article_id: _label(row) for row in articles.itertuples()}
    ids = list(labels)
    wanted = st.query_params.get("article")
    article_id = st.selectbox(
        "Article",
        ids,
        index=ids.index(wanted) if wanted in labels else 0,
        format_func=labels.get,  # type: ignore[arg-type]
        key="article",
    )
    _show(page.warehouse, article_id)  # type: ignore[arg-type]


def _label(row: pd.Series) -> str:
    heading = row.title if isinstance(row.title, str) and row.title else row.opening.replace("\n", " ") + "…"
    return f"{row.published_raw or 'undated'} · {row.language} · {heading} · {row.events} events"


def _show(warehouse: Warehouse, article_id: str) -> None:
    article = warehouse.frame("SELECT * FROM articles WHERE article_id = ?", [article_id]).iloc[0]
    mentions = warehouse.frame(
        """
        SELECT m.start, m."end", m.text, m.actor_id, aa.name, aa.type, m.rule, m.confidence
        FROM mentions AS m LEFT JOIN article_actors AS aa USING (article_id, actor_id)
        WHERE m.article_id = ? ORDER BY m.start
        """,
        [article_id],
    )
    dates = warehouse.frame(
        'SELECT start, "end", text, value, date_start, date_end, precision, kind FROM dates WHERE article_id = ? ORDER BY start',
        [article_id],
    )
    events = warehouse.frame(
        """
        SELECT start, "end", sentence, event_id, event_type, cameo_code, trigger, sources, targets, date_start, date_end,
            modality, negated, evidence
        FROM event_mentions WHERE article_id = ? ORDER BY start
        """,
        [article_id],
    )
    # Title, source, date and path come from the input file: HTML-escaped, never read as Markdown.
    title = article.title if isinstance(article.title, str) and article.title else "Untitled article"
    st.html(f'<h3 class="nd-title" style="margin:0">{html_text(title)}</h3>')
    about = " · ".join(
        html_text(part)
        for part in (
            article.source if isinstance(article.source, str) else None,
            f"language {article.language}",
            f"published {article.published_raw}" if isinstance(article.published_raw, str) else "undated",
            f"id {article_id}",
            f"file {article.first_source_path}",
        )
        if part
    )
    st.html(f'<div class="nd-about" style="font-size:.85rem;opacity:.7">{about}</div>')
    st.html(f'<div style="font-size:.85rem;line-height:2">{legend()}</div>')
    body = highlight(article.text, _spans(article.text, mentions, dates, events))
    st.html(f'<div class="nd-article" style="white-space:pre-wrap;line-height:1.75;font-size:1.02rem">{body}</div>')
    actor_tab, date_tab, event_tab, agreement_tab = st.tabs(["Actors", "Dates", "Events", "Agreements"])
    actors = warehouse.frame(
        "SELECT * EXCLUDE (article_id, extractor_version) FROM article_actors WHERE article_id = ? "
        "ORDER BY mention_count DESC, actor_id",
        [article_id],
    )
    agreements = warehouse.frame(
        "SELECT name, normalized_name, type, parties, signatories, signed_start, status, provisions, evidence "
        "FROM agreement_mentions WHERE article_id = ? ORDER BY start",
        [article_id],
    )
    table(actors, actor_tab)
    table(dates, date_tab)
    table(events, event_tab)
    table(agreements, agreement_tab)


def _spans(text: str, mentions: pd.DataFrame, dates: pd.DataFrame, events: pd.DataFrame) -> list[Span]:
    spans = [
        Span(
            int(row.start),
            int(row.end),
            actor_kind(row.type if isinstance(row.type, str) else ""),
            f"{row.name} ({row.actor_id}, {row.rule})",
        )
        for row in mentions.itertuples()
    ]
    spans += [
        Span(int(row.start), int(row.end), "date", f"{row.value}: {row.date_start:%Y-%m-%d} to {row.date_end:%Y-%m-%d}")
        for row in dates.itertuples()
    ]
    for row in events.itertuples():
        note = f"{row.event_type} {row.cameo_code or ''}: {', '.join(row.sources)} → {', '.join(row.targets) or '(reciprocal)'}"
        spans.append(Span(int(row.start), int(row.end), "trigger", note))
        sentence = evidence_span(text, row.evidence, int(row.start), note)
        if sentence is not None:
            spans.append(sentence)
    return spans


render(context.current())
