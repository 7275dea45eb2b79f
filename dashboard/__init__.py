"""The newsdesk dashboard: a Streamlit app that reads the warehouse (read-only) and its marts.

Entry point: `dashboard/app.py` (`newsdesk dashboard` / `make dashboard`). The pages live in
`dashboard/views/`; what they share is split by concern: `store` (read-only access to the DuckDB
file), `filters` (the sidebar filters as SQL conditions), `charts` (Altair charts) and
`highlight` (article text with its extracted spans marked).
"""
