"""The index: what ingest writes and a question reads, below everything that answers.

One job a module: `embed` (the embedding model behind a small `Embedder` interface;
`onnx_query` embeds each question with onnxruntime), `store` (Chroma, embedded or server:
the store of record, and the only module that speaks Chroma), `lexical` (held in memory:
the tokenizer, BM25, the unit vectors for exact dense search and the chunk table;
`lexical_sync` keeps it in step with the store), `sentence_store` (every item's sentence
vectors, made at ingest), `stored` (what the store holds of each source file, so ingest
skips a current one and a redone one keeps its unchanged vectors) and `lock` (one writer
at a time in an index folder). Nothing here imports the answering, report or interface packages."""
