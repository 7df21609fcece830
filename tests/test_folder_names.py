"""A body named by its folder (bodies.folder_body, settle_bodies; issue 25): minutes whose
text never names the body that met, or names only its kind ("# Council 2024-08-16", the
Rust Leadership Council's notes; "SC", the NixOS Steering Committee's; "Committee Meeting
2016.09.14" in a folder "Committee" of Perth Artifactory's wiki), take the fuller name their
folder gives; a folder whose name names no body ("minutes", "2023") gives none."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from minutesqa.models import DocHints, Document, Meeting
from minutesqa.parse.text import normalise
from minutesqa.segment import segment
from minutesqa.segment.bodies import UNKNOWN_BODY, folder_body, settle_bodies, unsettled


def meeting_in(folder: str, name: str, text: str) -> Meeting:
    doc = Document(
        path=Path("/minutes") / folder / name,
        text=normalise(text),
        format="md",
        content_hash="0" * 64,
        hints=DocHints(),
    )
    return segment(doc)


RUST_2024 = """# Council 2024-08-16

## Attendance

Council: Mara, Eric Huss, Jack Huey, James Munns, Mark

## Notes

- Check-in
- Consent to agenda
"""

NIXOS_2025 = """# 2025-11-05 SC meeting

## Agenda

- Moderation team update
- SC elections timeline

## Notes

- The SC agreed to publish the timeline.
"""

PERTH_2016 = """# Committee Meeting 2016.09.14

## Minutes

### Correspondence

Deferred?

### Treasurer's report

No significant change from AGM.
"""


def test_a_bare_kind_or_initials_take_the_folders_fuller_name() -> None:
    rust = meeting_in("rust-leadership-council", "2024-08-16.md", RUST_2024)
    nixos = meeting_in("nixos-steering-committee", "2025-11-05.md", NIXOS_2025)
    perth = meeting_in("perth-artifactory/Committee", "2016-09-14.md", PERTH_2016)
    found = [m.committee for m in (rust, nixos, perth)]
    assert all(unsettled(name) for name in found)
    settled = settle_bodies([rust, nixos, perth], {})
    assert [m.committee for m in settled] == [
        "Rust Leadership Council",
        "Nixos Steering Committee",
        "Perth Artifactory Committee",
    ]


def test_a_folder_that_names_no_body_gives_none() -> None:
    assert folder_body(Path("/home/clerk/minutes")) == ""
    assert folder_body(Path("/home/clerk/2023")) == ""
    assert folder_body(Path("/data/20-Monthly Meeting of Metropolitan District of Limerick")) == ""
    assert folder_body(Path("/data/Planning Committee minutes")) == "Planning Committee"
    text = PERTH_2016.replace("Committee Meeting", "Meeting")
    loose = meeting_in("minutes", "2016-09-14.md", text)
    assert settle_bodies([loose], {})[0].committee == loose.committee


def test_the_folders_other_meetings_name_it_first() -> None:
    # the folder's meetings that name the body outrank its folder's name
    rust = meeting_in("rust-leadership-council", "2024-08-16.md", RUST_2024)
    known = {"/minutes/rust-leadership-council": Counter({"Rust Project Leadership Council": 3})}
    assert settle_bodies([rust], known)[0].committee == "Rust Project Leadership Council"
    assert not unsettled("Rust Leadership Council") and unsettled(UNKNOWN_BODY)
