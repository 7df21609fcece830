"""The pipeline: a question in, an `Answer` out. Retrieval, the chain of abstention checks,
then a writer (extractive, or generative over it). The one path used by the CLI, the app,
briefings and evaluation; above both writers (`extractive`, `generate`)."""

from __future__ import annotations

import queue
import re
import threading
import time
from collections.abc import Callable, Iterator

from minutesqa.answer.abstain import MODEL_DECLINED, abstain_reason
from minutesqa.answer.extractive import AnswerWriter, Draft, ExtractiveWriter
from minutesqa.answer.generate import writer_for
from minutesqa.answer.query import Query
from minutesqa.answer.refusal import abstain_text
from minutesqa.answer.retrieval import Coverage
from minutesqa.answer.retrieve import Retriever
from minutesqa.config import Settings
from minutesqa.models import Answer


class Pipeline:
    """Question in, `Answer` out: the one path used by the CLI, the app and evaluation."""

    def __init__(
        self,
        settings: Settings,
        retriever: Retriever | None = None,
        writer: AnswerWriter | None = None,
    ) -> None:
        self.settings = settings
        self.retriever = retriever or Retriever(settings)
        self.writer: AnswerWriter = writer or writer_for(
            settings, self.retriever.embedder, self.retriever.sentence_store
        )

    @property
    def coverage(self) -> Coverage:
        return self.retriever.coverage

    @property
    def extractive(self) -> ExtractiveWriter:
        """The extractive writer: the writer itself, or the generative one's fallback."""
        writer = getattr(self.writer, "fallback", self.writer)
        if isinstance(writer, ExtractiveWriter):
            return writer
        return ExtractiveWriter(
            self.retriever.embedder, self.settings, self.retriever.sentence_store
        )

    def ask(
        self,
        question: str,
        history: list[str] | tuple[str, ...] = (),
        *,
        committee: str | None = None,
        since: object = None,
        until: object = None,
        k: int | None = None,
        on_text: Callable[[str], None] | None = None,
    ) -> Answer:
        started = time.perf_counter()
        query = Query(
            question=question,
            history=tuple(history),
            committee=committee,
            since=since,  # type: ignore[arg-type]
            until=until,  # type: ignore[arg-type]
            k=k or self.settings.k,
        )
        retrieval = self.retriever.search(query)
        reason = abstain_reason(
            question,
            retrieval,
            self.retriever.lexical,
            self.retriever.embedder,
            history,
            self.settings.tuning,
            store=self.retriever.sentence_store,
        )
        draft = (
            self.writer.write(question, retrieval.hits, retrieval, on_text=on_text)
            if not reason
            else Draft("", [], True)
        )
        if draft.abstained and not reason:
            reason = MODEL_DECLINED  # the generative writer found no answer
        text = draft.text if not draft.abstained else abstain_text(self.coverage, retrieval)
        return Answer(
            question=question,
            text=text,
            abstained=draft.abstained,
            citations=[h.ref for h in draft.cited],  # writers cite only hits they were given
            retrieved=retrieval.hits,
            latency_ms=(time.perf_counter() - started) * 1000.0,
            quotes=list(draft.quotes) if not draft.abstained else [],
            writer=self.writer.name,
            note=draft.note,
            dropped=draft.dropped,
            abstain_reason=reason if draft.abstained else "",
        )

    def stream(
        self, question: str, history: list[str] | tuple[str, ...] = (), **kw: object
    ) -> Iterator[tuple[str, Answer | None]]:
        """Yield the answer text as it grows, then the finished Answer. A generative
        writer's text streams as the model writes it (marked as a draft until checked);
        an extractive answer is shown in steps."""
        if self.writer.name != "extractive":
            yield from self._stream_generated(question, history, **kw)
            return
        answer = self.ask(question, history, **kw)  # type: ignore[arg-type]
        words = re.split(r"(\s+)", answer.text)
        shown = ""
        for i in range(0, len(words), 12):
            shown += "".join(words[i : i + 12])
            yield shown, None
        yield answer.text, answer

    def _stream_generated(
        self, question: str, history: list[str] | tuple[str, ...], **kw: object
    ) -> Iterator[tuple[str, Answer | None]]:
        updates: queue.Queue[tuple[str, Answer | None] | BaseException] = queue.Queue()

        def run() -> None:
            try:
                answer = self.ask(
                    question,
                    history,
                    on_text=lambda text: updates.put(
                        (f"{text}\n\n(drafting; checking citations…)", None)
                    ),
                    **kw,  # type: ignore[arg-type]
                )
                updates.put((answer.text, answer))
            except BaseException as exc:  # raised again in the caller's thread
                updates.put(exc)

        threading.Thread(target=run, daemon=True).start()
        while True:
            item = updates.get()
            if isinstance(item, BaseException):
                raise item
            yield item
            if item[1] is not None:
                return
