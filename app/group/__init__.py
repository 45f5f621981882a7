"""Organiser mode: screen a group of volunteers from spreadsheets and answers files, offline.

- columns: header matching, cell values to codes, group defaults
- reading: streaming readers for CSV, XLSX and answers files
- members: people, results, the screener, duplicates and counts
- pipeline: inputs -> results with progress and cancelling
- export: results as CSV / XLSX (formula-safe); templates: blank spreadsheets
- project: save and open a group; group_pdf: the group report
"""
