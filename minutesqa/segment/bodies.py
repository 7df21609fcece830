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
from minutesqa.segment.body_names import _NOT_QUALIFIERS, kind_only, named_in_text

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
    read: none (UNKNOWN_BODY), one word ("Board", "Council") or initials ("SC"), or only
    the body's kind ("Parish Council", "Community Council", "Board of Trustees": every word
    a body noun or a generic name word, body_names.kind_only)."""
    return name == UNKNOWN_BODY or len(name.split()) == 1 or kind_only(name)


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
    the commoner spelling; a name the folder also writes out in full (`written_out`: "Board
    of Directors" beside "Regional Transportation District Board of Directors", "Town
    Council" beside "Gamma Town Council") takes the fuller name where exactly one names it
    so (two districts' "Board of Education": neither). Names that only share words stay
    apart, whichever is commoner: distinct committees of one head noun ("Audit Committee",
    "Financial Administration and Audit Committee"; "Executive Committee", "GM Executive
    Search/GM Oversight & Performance Management Committee") and a heading's words around a
    name ("Record of the Marblehead School Committee", "Town of Amherst Town Council Public
    Forum")."""
    out: dict[str, str] = {}
    by_words: dict[frozenset[str], list[str]] = defaultdict(list)
    for name in names:
        by_words[_name_words(name)].append(name)
    canonical = {
        words: max(group, key=lambda n: (names[n], n)) for words, group in by_words.items()
    }
    for words, group in by_words.items():
        fuller = [c for w, c in canonical.items() if w != words and written_out(group[0], c)]
        fullest = [c for c in fuller if not any(written_out(c, o) for o in fuller if o != c)]
        target = fullest[0] if len(fullest) == 1 else canonical[words]
        for name in group:
            if name != target:
                out[name] = target
    return out


def _tokens(name: str) -> list[str]:
    """A name's words as written ("&" read as "and"; "/" and "," kept: they join parts)."""
    return re.findall(r"[/,]|[^\s/,]+", name.replace("&", " and "))


def written_out(short: str, full: str) -> bool:
    """`full` names the body `short` names, written out in full: `short`'s words stand in
    it in order (initials for words: "RTD Board of Directors" in "Regional Transportation
    District Board of Directors"), and each word it adds says whose the body is:
    - before them, an organisation's or a place's name ("Gamma" of "Gamma Town Council",
      "Limerick City and County Council" of "... Council Finance Committee"): `_organisation`;
      or, before an organisation's name, its governing body ("Council of the" Corporation of
      the Township of Assiginack);
    - among them, capitalised words naming no body ("School" in "Hyndland Primary School
      Parent Council", "Foundation" in "Node.js Foundation Technical Steering Committee");
    - after them, a place ("Metropolitan District" of Limerick) or, after an organisation's
      name, its governing body (Milburn Parish "Council", Los Rios Community College
      District "Board of Trustees").
    Names that only share words stay apart: distinct committees of one head noun ("Audit
    Committee" beside "Financial Administration and Audit Committee", "Executive
    Committee" beside "GM Executive Search/GM Oversight & Performance Management
    Committee", "Limerick City Council" beside "Limerick City and County Council"), a
    body's sub-body or meeting ("... Town Council Public Forum", "Municipal District of
    Adare-Rathkeale JPC Subcommittee") and a heading's words before a name ("Record of
    the", "In Committee of the", "Joint Planning Committee and Full")."""
    s, f = _tokens(short), _tokens(full)
    spans = _aligned(s, f)
    if spans is None or [w.lower() for w in s] == [w.lower() for w in f]:
        return False
    body = s[-1].lower() in _MEETING_BODIES  # "short" names a body, not its organisation
    head, tail = f[: spans[0][0]], f[spans[-1][1] :]
    gaps = [f[a[1] : b[0]] for a, b in zip(spans, spans[1:], strict=False)]
    if not all(_inner(gap) for gap in gaps if gap):
        return False
    if tail and not (_place(tail) or (not body and _governing(tail))):
        return False
    return not head or _organisation(head) or (not body and _governing_of(head))


def _aligned(s: list[str], f: list[str]) -> list[tuple[int, int]] | None:
    """Where each of `s`'s words stands in `f` ((start, end) of `f`'s words it matches),
    matched from the end, each as near the end as it can be; None where one is missing."""
    spans: list[tuple[int, int]] = []
    j = len(f)
    for word in reversed(s):
        for k in range(j - 1, -1, -1):
            if word.lower() == f[k].lower():
                spans.append((k, k + 1))
                j = k
                break
            if _initials_of(word, f[: k + 1]):
                spans.append((k + 1 - len(word), k + 1))
                j = k + 1 - len(word)
                break
        else:
            return None
    return spans[::-1]


def _initials_of(word: str, before: list[str]) -> bool:
    """`word` is the initials of the words that end `before` ("RTD": "Regional
    Transportation District")."""
    n = len(word)
    if not (word.isupper() and word.isalpha() and 2 <= n <= 6 and n <= len(before)):
        return False
    return "".join(w[0] for w in before[-n:]).upper() == word


def _organisation(words: list[str]) -> bool:
    """Words that can be whose a body is (`written_out`'s qualifier)."""
    if {words[0].lower(), words[-1].lower()} & _NOT_QUALIFIERS:
        return False
    return all(
        w in _INNER_CONNECTORS or (w[0].isupper() and not re.search(r"[\d:]", w)) for w in words
    )


# the words that join an organisation's name ("Town of Amherst", "City and County")
_INNER_CONNECTORS = frozenset({"of", "and", "the", "for"})


def _inner(words: list[str]) -> bool:
    """Words within a body's name that add whose it is ("School", "Foundation"): capitalised,
    no connector, list mark or body of its own ("School Committee Policy")."""
    return all(w[0].isupper() and w.lower() not in _MEETING_BODIES | _NOT_QUALIFIERS for w in words)


def _governing_of(words: list[str]) -> bool:
    """An organisation's governing body before its name: "Council of the", "Board of"."""
    low = [w.lower() for w in words]
    if low[-1:] == ["the"]:
        low, words = low[:-1], words[:-1]
    return low[-1:] == ["of"] and _governing(words[:-1])


def _place(words: list[str]) -> bool:
    """A place or organisation after a body's name: "of Limerick", "of the Town"."""
    rest = words[1:]
    if rest and rest[0].lower() == "the":
        rest = rest[1:]
    return words[0].lower() == "of" and bool(rest) and _organisation(rest)


def _governing(words: list[str]) -> bool:
    """An organisation's governing body: "Council", "Board", "Board of Trustees"."""
    low = [w.lower() for w in words]
    return low in (["council"], ["board"]) or (
        len(low) == 3 and low[:2] == ["board", "of"] and words[2][0].isupper()
    )


# the nouns of a body that meets (a name ending in one names a body, not an organisation)
_MEETING_BODIES = frozenset(
    "committee sub-committee subcommittee council board commission panel forum cabinet "
    "assembly group trustees directors senate taskforce executive".split()
)
