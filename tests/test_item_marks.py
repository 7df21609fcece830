"""How items are marked in minutes first met in a hold-out set (issue 25): a word the file
prints before its items' numbers ("TOP 1." in a German association's board minutes,
Westwoodlabs e.V., public wiki Westwoodlabs/wiki), the time an item was taken before a
Markdown heading ("### 20:30 Finances", HackerspaceSG's plenum minutes), and a French
municipal council's "1/" numbers (Conseil municipal de Couthenans, public PDFs)."""

from __future__ import annotations

from pathlib import Path

from minutesqa.models import DocHints, Document, Meeting
from minutesqa.parse.text import normalise
from minutesqa.segment import item_word, segment


def from_text(text: str, name: str = "minutes.md") -> Meeting:
    doc = Document(
        path=Path("/minutes") / name,
        text=normalise(text),
        format="md" if name.endswith(".md") else "txt",
        content_hash="0" * 64,
        hints=DocHints(),
    )
    return segment(doc)


def table(meeting: Meeting) -> list[tuple[str, str]]:
    return [(i.number, i.title) for i in meeting.items]


# Westwoodlabs e.V., Vorstandssitzung 17 March 2023 (shortened)
WESTWOODLABS_2023 = """Protokoll der Vorstandssitzung

TOP 1. Begrüßung und Besprechung der Tagesordnung
Der Vorsitzende eröffnet die siebte Vorstandssitzung um 19:12 Uhr.

TOP 2. Feststellen der Beschlussfähigkeit
Der Vorsitzende stellt fest, dass der Vorstand beschlussfähig ist.

TOP 3. Bestätigung der Geschäftsordnung
Der teilweise neu gewählte Vorstand bespricht die Geschäftsordnung.

TOP 4. Sonstiges

TOP 4.1:  Filament abrechnen?
Der Beisitzer möchte für das Filament im Space eine Kasse aufstellen.
"""

# Westwoodlabs e.V., Vorstandssitzung 8 October 2016: the same word over Markdown headings
WESTWOODLABS_2016 = """**Anwesend:** (...)

## TOP 1. Begrüßung und Besprechung der Tagesordnung

Der Vorsitzende begrüßt die anwesenden Vorstandsmitglieder.

## TOP 2. Feststellen der Beschlussfähigkeit

Der Vorstand ist beschlussfähig.

## TOP 3. Status Vereinseintragung

Der Vorsitzende berichtet über den Status der Eintragung.
"""


def test_the_word_a_file_prints_before_its_item_numbers() -> None:
    assert table(from_text(WESTWOODLABS_2023, "2023-03-17-Vorstandssitzung.md")) == [
        ("1", "Begrüßung und Besprechung der Tagesordnung"),
        ("2", "Feststellen der Beschlussfähigkeit"),
        ("3", "Bestätigung der Geschäftsordnung"),
        ("4", "Sonstiges"),
    ]
    assert table(from_text(WESTWOODLABS_2016, "2016-10-08-Vorstandssitzung.md")) == [
        ("1", "Begrüßung und Besprechung der Tagesordnung"),
        ("2", "Feststellen der Beschlussfähigkeit"),
        ("3", "Status Vereinseintragung"),
    ]


def test_pages_and_figures_are_no_item_word() -> None:
    lines = ["Page 1 Minutes of the Council", "Page 2 Minutes of the Council", "Page 3 Notes"]
    assert item_word(lines) == ""
    said = ["TOP 1. Begrüßung", "Text.", "TOP 2. Feststellen", "Text.", "TOP 3. Bestätigung"]
    assert item_word(said) == "TOP"
    # a list with no text between its lines is inside an item ("Stage 1 – Pre-Draft
    # Consultation", "Stage 2 – Public Consultation.", Limerick 2016)
    assert item_word([line for line in said if line != "Text."]) == ""
    # two lines are not enough, nor numbers that do not climb
    assert item_word(said[:3]) == ""
    assert item_word(["Punkt 3 Haushalt", "x", "Punkt 1 Begrüßung", "x", "Punkt 2 Kasse"]) == ""


