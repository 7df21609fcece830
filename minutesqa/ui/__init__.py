"""The chat app: what a person in a browser (or a client of its API) meets.

One job a module: `app` (the Gradio page put together, `minutes serve`), `chat` (the Ask
tab and what its events and API call), `tabs` (the Briefing and Decisions tabs beside the
chat), `style` (the page's CSS, phone columns and theme), `view` (the answer, its sources
and the filters as shown) and `guard` (login, refused uploads, malformed requests)."""
