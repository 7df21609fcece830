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

from minutesqa.evaluation.questions import Expected, Question, load_questions
from minutesqa.evaluation.records import ask_all, load_records, validate_record, write_records
from minutesqa.evaluation.run import output_paths, run_cli
from minutesqa.evaluation.scores import Failure, Scores, percentile, score

__all__ = [
    "Expected",
    "Failure",
    "Question",
    "Scores",
    "ask_all",
    "load_questions",
    "load_records",
    "output_paths",
    "percentile",
    "run_cli",
    "score",
    "validate_record",
    "write_records",
]