# HackerspaceSG plenum, 12 June 2014 (shortened): a timed agenda's headings
HACKERSPACE_2014 = """## Plenum 2014-06-12 Agenda/Minutes

### 20:30 Finances

- No items received, suggest discussion about remaining funds.

### 20:40 Website

- No items received, suggest discussion about navigation.

### 21:20 Any other business

Resolved - (none)

### 21:30 Close
"""


def test_the_time_before_a_markdown_heading_is_no_part_of_its_title() -> None:
    assert table(from_text(HACKERSPACE_2014, "2014-06-21.md")) == [
        ("", "Finances"),
        ("", "Website"),
        ("", "Any other business"),
        ("", "Close"),
    ]


# Conseil municipal de Couthenans, 24 February 2023 (a PDF's text, shortened)
COUTHENANS_2023 = """CR du conseil municipal 24 février 2023
Présents : Jean-Pierre, Yves, Jacques, David, Nelly, Patrick, Agnès, Adeline.
Ordre du jour
1/ Délibération reversement taxe d’aménagement à la CCPH :
10 votes pour. 2 Abstentions
2/ Délibération pour le calcul de la longueur de la voie publique.
Global de plus de 8717 m.
12 votes pour
3/ Délibération renouvellement de mise à disposition de personnel contractuel
Renouvelée tous les 2 ans.
12 votes pour
"""


def test_a_number_and_a_slash_opens_an_item() -> None:
    meeting = from_text(COUTHENANS_2023, "CR_conseil_municipal_24_02_2023.txt")
    assert table(meeting) == [
        ("1", "Délibération reversement taxe d’aménagement à la CCPH"),
        ("2", "Délibération pour le calcul de la longueur de la voie publique."),
        ("3", "Délibération renouvellement de mise à disposition de personnel contractuel"),
    ]
    assert meeting.items[1].body == "Global de plus de 8717 m.\n12 votes pour"


# Scala Center Advisory Board, 9 May 2016 (shortened): "## Proceedings" is the document's
# part that holds the items, like "## Minutes" (headings.DOCUMENT_PART)
SCALA_2016 = """## Minutes of the 1st meeting of the Scala Center, Q2, 2016

## Executive Summary

The following agenda was distributed to attendees.

## Date, Time and Location

The meeting took place at 2:00pm on Monday, May 9, 2016.

## Attendees

- Sébastien Doeraene, EPFL

## Proceedings

### Opening Remarks

As acting chairperson, Jon Pretty conducted the meeting.

### Other board members

Bill Venners was appointed by the Executive Director.

### Other business

The timing and location of future meetings was discussed.
"""


def test_a_proceedings_part_opens_into_its_items() -> None:
    titles = [i.title for i in from_text(SCALA_2016, "001-2016-q2.md").items]
    assert titles[-3:] == ["Opening Remarks", "Other board members", "Other business"]
    assert "Proceedings" not in titles


# Hackspace Manchester board, 23 February 2016 (shortened): the last items are headings of
# the numbered items' level with no number (headings._unnumbered_beside)
HACMAN_2016 = """# 2016-02-23

Present: all

## 1. Approve minutes for last meeting

Approved.

## 2. New Space - contract &c

Email sent to Maria 22-02-2016 will be chased up 24-02-2016 by TK

## 3. Departmental updates

### Purchasing - BD/CH

BD and CH need to coordinate spending.

### Website

Nothing to report.

## Any other business

None.

## Date of next meeting

8 March 2016.
"""


def test_unnumbered_headings_at_the_numbered_items_level_are_items() -> None:
    assert table(from_text(HACMAN_2016, "2016-02-23.md")) == [
        ("1", "Approve minutes for last meeting"),
        ("2", "New Space - contract &c"),
        ("3", "Departmental updates"),
        ("", "Any other business"),
        ("", "Date of next meeting"),
    ]
