"""Evaluation: load a question file, run a system over it, score the records.

The formats and every score are defined in shared/EVAL_FORMAT.md; this package implements
them exactly, one job a module:

- `questions`: the question file (types and the one loader, also used by the bench);
- `match`: whether a retrieved or cited entry is an expected item;
- `records`: asking every question, the record file (write, read, check);
- `scores`: every score, the failing questions, `percentile` (also the bench's);
- `report`: the table, the chart, the failures;
- `baselines`: BM25 only, dense only (exact, like ours); `tutorial`: the tutorial pipeline;
- `run`: `minutes eval`, which runs all of the above.
"""
