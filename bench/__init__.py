"""`python -m bench`: how fast Legwork's calculators answer, measured against a bare Pyodide page.

The benchmark builds the site into a private temporary folder, serves it on 127.0.0.1, drives Debian's
Chromium headless and prints one table of medians, each ratio taken from A/B runs alternated in the same
session so that a noisy, shared machine moves both sides alike. Speed targets live here, never in timed tests.
"""
