"""Prompt and message templates: installed as the package data minutesqa.templates
(pyproject.toml maps this folder there; minutesqa/prompts.py reads them)."""
