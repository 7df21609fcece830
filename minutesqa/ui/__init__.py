"""The chat app: what a person in a browser (or a client of its API) meets.

One job a module: `app` (the Gradio app, `minutes serve`), `tabs` (the Briefing and
Decisions tabs beside the chat), `view` (the answer, its sources and the filters as shown)
and `guard` (login, refused uploads, malformed requests)."""
