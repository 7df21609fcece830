"""The wheel (`pip install .`, not editable) carries everything an answer needs: every
prompt template, py.typed, and the templates load from inside the installed package.
Built with the venv's own setuptools from a copy of the tree, offline, in seconds."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = "minutesqa/templates/"


def rendered_names() -> set[str]:
    """The templates the package renders: `render("name", ...)` calls in its source."""
    names: set[str] = set()
    for path in (ROOT / "minutesqa").rglob("*.py"):
        names |= set(re.findall(r"""\brender\(\s*["'](\w+)["']""", path.read_text("utf-8")))
    return names


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("src")
    skip = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("minutesqa", "prompts"):
        shutil.copytree(ROOT / name, src / name, ignore=skip)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    out = tmp_path_factory.mktemp("dist")
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
    proc = subprocess.run(
        [*cmd, "--no-index", "-q", "-w", str(out), str(src)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    (built,) = out.glob("minutesqa-*.whl")
    return built


def test_wheel_holds_every_template_and_py_typed(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        files = set(zf.namelist())
    assert "minutesqa/py.typed" in files
    in_wheel = {
        f[len(TEMPLATES) : -4] for f in files if f.startswith(TEMPLATES) and f.endswith(".txt")
    }
    in_repo = {p.stem for p in (ROOT / "prompts").glob("*.txt")}
    assert in_wheel == in_repo
    needed = rendered_names()
    assert {"abstain", "citation", "out_of_range"} <= needed  # the search above still works
    assert needed <= in_wheel
    assert not any(f.startswith(("prompts/", "tests/")) for f in files)


def test_templates_load_from_the_unpacked_wheel(wheel: Path, tmp_path: Path) -> None:
    """Imported from the wheel's files alone (not the checkout), every template renders."""
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(site)
    code = (
        "import minutesqa, minutesqa.prompts as p\n"
        "print(minutesqa.__file__)\n"
        "for name in p.names():\n"
        "    p.render(name, **{v: 'x' for v in p.variables(name)})\n"
        "print(' '.join(p.names()))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    proc = subprocess.run(
        [sys.executable, "-P", "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    where, names = proc.stdout.splitlines()
    assert Path(where).is_relative_to(site)
    assert set(names.split()) >= rendered_names()


def test_a_checkout_that_is_not_installed_reads_its_own_prompts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`python -m minutesqa.cli` in a checkout shadows an installed wheel (the current
    directory comes first on sys.path), where minutesqa.templates does not exist."""
    from minutesqa import prompts

    def missing(package: str) -> None:
        raise ModuleNotFoundError(package)

    monkeypatch.setattr(prompts.resources, "files", missing)
    assert Path(str(prompts.templates_dir())) == ROOT / "prompts"


def test_wheel_holds_every_module_of_the_package(wheel: Path) -> None:
    """Subpackages (parse/, indexing/, answer/, ...) are listed by hand in pyproject.toml:
    one left out installs a product that fails at its first import of it."""
    package = Path(__file__).resolve().parents[1] / "minutesqa"
    wanted = {
        f"minutesqa/{p.relative_to(package).as_posix()}"
        for p in package.rglob("*.py")
        if "__pycache__" not in p.parts
    }
    with zipfile.ZipFile(wheel) as zf:
        missing = wanted - set(zf.namelist())
    assert not missing, f"not in the wheel: {sorted(missing)}"
