"""The rules register, RULES.md (`make rules`, `python -m minutesqa.reports.rules [--root
DIR] [--out FILE]`), read by `ast` alone: in segment/, answer/, lexicon.py and tuning.py,
every UPPER_CASE or _UPPER_CASE module constant (pattern: compiled or written regex; number;
words: any other value), every field of a `...Tuning` class and every documented function.
A constant's description is the comment block directly above it, else the comment ending
its line, else a string directly below; one with none is undocumented (a defect, listed).
A test names a rule when the name is a word of a tests/*.py function (a field: `.f`, `f=`)."""

from __future__ import annotations

import argparse
import ast
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

SOURCES = ("segment/*.py", "answer/*.py", "lexicon.py", "tuning.py")  # under minutesqa/
RULE_NAME = re.compile(r"^_?[A-Z][A-Z0-9_]*$")
# a string constant holding any of these is a regex written out, not a word
REGEX_MARKS = re.compile(r"\\[a-zA-Z\\.]|\(\?|\[[^\]]*\]|\|")
TESTS_LISTED = 3
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(`\"])")


@dataclass(frozen=True)
class Rule:
    module: str  # the file, relative to the root
    name: str
    kind: str  # pattern / words / number / function
    description: str  # the first sentence; "" when undocumented
    line: int
    tests: tuple[str, ...] = ()


def first_sentence(text: str) -> str:
    """The first sentence of a comment or docstring, on one line: up to the first full stop
    that is outside quotes and brackets ("TOP 1. Apologies" quoted stays in)."""
    joined = " ".join(text.split())
    for end in _SENTENCE_END.finditer(joined):
        head = joined[: end.start()]
        if head.count('"') % 2 == 0 and head.count("(") == head.count(")"):
            if head.count("“") == head.count("”"):
                return head
    return joined


def kind_of(value: ast.expr | None) -> str:
    """A constant's kind from its value: a regex (compiled, or written out in a string), a
    number, else words (collections, and strings that are no regex)."""
    if isinstance(value, ast.UnaryOp):
        value = value.operand
    if isinstance(value, ast.Constant) and isinstance(value.value, int | float):
        return "number"
    elts = value.elts if isinstance(value, ast.Tuple) else []
    if elts and all(kind_of(e) == "number" for e in elts):
        return "number"
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute):
        owner = value.func.value  # re.compile(...); "|".join(WORDS) is as its string is
        if isinstance(owner, ast.Name) and owner.id == "re":
            return "pattern"
        value = owner if value.func.attr == "join" else None
    if not isinstance(value, ast.Constant | ast.JoinedStr | ast.BinOp):
        return "words"  # collections, frozenset(...), a name, str methods
    strings = [n.value for n in ast.walk(value) if isinstance(n, ast.Constant)]
    written = any(isinstance(s, str) and REGEX_MARKS.search(s) for s in strings)
    return "pattern" if written else "words"


def comment_of(lines: list[str], node: ast.stmt, after: ast.stmt | None) -> str:
    """A constant's description: the comments directly above, at its line's end, or below."""
    start = node.lineno - 1
    while start > 0 and lines[start - 1].strip().startswith("#"):
        start -= 1
    if above := " ".join(line.strip()[1:].strip() for line in lines[start : node.lineno - 1]):
        return above
    tail = lines[(node.end_lineno or node.lineno) - 1][node.end_col_offset :].strip()
    if tail.startswith("#"):
        return tail[1:].strip()
    below = after.value if isinstance(after, ast.Expr) else None
    return below.value if isinstance(below, ast.Constant) and isinstance(below.value, str) else ""


def _target(node: ast.stmt) -> tuple[str, ast.expr] | None:
    target = node.targets[0] if isinstance(node, ast.Assign) else getattr(node, "target", None)
    value = getattr(node, "value", None)
    if isinstance(node, ast.Assign | ast.AnnAssign) and isinstance(target, ast.Name) and value:
        return target.id, value
    return None


def _named(lines: list[str], body: list[ast.stmt], module: str, prefix: str = "") -> list[Rule]:
    """The UPPER_CASE constants among the statements (a `...Tuning` class's: every field)."""
    found: list[Rule] = []
    for node, after in zip(body, [*body[1:], None], strict=True):
        if (named := _target(node)) and (prefix or RULE_NAME.match(named[0])):
            note = first_sentence(comment_of(lines, node, after))
            found.append(Rule(module, prefix + named[0], kind_of(named[1]), note, node.lineno))
    return found


def rules_of(path: Path, module: str) -> list[Rule]:
    """The rules one module names: its UPPER_CASE constants, documented functions, and the
    fields of a `...Tuning` class (the tuning numbers), in the order of its lines."""
    text = path.read_text(encoding="utf-8")
    lines, body = text.splitlines(), ast.parse(text).body
    found = _named(lines, body, module)
    for node in body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            if doc := ast.get_docstring(node):
                found.append(Rule(module, node.name, "function", first_sentence(doc), node.lineno))
        elif isinstance(node, ast.ClassDef) and node.name.endswith("Tuning"):
            found += _named(lines, node.body, module, f"{node.name}.")
    return sorted(found, key=lambda rule: rule.line)


def read_tests(root: Path) -> list[tuple[str, str, frozenset[str]]]:
    """Every function of tests/*.py (methods as Class.name) with its source and its words,
    the tests (test_*) before the helpers."""
    found: list[tuple[str, str, frozenset[str]]] = []
    for path in sorted((root / "tests").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        for node in ast.parse(text).body:
            members = node.body if isinstance(node, ast.ClassDef) else [node]
            prefix = f"{node.name}." if isinstance(node, ast.ClassDef) else ""
            for member in members:
                if isinstance(member, ast.FunctionDef | ast.AsyncFunctionDef):
                    source = ast.get_source_segment(text, member) or ""
                    words = frozenset(re.findall(r"\w+", source))
                    found.append((f"{path.name}::{prefix}{member.name}", source, words))
    return sorted(found, key=lambda test: not test[0].split("::")[1].startswith("test_"))


def naming_tests(rule: Rule, tests: list[tuple[str, str, frozenset[str]]]) -> tuple[str, ...]:
    """The test functions that name a rule as a word (a `Tuning` field: `.field`, `field=`)."""
    if "." not in rule.name:
        return tuple(name for name, _, words in tests if rule.name in words)
    field = re.escape(rule.name.rsplit(".", 1)[1])
    word = re.compile(rf"\.{field}\b|\b{field}\s*=(?!=)")
    return tuple(name for name, source, _ in tests if word.search(source))


def collect(root: Path) -> list[Rule]:
    """Every rule under root, each with the tests that name it."""
    paths = [p for pattern in SOURCES for p in sorted((root / "minutesqa").glob(pattern))]
    tests = read_tests(root)
    modules = [(path, path.relative_to(root).as_posix()) for path in paths]
    rules = [rule for path, module in modules for rule in rules_of(path, module)]
    return [replace(rule, tests=naming_tests(rule, tests)) for rule in rules]


def _link(rule: Rule) -> str:
    return f"[L{rule.line}]({rule.module}#L{rule.line})"


def summary(rules: list[Rule]) -> list[str]:
    """The counts: rules per module, undocumented rules, rules no test names."""
    modules = dict.fromkeys(r.module for r in rules)
    groups = {m: [r for r in rules if r.module == m] for m in modules}
    out = ["| module | rules | undocumented | named by no test |", "| --- | --- | --- | --- |"]
    for module, own in [*groups.items(), ("all", rules)]:
        quiet, untested = sum(not r.description for r in own), sum(not r.tests for r in own)
        out.append(f"| {module} | {len(own)} | {quiet} | {untested} |")
    return out


def row(rule: Rule) -> str:
    """One rule's table row: module, name, kind, description, line link, tests."""
    listed = ", ".join(rule.tests[:TESTS_LISTED]) or "none"
    if len(rule.tests) > TESTS_LISTED:
        listed += f" (+{len(rule.tests) - TESTS_LISTED})"
    said = rule.description.replace("|", "\\|") or "—"
    return f"| {rule.module} | `{rule.name}` | {rule.kind} | {said} | {_link(rule)} | {listed} |"


def render(rules: list[Rule]) -> str:
    """RULES.md: the counts, the undocumented rules, then every rule's row."""
    head = ["# Rules", "", "Written by `make rules` (minutesqa/reports/rules.py).", ""]
    quiet = [f"- `{r.name}` ({_link(r)})" for r in rules if not r.description]
    table = ["| module | name | kind | description | line | tests |", "| --- " * 6 + "|"]
    parts = [*head, *summary(rules), "", "## Undocumented rules", "", *(quiet or ["none"]), ""]
    return "\n".join([*parts, "## Every rule", "", *table, *map(row, rules), ""])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write RULES.md: every named rule and its tests.")
    parser.add_argument("--root", type=Path, default=Path("."), help="the repository (default .)")
    parser.add_argument("--out", type=Path, help="where to write (default ROOT/RULES.md)")
    args = parser.parse_args(argv)
    rules, out = collect(args.root), args.out or args.root / "RULES.md"
    out.write_text(render(rules), encoding="utf-8")
    print("\n".join([*summary(rules), f"wrote {out}"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
