"""The generative writer: a language model says the answer in a sentence or two, and a
citation check keeps only what the cited excerpts support.

Where the model runs: any OpenAI-compatible chat endpoint (`MINUTES_LLM_URL`: Ollama, vLLM,
llama.cpp's server, a hosted service) through the standard `openai` client, or a local GGUF
file in-process (`MINUTES_LLM_GGUF`, the optional extra `llm`: llama-cpp-python). The
prompts are `prompts/llm_system.txt` and `llm_user.txt`; the minutes are numbered excerpts,
data and never instructions.

The check, on every answer:
- before the model is asked, the question's topic words must be in the excerpts (else the
  minutes do not cover it, and no model is asked);
- each sentence must cite [n] of an excerpt given, in range;
- every number, date and proper name in a sentence must appear in an excerpt it cites.
A sentence that fails is dropped and counted; if nothing survives, or the endpoint fails,
the extractive answer is shown with the reason."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Protocol

from minutesqa.answer.extractive import Draft, ExtractiveWriter, citation_label
from minutesqa.answer.query import topic_terms
from minutesqa.answer.retrieval import Retrieval
from minutesqa.answer.sentences import SentenceVectorSource
from minutesqa.config import Settings
from minutesqa.errors import ConfigError
from minutesqa.indexing.embed import Embedder
from minutesqa.indexing.terms import tokenize
from minutesqa.lexicon import CURRENCY_SYMBOLS
from minutesqa.models import Hit, human_date, item_label
from minutesqa.prompts import render
from minutesqa.sentence_split import split_sentences

ABSTAIN_MARKER = "NOT IN THE MINUTES"


class LLMError(Exception):
    """The model could not be asked or did not answer (down, slow, refused)."""


class ChatModel(Protocol):
    name: str

    def chat(
        self, messages: list[dict[str, str]], on_text: Callable[[str], None] | None = None
    ) -> str: ...


class EndpointModel:
    """An OpenAI-compatible chat endpoint, streamed."""

    def __init__(self, settings: Settings) -> None:
        try:
            import openai
        except ImportError:  # pragma: no cover - a core dependency
            raise ConfigError("MINUTES_LLM_URL needs the 'openai' package: pip install openai")
        assert settings.llm_url is not None
        self.name = f"{settings.llm_model} at {settings.llm_url}"
        self.model = settings.llm_model
        self.max_tokens = settings.tuning.llm_max_tokens
        self._openai = openai
        self.client = openai.OpenAI(
            base_url=settings.llm_url,
            api_key=settings.llm_key or "not-needed",
            timeout=settings.llm_timeout_s,
            max_retries=0,
        )

    def chat(
        self, messages: list[dict[str, str]], on_text: Callable[[str], None] | None = None
    ) -> str:
        try:
            stream: Any = self.client.chat.completions.create(
                model=self.model,
                messages=messages,  # type: ignore[arg-type]
                temperature=0.0,
                max_tokens=self.max_tokens,
                stream=True,
            )
            parts: list[str] = []
            finished = False
            for event in stream:
                if not event.choices:
                    continue
                finished = finished or bool(event.choices[0].finish_reason)
                delta = event.choices[0].delta.content or ""
                if delta:
                    parts.append(delta)
                    if on_text is not None:
                        on_text("".join(parts))
            if not finished:
                # llama.cpp's server answers a prompt beyond its context with an empty stream
                raise LLMError(
                    f"the language model at {self.name} stopped without finishing its answer "
                    "(is the prompt longer than its context? raise the server's context size)"
                )
            return "".join(parts)
        except self._openai.APITimeoutError:
            raise LLMError(f"the language model at {self.name} did not answer in time") from None
        except self._openai.APIConnectionError:
            raise LLMError(f"the language model at {self.name} cannot be reached") from None
        except self._openai.APIStatusError as exc:
            raise LLMError(
                f"the language model at {self.name} refused the request (HTTP {exc.status_code})"
            ) from None


class LocalModel:
    """A GGUF file run in-process by llama-cpp-python (`pip install '.[llm]'`)."""

    def __init__(self, settings: Settings) -> None:
        try:
            from llama_cpp import Llama
        except ImportError:
            raise ConfigError(
                "MINUTES_LLM_GGUF needs llama-cpp-python: pip install '.[llm]' "
                "(it compiles from source, several minutes)"
            ) from None
        assert settings.llm_gguf is not None
        self.name = settings.llm_gguf.name
        self.max_tokens = settings.tuning.llm_max_tokens
        self.llm = Llama(
            model_path=str(settings.llm_gguf),
            n_ctx=4096,
            n_threads=settings.llm_threads,
            verbose=False,
        )

    def chat(
        self, messages: list[dict[str, str]], on_text: Callable[[str], None] | None = None
    ) -> str:
        parts: list[str] = []
        try:
            llm: Any = self.llm  # typed loosely: llama-cpp-python is an optional extra
            for event in llm.create_chat_completion(
                messages=messages,
                temperature=0.0,
                max_tokens=self.max_tokens,
                stream=True,
            ):
                delta = event["choices"][0]["delta"].get("content") or ""
                if delta:
                    parts.append(delta)
                    if on_text is not None:
                        on_text("".join(parts))
        except (RuntimeError, ValueError) as exc:
            raise LLMError(f"the local model {self.name} failed: {exc}") from None
        return "".join(parts)


def chat_model(settings: Settings) -> ChatModel | None:
    if settings.llm_url:
        return EndpointModel(settings)
    if settings.llm_gguf:
        return LocalModel(settings)
    return None


@dataclass(frozen=True)
class Checked:
    """A generated answer after the citation check."""

    kept: list[tuple[str, tuple[int, ...]]]  # sentence, the excerpts it cites
    dropped: list[tuple[str, str]]  # sentence, why


_CITE = re.compile(r"\[(\d{1,2})(?:\s*[,;]\s*(\d{1,2}))*\]")
_CITE_ANY = re.compile(r"\[\s*\d{1,2}(?:\s*[,;]\s*\d{1,2})*\s*\]")
_NUMBER = re.compile(rf"[{re.escape(CURRENCY_SYMBOLS)}]?\d[\d,]*(?:\.\d+)?%?")
_SENTENCE_START = re.compile(r"^[\"'“‘(]*\w+")
# capitalised words a sentence may use without the excerpt using them
_FREE_WORDS = frozenset(
    "The A An It In On At This That These Those There They He She We I His Her Their Its "
    "Yes No And But Or So As For Of To By With From After Before During Minutes Meeting "
    "Committee Council Board Item Items Agenda".split()
)


def check(text: str, excerpts: list[str]) -> Checked:
    """Each sentence of `text` must cite an excerpt in range, and its numbers, dates and
    proper names must appear in the excerpts it cites."""
    kept: list[tuple[str, tuple[int, ...]]] = []
    dropped: list[tuple[str, str]] = []
    pieces: list[str] = []
    for piece in split_sentences(text):
        lead = re.match(rf"^(?:\s*{_CITE_ANY.pattern})+", piece)
        if pieces and lead:
            # "… was agreed. [1] Next …": the citation is the one before's
            pieces[-1] += " " + lead.group(0).strip()
            piece = piece[lead.end() :].strip()
        if piece and not re.fullmatch(r"[\s\W]*", piece):
            pieces.append(piece)
    for sentence in pieces:
        cites = tuple(
            int(n) for group in _CITE_ANY.findall(sentence) for n in re.findall(r"\d+", group)
        )
        bare = _CITE_ANY.sub("", sentence).strip()
        if not bare or re.fullmatch(r"[\W_]*", bare):
            continue  # a citation alone
        if not cites:
            dropped.append((sentence, "cites no excerpt"))
            continue
        wrong = [n for n in cites if not 1 <= n <= len(excerpts)]
        if wrong:
            dropped.append((sentence, f"cites [{wrong[0]}], which is not an excerpt given"))
            continue
        source = " ".join(excerpts[n - 1] for n in cites)
        missing = _unsupported(bare, source)
        if missing:
            dropped.append((sentence, f"{missing!r} is not in the excerpt it cites"))
            continue
        kept.append((sentence, cites))
    return Checked(kept, dropped)


def _unsupported(sentence: str, source: str) -> str:
    """The first number, date or proper name of `sentence` that `source` does not hold."""
    flat = re.sub(r"\s+", " ", source)
    digits = re.sub(r"[,\s]", "", flat)
    for number in _NUMBER.findall(sentence):
        core = number.strip(CURRENCY_SYMBOLS + "%").replace(",", "")
        if core and core not in digits:
            return number
    words = set(tokenize(flat))
    first = _SENTENCE_START.match(sentence)
    start = first.end() if first else 0
    # proper names: capitalised words, except the sentence's first word (capitalised anyway)
    for m in re.finditer(r"\b[A-Z][A-Za-z'’]*\b", sentence):
        word = m.group(0)
        if m.start() < start or word in _FREE_WORDS or len(word) < 2:
            continue
        if not set(tokenize(word)) <= words:
            return word
    return ""


class GenerativeWriter:
    """Writes the answer with a language model; `fallback` (extractive) when the model
    fails, abstains wrongly or nothing it wrote survives the check."""

    name = "generative"

    def __init__(self, model: ChatModel, fallback: ExtractiveWriter, settings: Settings) -> None:
        self.model = model
        self.fallback = fallback
        self.settings = settings

    def excerpts(self, question: str, hits: list[Hit], retrieval: Retrieval) -> list[str]:
        """Each item's best sentences, in the order of the minutes, up to llm_excerpt_chars."""
        tune = self.settings.tuning
        out = []
        for hit in hits[: tune.llm_excerpts]:
            rows = self.fallback.score_sentences(question, retrieval, hit)
            order = sorted(range(len(rows)), key=lambda i: -rows[i][1])
            keep: set[int] = set()
            size = 0
            for i in order:
                if size + len(rows[i][0]) > tune.llm_excerpt_chars and keep:
                    break
                keep.add(i)
                size += len(rows[i][0]) + 1
            body = " ".join(rows[i][0] for i in sorted(keep))
            decided = "".join(f"\nDecided: {d.display()}" for d in hit.decisions[:3] if d.text)
            ref = hit.ref
            head = f"{ref.committee}, {human_date(ref.date)}, {item_label(ref.item, ref.title)}"
            out.append(f"{head}\n{body}{decided}")
        return out

    def covered(self, question: str, excerpts: list[str]) -> bool:
        terms = topic_terms(question)
        if not terms:
            return True
        held = set(tokenize(" ".join(excerpts)))
        return sum(t in held for t in terms) >= self.settings.tuning.llm_terms_share * len(terms)

    def write(
        self,
        question: str,
        hits: list[Hit],
        retrieval: Retrieval,
        on_text: Callable[[str], None] | None = None,
    ) -> Draft:
        """`on_text` receives the model's raw text as it streams (unchecked: a front end
        shows it as a draft and replaces it with the checked answer)."""
        if not hits:
            return Draft("", [], True)
        excerpts = self.excerpts(question, hits, retrieval)
        if not self.covered(question, excerpts):
            return Draft("", [], True, note="the question's words are not in the minutes found")
        numbered = "\n\n".join(f"[{n}] {text}" for n, text in enumerate(excerpts, 1))
        messages = [
            {"role": "system", "content": render("llm_system", abstain_marker=ABSTAIN_MARKER)},
            {"role": "user", "content": render("llm_user", question=question, excerpts=numbered)},
        ]
        try:
            reply = self.model.chat(messages, on_text)
        except LLMError as exc:
            return self._fallback(question, hits, retrieval, f"{exc}; showing the extracts")
        if ABSTAIN_MARKER.lower() in reply.lower() and not _CITE.search(reply):
            return Draft("", [], True, note="the language model found no answer in the minutes")
        checked = check(reply, excerpts)
        if not checked.kept:
            why = checked.dropped[0][1] if checked.dropped else "it wrote no answer"
            return self._fallback(
                question,
                hits,
                retrieval,
                f"the language model's answer failed the citation check ({why}); "
                "showing the extracts",
                dropped=len(checked.dropped),
            )
        order: list[int] = []
        for _, cites in checked.kept:
            order.extend(n for n in cites if n not in order)
        renumber = {n: i for i, n in enumerate(order, 1)}
        sentences = [
            _CITE_ANY.sub(
                lambda m: "".join(f"[{renumber[int(n)]}]" for n in re.findall(r"\d+", m.group(0))),
                sentence,
            )
            for sentence, _ in checked.kept
        ]
        cited = [hits[n - 1] for n in order]
        sources = "\n".join(f"{citation_label(i, h)}" for i, h in enumerate(cited, 1))
        text = " ".join(sentences) + "\n\n" + sources
        if checked.dropped:
            text += (
                f"\n\n({len(checked.dropped)} sentence(s) of the generated answer dropped: "
                "not supported by the excerpts they cite)"
            )
        return Draft(text, cited, False, dropped=len(checked.dropped))

    def _fallback(
        self, question: str, hits: list[Hit], retrieval: Retrieval, why: str, dropped: int = 0
    ) -> Draft:
        draft = self.fallback.write(question, hits, retrieval)
        if draft.abstained:
            return replace(draft, note=why, dropped=dropped)
        return replace(
            draft, text=f"({why[0].upper()}{why[1:]}.)\n\n{draft.text}", note=why, dropped=dropped
        )


def writer_for(
    settings: Settings, embedder: Embedder, store: SentenceVectorSource | None = None
) -> Any:
    """The writer the settings ask for: generative when an endpoint or a GGUF file is set,
    else extractive."""
    extractive = ExtractiveWriter(embedder, settings, store)
    model = chat_model(settings)
    return GenerativeWriter(model, extractive, settings) if model else extractive
