"""The app's defences against what callers send, served for real on 127.0.0.1 over a named
fake pipeline (no model, no index): every upload refused, over-long questions, histories,
committees and bodies refused with one line, malformed API calls answered in one line with
no traceback in the log, and a growing delay after failed logins for a user."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from gradio_client import Client

from minutesqa.answer.retrieval import Coverage
from minutesqa.config import Settings
from minutesqa.inputs import MAX_QUESTION_CHARS
from minutesqa.ui.chat import MAX_HISTORY
from minutesqa.ui.guard import (
    BODY_REFUSED,
    MAX_BODY_BYTES,
    UPLOADS_REFUSED,
    LoginThrottle,
    make_auth,
)
from minutesqa.ui.tabs import ALL_COMMITTEES
from tests.helpers_server import chat_fn, serving

pytestmark = pytest.mark.timeout(120)


class RecordingPipeline:
    """A named fake: answers every question with one line and records what it was asked."""

    coverage = Coverage(meetings=0, committees={}, first=None, last=None)
    retriever = None

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.histories: list[list[str]] = []

    def stream(self, question: str, history: Any = (), **kw: Any) -> Iterator[tuple[str, None]]:
        self.asked.append(question)
        self.histories.append(list(history))
        yield f"answer to {question[:20]}", None


@pytest.fixture(scope="module")
def fake() -> RecordingPipeline:
    return RecordingPipeline()


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, fake: RecordingPipeline) -> Iterator[Any]:
    settings = Settings.load(env={}, index_dir=tmp_path_factory.mktemp("app") / "index")
    with serving(settings, fake) as served:
        yield served


@pytest.fixture(scope="module")
def url(app: tuple[Any, str]) -> str:
    return app[1]


def ask(url: str, data: list[Any]) -> tuple[str, str]:
    """POST data to /ask the way any HTTP client can; (event name, its data)."""
    r = httpx.post(url + "gradio_api/call/ask", json={"data": data}, timeout=30)
    assert r.status_code == 200, r.text
    events = httpx.get(f"{url}gradio_api/call/ask/{r.json()['event_id']}", timeout=30).text
    event, _, payload = events.strip().partition("\n")
    return event.removeprefix("event: "), payload.removeprefix("data: ")


# --- uploads ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "files",
    [
        [("files", ("empty.txt", b""))],
        [("files", ("one.txt", b"x"))],
        [("files", (f"f{n}.txt", b"")) for n in range(30)],
    ],
    ids=["0-byte", "1-byte", "30-files"],
)
def test_every_upload_is_refused(app: tuple[Any, str], files: list[Any]) -> None:
    demo, url = app
    for path in ("gradio_api/upload", "upload", "gradio_api/upload/", "gradio_api/upload?x=1"):
        r = httpx.post(url + path, files=files, timeout=30)
        assert (r.status_code, r.text) == (403, UPLOADS_REFUSED), path
    # any other multipart body too (a component's server function, say)
    r = httpx.post(url + "gradio_api/component_server", files=files, timeout=30)
    assert (r.status_code, r.text) == (403, UPLOADS_REFUSED)
    assert not demo.upload_file_set  # nothing was stored to be served back


# --- lengths ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"question": "x" * 5000}, "the question is 5,000 characters long"),
        ({"question": "q", "history": ["h"] * 51}, "the history holds 51 earlier questions"),
        ({"question": "q", "committee": "c" * 200_000}, "the committee 'cccc"),
        ({"question": "q", "since": "9" * 100_000}, "since date '9999"),
        ({"question": "q", "since": "2024-01-01", "until": "2023-01-01"}, "the since date"),
    ],
    ids=["question", "history", "committee", "date", "date-order"],
)
def test_over_long_inputs_are_refused_in_one_line(
    url: str, fake: RecordingPipeline, kwargs: dict[str, Any], expected: str
) -> None:
    asked = len(fake.asked)
    result = Client(url, verbose=False).predict(**kwargs, api_name="/ask")
    assert result["answer"].startswith(expected), result["answer"][:300]
    assert "\n" not in result["answer"] and len(result["answer"]) < 200  # echo clipped
    assert result["abstained"] and result["citations"] == []
    assert len(fake.asked) == asked  # never reached the pipeline


def test_a_question_at_the_limit_is_answered(url: str) -> None:
    result = Client(url, verbose=False).predict(question="q" * MAX_QUESTION_CHARS, api_name="/ask")
    assert result["answer"] == "answer to " + "q" * 20


def test_an_oversized_body_is_refused_before_gradio_reads_it(url: str) -> None:
    body = b'{"data": ["' + b"y" * (MAX_BODY_BYTES + 1) + b'"]}'
    r = httpx.post(
        url + "gradio_api/call/ask",
        content=body,
        headers={"content-type": "application/json"},
        timeout=30,
    )
    assert (r.status_code, r.text) == (413, BODY_REFUSED)


def test_chat_refuses_an_over_long_question_and_shows_only_its_start(
    app: tuple[Any, str], fake: RecordingPipeline
) -> None:
    demo, _url = app
    asked = len(fake.asked)
    question = "word " * 100_000
    *_, (_box, messages, turns, rows, _details) = chat_fn(demo)(
        question, [], [], ALL_COMMITTEES, "", ""
    )
    assert len(messages[0]["content"]) < 300  # the user's bubble: the start of it
    assert messages[-1]["content"].startswith("the question is 499,999 characters long")
    assert turns == [] and rows == [] and len(fake.asked) == asked


def test_a_long_chat_carries_only_its_last_questions(
    app: tuple[Any, str], fake: RecordingPipeline
) -> None:
    demo, _url = app
    turns = [f"question {n}?" for n in range(80)]  # more than an API caller may send
    *_, (_box, messages, _turns, _rows, _details) = chat_fn(demo)(
        "and then?", [], turns, ALL_COMMITTEES, "", ""
    )
    assert messages[-1]["content"].startswith("answer to and then")
    assert fake.histories[-1] == turns[-MAX_HISTORY:]


# --- malformed calls ----------------------------------------------------------------------
@pytest.mark.parametrize("data", [[], ["only a question"], [None, None]])
def test_too_few_values_get_one_line_and_no_traceback(
    url: str, data: list[Any], capfd: pytest.CaptureFixture[str]
) -> None:
    event, payload = ask(url, data)
    assert event == "error"
    expected = "malformed call: /ask takes 5 values (question, history, committee, since, until)"
    assert f"{expected}, got {len(data)}" in payload
    assert "\\n" not in payload and "object at 0x" not in payload
    assert "Traceback" not in capfd.readouterr().err


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b"{not json", "malformed request: body.1: JSON decode error"),
        (
            b'{"data": "' + b"x" * 100_000 + b'"}',
            "malformed request: body.data: Input should be a valid list",
        ),
        (b"{}", "malformed request: body.data: Field required"),
    ],
    ids=["not-json", "data-not-a-list", "no-data"],
)
def test_unreadable_bodies_get_one_line_without_echo(url: str, body: bytes, expected: str) -> None:
    r = httpx.post(
        url + "gradio_api/call/ask",
        content=body,
        headers={"content-type": "application/json"},
        timeout=30,
    )
    assert r.status_code == 422
    assert r.json() == {"error": expected}


# --- logins -------------------------------------------------------------------------------
class FakeClock:
    """A clock that moves only when the login check sleeps, to where the wait ends: every
    wait is exact."""

    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        # others waiting at once run first (they reserved their slots at the same moment);
        # then time is where this wait ends
        until = self.now + seconds
        self.slept.append(round(seconds, 6))
        await asyncio.sleep(0)
        self.now = max(self.now, until)


def test_each_failed_login_makes_the_next_wait_longer() -> None:
    clock = FakeClock()
    throttle = LoginThrottle(first_s=0.1, most_s=0.4, clock=clock)
    assert [throttle.delay_after(n) for n in range(6)] == [0.0, 0.1, 0.2, 0.4, 0.4, 0.4]
    check = make_auth({"clerk": "s3cret"}, throttle, clock.sleep)

    def waited(user: str, password: str) -> tuple[bool, float]:
        before = len(clock.slept)
        ok = asyncio.run(check(user, password))
        return ok, sum(clock.slept[before:])

    # each wait counts from the failure before it
    assert [waited("clerk", "wrong")[1] for _ in range(4)] == [0.0, 0.1, 0.2, 0.4]
    # the right password still waits its turn, then starts the count again
    assert waited("clerk", "s3cret") == (True, 0.4)
    assert waited("clerk", "wrong") == (False, 0.0)
    # another name is not slowed; a name that does not exist is slowed like a real one
    assert waited("chair", "x") == (False, 0.0)
    assert waited("chair", "x") == (False, 0.1)
    # time passing counts: a failure long ago leaves nothing to wait
    clock.now += 1.0
    assert waited("chair", "x") == (False, 0.0)


def test_logins_sent_at_once_are_spaced_out() -> None:
    clock = FakeClock()  # the reservations are exact, not timed
    throttle = LoginThrottle(first_s=0.1, most_s=1.0, clock=clock)
    throttle.failed("clerk")
    # four guesses arriving together each take the next free slot, each slot one step later
    waits = [throttle.reserve("clerk") for _ in range(4)]
    assert [round(w, 6) for w in waits] == [0.1, 0.3, 0.5, 0.7]
    assert throttle.reserve("chair") == 0.0  # another name is not held up
    clock.now += throttle.forget_s + 1  # long after: the name is forgotten
    assert throttle.reserve("clerk") == 0.0

    # and through the login check: a burst of guesses sent together waits for its slots,
    # each reserved before any of them sleeps
    clock = FakeClock()
    check = make_auth(
        {"clerk": "s3cret"}, LoginThrottle(first_s=0.05, most_s=1.0, clock=clock), clock.sleep
    )
    asyncio.run(check("clerk", "wrong"))

    async def burst() -> list[bool]:
        return list(await asyncio.gather(*(check("clerk", f"guess{n}") for n in range(3))))

    assert asyncio.run(burst()) == [False, False, False]
    assert clock.slept == [0.05, 0.15, 0.25]  # slot after slot, each one step (0.1) apart


def test_the_throttle_forgets_old_names() -> None:
    throttle = LoginThrottle(users=100)
    for n in range(150):
        throttle.failed(f"user{n}")
    assert len(throttle._state) <= 100


def test_the_login_page_still_logs_in_and_a_second_wrong_password_waits(
    tmp_path: Path,
) -> None:
    users = tmp_path / "users"
    users.write_text("clerk:s3cret\n")
    settings = Settings.load(env={}, index_dir=tmp_path / "index", auth_file=users)
    with serving(settings, RecordingPipeline()) as (_demo, url):

        def login(password: str) -> tuple[int, float]:
            # as the login page sends it: two fields of multipart form data
            started = time.monotonic()
            form = {"username": (None, "clerk"), "password": (None, password)}
            r = httpx.post(url + "login", files=form, timeout=30)
            return r.status_code, time.monotonic() - started

        assert login("wrong")[0] == 400
        status, waited = login("wrong")
        assert status == 400 and waited >= 0.9  # LoginThrottle's first delay is 1 s
        assert login("s3cret")[0] == 200
        ok = Client(url, auth=("clerk", "s3cret"), verbose=False)
        assert ok.predict(question="q", api_name="/ask")["answer"] == "answer to q"
