"""Answering a question over the index: everything between the question and the `Answer`.

One job a module: `question` reads the question once (`query`: its topic words, follow-ups,
the dates it names), `retrieve` finds the items (hybrid search over `minutesqa.indexing`),
`abstain` decides whether the minutes answer it at all, `extractive` writes the default
answer from the items' own sentences (`sentences`: their vectors), `generate` the optional
generative one over it, `faithful` checks quotes, and `pipeline` (`Pipeline`, above both
writers) is the one path every front end uses."""
