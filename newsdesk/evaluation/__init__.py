"""Scorers for `newsdesk eval NAME PATH...`: one module per name, each with main(paths) -> exit code."""
