"""The performance bench (`make bench`, `python bench/run.py`), one job a module:

- `measure`: peak memory, CPU and wall time, latency summaries, disk use;
- `ask`: query latency of Retriever.search and Pipeline.ask;
- `corpus`: one corpus (the model alone, fresh ingest, re-ingest, queries);
- `synthetic`: a ~100k-chunk archive from stored chunks, for scale figures;
- `hnsw`: Chroma's HNSW recall against exact search;
- `serve`, `loadtest`: the app as its own process under concurrent clients;
- `report`: the Markdown tables;
- `run`: the command line, which runs all of the above.
"""
