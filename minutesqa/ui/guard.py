"""What the app refuses before an answer is attempted: logins that guess, uploads,
oversized bodies and bodies FastAPI cannot read.

- `make_auth`: Gradio's login check with a growing delay after failed logins per user name
  (`LoginThrottle`), so parallel and repeated guesses are slowed alike.
- `RefuseUploads`: ASGI middleware in front of Gradio refusing every upload and any body
  over `MAX_BODY_BYTES` with one line of plain text.
- `malformed_request`: FastAPI's refusal of an unreadable body in one line, never echoing it.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

from fastapi.exceptions import RequestValidationError
from starlette.requests import Request as HttpRequest
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from minutesqa.errors import ConfigError

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 1024**2  # a question with its history is a few kB; as nginx's 1m below


# --- auth -------------------------------------------------------------------------------
def read_auth_file(path: Path) -> dict[str, str]:
    """`user:password` lines (blank lines and `#` comments allowed) -> {user: password}."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"auth file {path} cannot be read ({exc.__class__.__name__})") from None
    users: dict[str, str] = {}
    for n, line in enumerate(raw.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        user, sep, password = line.partition(":")
        if not sep or not user.strip() or not password:
            raise ConfigError(f"auth file {path} line {n} is not 'user:password'")
        users[user.strip()] = password
    if not users:
        raise ConfigError(f"auth file {path} has no 'user:password' lines")
    return users


@dataclass
class LoginThrottle:
    """A growing delay after failed logins, per user name: after n failures in a row the
    next attempt waits `first_s * 2**(n-1)` seconds (at most `most_s`) before its password
    is checked; a success, or `forget_s` without a failure, starts again. Attempts sent at
    once each take the next free slot, so parallel guesses are spaced out too. Unknown
    names are treated alike (no hint of which names exist), and at most `users` names
    are remembered."""

    first_s: float = 1.0
    most_s: float = 30.0
    forget_s: float = 900.0
    users: int = 10_000
    clock: Callable[[], float] = time.monotonic  # seconds; tests pass a fake clock
    _state: dict[str, list[float]] = field(default_factory=dict)  # name -> [fails, next, last]

    def delay_after(self, failures: int) -> float:
        return 0.0 if failures < 1 else min(self.most_s, self.first_s * 2 ** (failures - 1))

    def reserve(self, user: str) -> float:
        """Seconds this attempt waits; the slot after it is taken at once."""
        now = self.clock()
        state = self._state.get(user)
        if state is None or now - state[2] > self.forget_s:
            return 0.0
        failures, next_try, _last = state
        start = max(now, next_try)
        state[1] = start + self.delay_after(int(failures) + 1)
        return start - now

    def failed(self, user: str) -> int:
        now = self.clock()
        state = self._state.get(user)
        if state is None or now - state[2] > self.forget_s:
            state = self._state[user] = [0.0, now, now]
        state[0] += 1
        state[1] = max(state[1], now + self.delay_after(int(state[0])))
        state[2] = now
        if len(self._state) > self.users:  # forget the names least recently tried
            for name in sorted(self._state, key=lambda n: self._state[n][2])[: self.users // 10]:
                del self._state[name]
        return int(state[0])

    def succeeded(self, user: str) -> None:
        self._state.pop(user, None)


def make_auth(
    users: dict[str, str],
    throttle: LoginThrottle | None = None,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,  # tests pass a fake one
) -> Callable[[str, str], Awaitable[bool]]:
    """Gradio's login check. Async, so a delayed attempt waits without holding a thread."""
    throttle = throttle or LoginThrottle()

    async def check(username: str, password: str) -> bool:
        name = (username or "")[:200]
        wait = throttle.reserve(name)
        if wait > 0:
            await sleep(wait)
        expected = users.get(name)
        # compare even for unknown users so timing does not reveal which names exist
        ok = hmac.compare_digest(
            (expected or "\0").encode("utf-8"), (password or "").encode("utf-8")
        )
        if ok and expected is not None:
            throttle.succeeded(name)
            return True
        failures = throttle.failed(name)
        log.warning("failed login for user %r (%d in a row)", name[:40], failures)
        return False

    return check


# --- requests Gradio should never see ---------------------------------------------------
UPLOADS_REFUSED = "This app takes no uploads."
BODY_REFUSED = f"Request refused: a body of at most {MAX_BODY_BYTES // 1024**2} MB is accepted."


class RefuseUploads:
    """ASGI middleware in front of Gradio: every upload is refused (Gradio's upload routes,
    and any multipart body but the login form's), and so is a body over MAX_BODY_BYTES,
    with one line of plain text. Gradio's own `max_file_size` still lets empty files in."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            refusal = refusal_of(scope)
            if refusal is not None:
                status, text = refusal
                await PlainTextResponse(text, status_code=status)(scope, receive, send)
                return
        await self.app(scope, receive, send)


def refusal_of(scope: Scope) -> tuple[int, str] | None:
    """(status, one line) for a request the app refuses, else None."""
    path = str(scope.get("path", "")).rstrip("/")
    headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
    if path.endswith(("/upload", "/process_recording")):
        return 403, UPLOADS_REFUSED
    # the login page posts its two fields as multipart form data
    multipart = headers.get("content-type", "").lower().startswith("multipart/")
    if multipart and not path.endswith("/login"):
        return 403, UPLOADS_REFUSED
    length = headers.get("content-length", "")
    if length and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
        return 413, BODY_REFUSED
    return None


async def malformed_request(request: HttpRequest, exc: Exception) -> JSONResponse:
    """FastAPI's own refusal of a body it cannot read, in one line, without echoing it
    (its default repeats the whole input)."""
    errors = exc.errors() if isinstance(exc, RequestValidationError) else []
    where = ".".join(str(p) for p in errors[0].get("loc", ())) if errors else "body"
    what = str(errors[0].get("msg", "cannot be read")) if errors else "cannot be read"
    return JSONResponse({"error": f"malformed request: {where}: {what}"}, status_code=422)
