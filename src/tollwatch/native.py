"""Which build of the extract modules runs: compiled by mypyc, or pure Python.

A compiled build (see setup.py) puts an extension module beside the source of each compiled
module, and a manifest, `extract/_compiled.json`, with the sha256 of every source mypyc read.
Python imports an extension module before the source beside it, so after an edit the old
extension module would run in place of the new source. `choose_build`, run by the package's
`__init__` before anything imports the extract modules, has them imported from their sources
instead when TOLLWATCH_PURE is set, or, with a `StaleBuildWarning`, when the manifest does
not vouch for every extension module (a source changed, or the manifest is missing).

Standard library only: scripts/_venv.sh runs this file by path to ask whether to rebuild.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.machinery
import importlib.util
import json
import os
import sys
import warnings
from collections.abc import Sequence
from importlib.abc import MetaPathFinder
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

PURE_VARIABLE = "TOLLWATCH_PURE"
MANIFEST = "_compiled.json"
_PACKAGE_DIR = Path(__file__).resolve().parent
_SUFFIXES = tuple(importlib.machinery.EXTENSION_SUFFIXES)


class StaleBuildWarning(RuntimeWarning):
    """Extension modules that no longer match their sources: the sources run instead."""


class _SourceFinder(MetaPathFinder):
    """Imports the named modules from their .py files, past the extension modules beside them."""

    def __init__(self, sources: dict[str, Path]):
        self.sources = sources

    def find_spec(self, fullname: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        source = self.sources.get(fullname)
        return importlib.util.spec_from_file_location(fullname, source) if source else None


def pure_requested() -> bool:
    return os.environ.get(PURE_VARIABLE, "").strip().lower() not in ("", "0", "false", "no")


def extension_modules(package_dir: Path = _PACKAGE_DIR) -> dict[str, Path]:
    """Extract modules with an extension module beside their source: name → source."""
    found: dict[str, Path] = {}
    folder = package_dir / "extract"
    for path in folder.iterdir():
        stem = path.name.split(".", 1)[0]
        if path.name.endswith(_SUFFIXES) and (folder / f"{stem}.py").is_file():
            found[f"tollwatch.extract.{stem}"] = folder / f"{stem}.py"
    return found


def stale_sources(package_dir: Path = _PACKAGE_DIR) -> list[str]:
    """Why the extension modules cannot be trusted: sources changed since the build, extension
    modules the manifest does not list, or no manifest. Empty when they can (or there are none)."""
    built = extension_modules(package_dir)
    if not built:
        return []
    try:
        manifest = json.loads((package_dir / "extract" / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return [f"extract/{MANIFEST} is missing or unreadable"]
    problems = [f"{name} was not part of the build" for name in built
                if name not in manifest["modules"]]
    root = package_dir.parent
    for relative, digest in manifest["sources"].items():
        try:
            changed = hashlib.sha256((root / relative).read_bytes()).hexdigest() != digest
        except OSError:
            changed = True
        if changed:
            problems.append(f"{relative} changed since the build")
    return problems


def choose_build(package_dir: Path = _PACKAGE_DIR) -> None:
    """Make the extract modules import from their sources unless the compiled build is wanted
    and fresh. Must run before they are first imported."""
    built = extension_modules(package_dir)
    if not built:
        return
    if not pure_requested():
        problems = stale_sources(package_dir)
        if not problems:
            return
        warnings.warn(
            f"tollwatch: the compiled extract modules do not match their sources "
            f"({'; '.join(problems[:3])}); running pure Python. Rebuild with "
            f"'pip install -e .' or 'bash scripts/test.sh', or set {PURE_VARIABLE}=1.",
            StaleBuildWarning, stacklevel=2)
    sys.meta_path.insert(0, _SourceFinder(built))


def compiled() -> bool:
    """Whether the extract modules of this process run compiled: each one that has an extension
    module was imported from it (none were when the build is pure, stale or TOLLWATCH_PURE)."""
    built = extension_modules()
    return bool(built) and all(
        (importlib.import_module(name).__file__ or "").endswith(_SUFFIXES) for name in built)


if __name__ == "__main__":
    # scripts/_venv.sh: exit 1 (and say why) when the compiled build must be rebuilt.
    reasons = stale_sources()
    for reason in reasons:
        print(f"tollwatch: {reason}", file=sys.stderr)
    sys.exit(1 if reasons else 0)
