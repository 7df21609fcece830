"""The same minutes saved twice (Limerick's corpus files one meeting's minutes under two
meeting folders; councils publish a PDF beside the HTML page): both files are indexed, but
retrieval returns each agenda item once. Real Chroma, FakeEmbedder (ranking not tested)."""

from __future__ import annotations

from pathlib import Path

from minutesqa.answer.pipeline import Pipeline
from minutesqa.answer.query import Query
from minutesqa.answer.retrieve import Retriever
from minutesqa.config import Settings
from minutesqa.ingest import ingest
from tests.conftest import FakeEmbedder

MINUTES = (
    "Minutes of the meeting of the Metropolitan District of Limerick held on "
    "Monday 18th September 2017.\n\n"
    "1. Adoption of Minutes\n\nAdopted.\n\n"
    "2. Street Lighting\n\nThe street lighting upgrade in Castletroy was noted.\n\n"
    "3. Road Safety\n\nSpeed ramps were requested at the school.\n"
)


def test_one_item_in_two_files_is_one_hit(tmp_path: Path) -> None:
    folder = tmp_path / "minutes"
    for sub in ("2017-10-16", "2017-10-27"):
        (folder / sub).mkdir(parents=True)
        (folder / sub / "Minutes - 18th September 2017.md").write_text(MINUTES, encoding="utf-8")
    settings = Settings.load(env={}, index_dir=tmp_path / "index")
    fake = FakeEmbedder()
    assert ingest(folder, settings, embedder=fake, progress=False).meetings == 2
    retriever = Retriever(settings, embedder=fake)  # type: ignore[arg-type]
    hits = retriever.search(Query("street lighting upgrade in Castletroy", k=10)).hits
    keys = [h.ref.key() for h in hits]
    assert len(keys) == len(set(keys)) == 4  # meeting record and three items, once each
    assert hits[0].ref.item == "2"
    answer = Pipeline(settings, retriever=retriever).ask("street lighting upgrade in Castletroy")
    cited = [c.key() for c in answer.citations]
    assert len(cited) == len(set(cited))
