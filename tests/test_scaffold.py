"""`python -m calculators new NAME` (issue 12): in a copy of the project, the scaffold writes a working calculator
that the strict build embeds and that the native, parity and house tests cover with no list edited."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SKIP = {".git", ".venv", "node_modules", "site", ".cache", "dist", "test-artifacts", "bench-results", "build"}
NAME = "protein_intake"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the working tree (Pyodide's npm copy linked), with the scaffold run in it."""
    root = tmp_path_factory.mktemp("scaffolded")
    for item in REPO_ROOT.iterdir():
        if item.name in SKIP:
            continue
        if item.is_dir():
            shutil.copytree(
                item, root / item.name, ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache")
            )
        else:
            shutil.copy2(item, root / item.name)
    (root / "node_modules").symlink_to(REPO_ROOT / "node_modules", target_is_directory=True)
    done = _run(root, "-m", "calculators", "new", NAME)
    assert done.returncode == 0, done.stderr
    return root


def _run(root: Path, *args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(root), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, *args], cwd=root, env=env, capture_output=True, text=True, timeout=timeout
    )


def test_the_scaffold_writes_a_module_a_test_a_page_and_a_marked_source(project: Path) -> None:
    module = (project / "calculators" / f"{NAME}.py").read_text()
    assert "CALCULATOR = Calculator(" in module and "REPLACE" in module
    assert (project / "tests" / f"test_{NAME}.py").exists()
    assert f'calculator("{NAME}")' in (project / "docs" / "calculators" / "protein-intake.md").read_text()
    assert 'short="REPLACE' in (project / "calculators" / "sources.py").read_text()
    assert f'case("{NAME}"' in (project / "tests" / "cases.py").read_text()


def test_a_second_scaffold_of_the_same_name_is_refused(project: Path) -> None:
    done = _run(project, "-m", "calculators", "new", NAME)
    assert done.returncode == 2 and "already exists" in done.stderr
    bad = _run(project, "-m", "calculators", "new", "Protein-Intake")
    assert bad.returncode == 2 and "is not a calculator name" in bad.stderr


def test_the_strict_build_embeds_it_with_no_hand_edit(project: Path) -> None:
    done = _run(project, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(project / "site"))
    assert done.returncode == 0, done.stderr[-3000:]
    page = (project / "site" / "calculators" / "protein-intake" / "index.html").read_text()
    assert 'data-calculator="protein_intake"' in page and "2,100" in page.replace("2100", "2,100")
    home = (project / "site" / "index.html").read_text()
    assert "Protein intake" in home


def test_its_own_tests_and_the_house_and_parity_tests_pass(project: Path) -> None:
    done = _run(
        project,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        f"tests/test_{NAME}.py",
        "tests/test_package.py",
        "tests/test_schema.py",
        "tests/test_steps_follow_constants.py",
        "tests/test_properties.py",
        "tests/test_charts.py",
        "tests/test_reader_units.py",
        "tests/test_pyodide_parity.py",
    )
    assert done.returncode == 0, done.stdout[-4000:]
    assert (
        "protein_intake" in _run(project, "-m", "pytest", "--co", "-q", "tests/test_pyodide_parity.py").stdout
    )
