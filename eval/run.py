"""Run a question file through the system (and the baselines) and score it.

    python eval/run.py --questions FILE --out RECORDS.jsonl [--index DIR] [--corpus DIR]
                       [--baselines]

The same as `minutes eval ...`; the formats are in shared/EVAL_FORMAT.md."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import minutesqa.cli  # noqa: E402

if __name__ == "__main__":
    sys.exit(minutesqa.cli.main(["eval", *sys.argv[1:]]))
