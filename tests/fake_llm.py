"""A fake OpenAI-compatible chat endpoint, in-process (a named fake: no model behind it).
`reply(messages) -> str` decides what it answers; it streams the reply as server-sent
events the way OpenAI, Ollama, vLLM and llama.cpp's server do, and records each request."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class FakeLLM:
    def __init__(self, reply: Callable[[list[dict[str, str]]], str], delay_s: float = 0.0):
        self.reply = reply
        self.delay_s = delay_s
        self.requests: list[dict[str, Any]] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # quiet
                pass

            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                fake.requests.append(body)
                if not self.path.endswith("/chat/completions"):
                    self.send_error(404)
                    return
                time.sleep(fake.delay_s)
                try:
                    self._answer(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

            def _answer(self, body: dict[str, Any]) -> None:
                text = fake.reply(body["messages"])
                if not body.get("stream"):
                    self._json(
                        {
                            "id": "fake",
                            "object": "chat.completion",
                            "created": 0,
                            "model": body["model"],
                            "choices": [
                                {
                                    "index": 0,
                                    "message": {"role": "assistant", "content": text},
                                    "finish_reason": "stop",
                                }
                            ],
                        }
                    )
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                words = text.split(" ")
                for i, word in enumerate(words):
                    piece = word if i == 0 else " " + word
                    self._event(body["model"], {"content": piece}, None)
                self._event(body["model"], {}, "stop")
                self.wfile.write(b"data: [DONE]\n\n")

            def _event(self, model: str, delta: dict[str, str], finish: str | None) -> None:
                chunk = {
                    "id": "fake",
                    "object": "chat.completion.chunk",
                    "created": 0,
                    "model": model,
                    "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
                }
                self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                self.wfile.flush()

            def _json(self, payload: dict[str, Any]) -> None:
                data = json.dumps(payload).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeLLM:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def excerpt(messages: list[dict[str, str]], n: int) -> str:
    """The text of excerpt [n] in the user message (its heading line left out)."""
    user = messages[-1]["content"]
    start = user.index(f"[{n}] ")
    end = user.find(f"\n\n[{n + 1}] ", start)
    block = user[start : end if end != -1 else len(user)]
    return block.split("\n", 1)[1] if "\n" in block else block
