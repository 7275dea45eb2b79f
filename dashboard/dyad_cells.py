"""The dyad matrix's cells from dyads_monthly, with reciprocal events counted in both directions.

dyads_monthly files a reciprocal event (a meeting, a joint statement: sources, no target) once per
pair of its countries, under the alphabetically first as source, so ISR→MAR would read 6 and
MAR→ISR 1 for meetings that had no direction. Here each cell (row country, column country) keeps
its directed events (row → column, reciprocal ones taken out) and gets the pair's reciprocal events
whichever way round the mart filed them; `events` is the sum of the two.

The mart has reciprocal_events in all but not per PLOVER type, so the reciprocal part is rebuilt
from events and actors exactly as the mart's `reciprocal` rows are (tests compare the two).
"""

from __future__ import annotations

from typing import Any

from dashboard.filters import Filters, dyad_condition, dyad_event_count

# One row per (pair of countries, month) of reciprocal events, the first country the alphabetically
# first one, as in dyads_monthly; `counted` only counts the chosen event types.
RECIPROCAL = """
SELECT s.country AS source_country, o.country AS target_country, s.month,
    count(*) AS events,
    count(*) FILTER (WHERE {chosen}) AS counted,
    count(*) FILTER (WHERE s.quad_class IN (1, 2)) AS cooperation,
    count(*) FILTER (WHERE s.quad_class IN (3, 4)) AS conflict,
    sum(s.goldstein) AS goldstein_sum
FROM (
    SELECT DISTINCT p.event_id, p.event_type, p.quad_class, p.goldstein, p.month, a.country
    FROM (
        SELECT event_id, event_type, quad_class, goldstein, unnest(sources) AS actor_id,
            date_trunc('month', coalesce(date_start, first_published))::DATE AS month
        FROM events
        WHERE NOT negated AND len(targets) = 0 AND coalesce(date_start, first_published) IS NOT NULL
    ) AS p JOIN actors AS a USING (actor_id)
    WHERE a.country IS NOT NULL
) AS s JOIN (
    SELECT DISTINCT e.event_id, a.country
    FROM (SELECT event_id, unnest(sources) AS actor_id FROM events) AS e JOIN actors AS a USING (actor_id)
    WHERE a.country IS NOT NULL
) AS o ON o.event_id = s.event_id AND s.country < o.country
GROUP BY ALL
"""


def reciprocal_sql(filters: Filters) -> tuple[str, tuple[Any, ...]]:
    """RECIPROCAL for the chosen event types (all when none)."""
    if not filters.event_types:
        return RECIPROCAL.format(chosen="true"), ()
    return RECIPROCAL.format(chosen="list_contains(?, s.event_type)"), (list(filters.event_types),)


def dyad_cells_sql(filters: Filters) -> tuple[str, tuple[Any, ...]]:
    """SQL and parameters for the matrix: source_country (row), target_country (column), directed
    (row → column, not reciprocal), reciprocal (the pair's reciprocal events, in both cells), events
    (directed + reciprocal), cooperation, conflict and goldstein_mean (over all the cell's events,
    of every type). Only cells with events of the chosen types."""
    condition = dyad_condition(filters)
    count = dyad_event_count(filters)
    reciprocal, reciprocal_params = reciprocal_sql(filters)
    sql = f"""
    WITH reciprocal AS ({reciprocal}),
    mart AS (
        SELECT m.source_country, m.target_country,
            m.{count} - coalesce(r.counted, 0) AS directed,
            coalesce(r.counted, 0) AS reciprocal,
            m.verbal_cooperation + m.material_cooperation AS cooperation,
            m.verbal_conflict + m.material_conflict AS conflict,
            m.goldstein_sum, m.events AS all_events,
            r.cooperation AS reciprocal_cooperation, r.conflict AS reciprocal_conflict,
            r.goldstein_sum AS reciprocal_goldstein_sum, r.events AS all_reciprocal
        FROM (SELECT * FROM dyads_monthly AS m WHERE {condition.sql}) AS m
        LEFT JOIN reciprocal AS r USING (source_country, target_country, month)
    ),
    cell AS (
        -- Each mart row as filed (its directed and reciprocal events) ...
        SELECT source_country, target_country, directed, reciprocal, cooperation, conflict, goldstein_sum, all_events
        FROM mart
        UNION ALL
        -- ... and its reciprocal events once more the other way round.
        SELECT target_country, source_country, 0, reciprocal, reciprocal_cooperation, reciprocal_conflict,
            reciprocal_goldstein_sum, all_reciprocal
        FROM mart WHERE all_reciprocal > 0
    )
    SELECT source_country, target_country,
        sum(directed + reciprocal)::BIGINT AS events,
        sum(directed)::BIGINT AS directed,
        sum(reciprocal)::BIGINT AS reciprocal,
        sum(cooperation)::BIGINT AS cooperation,
        sum(conflict)::BIGINT AS conflict,
        round(sum(goldstein_sum) / sum(all_events), 2) AS goldstein_mean
    FROM cell
    GROUP BY ALL HAVING sum(directed + reciprocal) > 0 ORDER BY ALL
    """
    return sql, reciprocal_params + condition.params
