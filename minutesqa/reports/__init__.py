"""Reports a person reads beside the answers, over the index or over the files themselves.

One job a module: `brief` (a topic's history across meetings, `minutes brief`), `register`
(the decisions register, `minutes decisions`), `inspection` (how one file is read and split,
`minutes inspect`), `split_report` (the split share of whole corpora against the
committed baseline, `python -m minutesqa.reports.split_report`) and `rules` (RULES.md, every
named rule with the tests that name it, `make rules`)."""
