"""A body's name across a folder's meetings (`settle_bodies`): meetings whose text names
no body, or only its kind or initials, take the name the folder's other meetings give or
the fuller one its folder's name gives (`folder_body`), and spellings of one body in a
folder are merged (`_aliases`)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

from minutesqa.lexicon import BODY_NOUNS, MEETING_WORDS
from minutesqa.models import Meeting
from minutesqa.segment.body_names import named_in_text

UNKNOWN_BODY = "Unknown committee"


def settle_bodies(
    meetings: list[Meeting], known: dict[str, Counter[str]] | None = None
) -> list[Meeting]:
    """One body, one name: a meeting whose header names no body takes the name its folder's
    other meetings give (`known`: names already indexed, by folder), else the body its own
    text names most often."""
    by_folder: dict[str, Counter[str]] = defaultdict(Counter)
    for folder, names in (known or {}).items():
        by_folder[folder].update(names)
    for m in meetings:
        if m.committee != UNKNOWN_BODY:
            by_folder[str(Path(m.source).parent)][m.committee] += 1
    aliases = {f: _aliases(names) for f, names in by_folder.items()}
    out: list[Meeting] = []
    for m in meetings:
        seen = by_folder.get(str(Path(m.source).parent))
        alias = aliases.get(str(Path(m.source).parent), {})
        if m.committee in alias:
            m = replace(m, committee=alias[m.committee])
        generic = len(m.committee.split()) == 1  # "Board": the folder's fuller name for it
        if generic and seen:
            fuller = [
                n for n in seen if m.committee.lower() in n.lower().split() and n != m.committee
            ]
            if fuller:
                m = replace(m, committee=max(fuller, key=lambda n: seen[n]))
        if m.committee == UNKNOWN_BODY:
            text = "\n".join(f"{i.title}\n{i.body}" for i in m.items)
            name = _folder_name_for(text, seen) if seen else named_in_text(text)
            m = replace(m, committee=name or UNKNOWN_BODY)
        named = folder_body(Path(m.source).parent)
        if named and _completes(m.committee, named):
            m = replace(m, committee=named)
        out.append(m)
    return out


def unsettled(name: str) -> bool:
    """A meeting's body name that `settle_bodies` may still complete once its folder is
    read: none (UNKNOWN_BODY), one word ("Board", "Council") or initials ("SC")."""
    return name == UNKNOWN_BODY or len(name.split()) == 1


# words of a folder's name that say what it holds, not whose it is ("minutes", "2023")
_FOLDER_WORDS = frozenset(
    "minutes minute meetings meeting docs documents files archive pdf".split()
)
_BODY_NOUN_WORDS = frozenset(n for n in BODY_NOUNS if " " not in n and "-" not in n)


def folder_body(folder: Path) -> str:
    """The body a folder's name names, for meetings whose text names none or only its
    kind ("Council", "Committee", "SC"): "rust-leadership-council" -> "Rust Leadership
    Council", "Planning Committee minutes" -> "Planning Committee"; a folder named only
    by a body's kind ("Committee") within a folder naming its organisation
    ("perth-artifactory") -> "Perth Artifactory Committee". "" where the name holds no
    organisational noun (lexicon.BODY_NOUNS) or holds digits (a meeting's own folder:
    "20-Monthly Meeting of ...")."""
    words = _folder_words(folder.name)
    if not words or not any(w.lower() in _BODY_NOUN_WORDS for w in words):
        return ""
    if len(words) == 1 and (outer := _folder_words(folder.parent.name)):
        if not any(w.lower() in _BODY_NOUN_WORDS for w in outer):
            words = outer + words
    return " ".join(words)


def _folder_words(name: str) -> list[str]:
    if re.search(r"\d", name):
        return []
    words = [w for w in re.split(r"[-_\s]+", name) if w and w.lower() not in _FOLDER_WORDS]
    if any(w.lower() in MEETING_WORDS for w in words):
        return []
    slug = name == name.lower()
    return [w.capitalize() if slug else w for w in words]


def _completes(found: str, folder: str) -> bool:
    """`folder`'s name is the fuller name of the body `found` names: `found` is no name
    (UNKNOWN_BODY), the bare kind the folder's name ends in ("Council" in "Rust
    Leadership Council"), or the initials of its last words ("SC": "... Steering
    Committee")."""
    if found == UNKNOWN_BODY:
        return True
    words = folder.split()
    if found.lower() in _BODY_NOUN_WORDS:
        return words[-1].lower() == found.lower()
    if found.isupper() and 2 <= len(found) <= 5 and len(found) <= len(words):
        return "".join(w[0] for w in words[-len(found) :]).upper() == found
    return False


def _folder_name_for(text: str, seen: Counter[str]) -> str:
    """Of the names a folder's meetings give, the one whose own word pairs (those no other
    name of the folder has: "fair oaks" beside "juan unified") this meeting's text uses
    most; the folder's commonest name when it uses none (a folder may hold several bodies)."""
    low = " ".join(re.findall(r"[a-z0-9]+", text.lower()))
    pairs = {n: _word_pairs(n) for n in seen}
    uses = {}
    for name, mine in pairs.items():
        others = set().union(*(p for o, p in pairs.items() if o != name))
        uses[name] = sum(low.count(pair) for pair in mine - others)
    best = max(seen, key=lambda n: (uses[n], seen[n], n))
    return best if uses[best] else seen.most_common(1)[0][0]


def _word_pairs(name: str) -> set[str]:
    words = re.findall(r"[a-z0-9]{2,}", name.lower())  # "director's": no lone "s"
    return {f"{a} {b}" for a, b in zip(words, words[1:], strict=False) if len(a + b) > 5}


def _name_words(name: str) -> frozenset[str]:
    words = re.findall(r"[a-z0-9]+", name.lower().replace("&", " and "))
    return frozenset(w for w in words if w not in ("of", "the", "and", "s"))


def _aliases(names: Counter[str]) -> dict[str, str]:
    """Spellings of one body within a folder: "X & Y Committee" / "X and Y Committee" take
    the commoner spelling; a name whose words all sit in exactly one fuller name of the
    folder ("Board of Directors" beside "Regional Transportation District Board of
    Directors") takes that name."""
    out: dict[str, str] = {}
    by_words: dict[frozenset[str], list[str]] = defaultdict(list)
    for name in names:
        by_words[_name_words(name)].append(name)
    canonical = {
        words: max(group, key=lambda n: (names[n], n)) for words, group in by_words.items()
    }
    for words, group in by_words.items():
        fuller = [w for w in canonical if words < w]
        target = canonical[fuller[0]] if len(fuller) == 1 else canonical[words]
        for name in group:
            if name != target:
                out[name] = target
    return out
