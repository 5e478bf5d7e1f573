"""Build hook: the extract modules compiled by mypyc where that can be done, else pure Python.

pyproject.toml holds the package's metadata; this file only adds the extension modules.
mypyc turns the modules of COMPILED into C when `build_ext` runs (not before: setuptools
runs this file for every build hook), and the C compiler builds them. Without a C compiler,
when the build fails, or with TOLLWATCH_COMPILE=0, the package installs as pure Python and
one line beginning "tollwatch build:" says why.

A compiled build also writes a manifest beside the extension modules: the sha256 of every
source mypyc read. `tollwatch.native` checks it at import time, so an edited source is never
shadowed by an extension module built from the old one.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import shutil
import sys
import sysconfig
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

SRC = Path(__file__).resolve().parent / "src"
PACKAGE = "tollwatch.extract"
# The modules worth compiling (docs/benchmarks.md): compiling also anaphora, settle, tolls
# and the date resolvers (dateabsolute, dateintervals, daterelative, datewords) gained nothing
# measurable; compiling only the twelve largest lost about a quarter of the gain. `pipeline`,
# the entry point, stays interpreted: compiled code would meet a wrong argument type with a
# TypeError before the entry point's own check could name the error.
COMPILED = (
    "actors", "appositions", "attach", "candidate", "companions", "cues", "dates", "document",
    "found", "gazetteer", "implicit", "numbers", "personlists", "persons", "phrases",
    "phrasewords", "placekeys", "placerules", "places", "placescan", "sentences", "singulars",
    "subsets", "tagger", "text", "tokens", "totals",
)
# One shared library for all of them, so calls between them stay native. It sits at the
# top level, beside the package: mypyc derives the modules' __file__ from its place.
GROUP = "tollwatch"
MANIFEST = "_compiled.json"


def notice(message: str) -> None:
    print(f"tollwatch build: {message}", file=sys.stderr, flush=True)


def compile_wanted() -> str | None:
    """Why the build stays pure Python before trying anything, or None to compile."""
    if os.environ.get("TOLLWATCH_COMPILE", "1").strip().lower() in ("0", "false", "no"):
        return "TOLLWATCH_COMPILE=0"
    compiler = (os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        return f"no C compiler ({compiler})"
    if not (Path(sysconfig.get_paths()["include"]) / "Python.h").exists():
        return "no Python headers (Python.h)"
    return None


def module_path(name: str) -> Path | None:
    path = SRC.joinpath(*name.split("."))
    for candidate in (path.with_suffix(".py"), path / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def sources_read(modules: list[str]) -> list[Path]:
    """The compiled modules and every package module they import: mypyc relied on their types."""
    seen: dict[str, Path] = {}
    todo = list(modules)
    while todo:
        name = todo.pop()
        path = module_path(name)
        if name in seen or path is None:
            continue
        seen[name] = path
        is_package = path.name == "__init__.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                parent = name.rsplit(".", node.level - is_package)[0]
                base = f"{parent}.{node.module}" if node.module else parent
                todo.append(base)
                todo.extend(f"{base}.{alias.name}" for alias in node.names)
    return sorted(seen.values())


def write_manifest(folder: Path, modules: list[str]) -> None:
    sources = {
        path.relative_to(SRC).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sources_read(modules)
    }
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MANIFEST).write_text(json.dumps({"modules": modules, "sources": sources}, indent=1))


def remove_built_in_tree() -> None:
    """Extension modules an earlier editable build left in the source tree: now not wanted."""
    folder = SRC.joinpath(*PACKAGE.split("."))
    built = [*folder.glob("*.so"), *folder.glob("*.pyd"), *SRC.glob(f"{GROUP}__mypyc.*")]
    for path in [*built, folder / MANIFEST]:
        path.unlink(missing_ok=True)


class BuildCompiled(build_ext):
    """build_ext that asks mypyc for the extension modules, and falls back to pure Python."""

    modules = [f"{PACKAGE}.{name}" for name in COMPILED]

    def finalize_options(self) -> None:
        # Only here: setuptools runs setup.py for every build hook, and mypyc takes a while.
        self.distribution.ext_modules = self._translated()
        super().finalize_options()

    def _translated(self) -> list[Extension]:
        try:
            from mypyc.build import mypycify

            return mypycify([str(module_path(m)) for m in self.modules], group_name=GROUP,
                            opt_level="3")
        except (Exception, SystemExit) as exc:  # mypyc exits on a type error
            self._fall_back(exc)
            return []

    def run(self) -> None:
        if not self.extensions:
            return
        in_tree = self.inplace or self.editable_mode
        if in_tree:
            remove_built_in_tree()  # also those of modules no longer in COMPILED
        self._remove_strays()
        try:
            super().run()
        except Exception as exc:
            self._fall_back(exc)
            return
        package_dir = PACKAGE.split(".")
        write_manifest(Path(self.build_lib).joinpath(*package_dir), self.modules)
        if in_tree:
            write_manifest(SRC.joinpath(*package_dir), self.modules)
        notice(f"compiled {len(self.modules)} modules of {PACKAGE} with mypyc")

    def _fall_back(self, exc: BaseException) -> None:
        self._remove_outputs()
        remove_built_in_tree()
        notice(f"compiling failed ({type(exc).__name__}: {exc}); installing pure Python")
        self.extensions = []

    def _outputs(self) -> set[Path]:
        """Where this build puts its extension modules in build_lib."""
        inplace, self.inplace = self.inplace, False  # else the paths are the in-tree ones
        try:
            return {Path(self.get_ext_fullpath(ext.name)) for ext in self.extensions or []}
        finally:
            self.inplace = inplace

    def _remove_strays(self) -> None:
        """Extension modules an earlier build left in build_lib that this one does not make:
        a wheel would ship them."""
        outputs = self._outputs()
        for folder in {path.parent for path in outputs}:
            for path in [*folder.glob("*.so"), *folder.glob("*.pyd")]:
                if path not in outputs:
                    path.unlink()

    def _remove_outputs(self) -> None:
        """What this or an earlier build left in build_lib, which a wheel would pick up."""
        for path in self._outputs():
            path.unlink(missing_ok=True)
        if self.build_lib:
            Path(self.build_lib).joinpath(*PACKAGE.split("."), MANIFEST).unlink(missing_ok=True)


def extensions() -> tuple[list[Extension], dict]:
    reason = compile_wanted()
    if reason is not None:
        remove_built_in_tree()
        notice(f"{reason}; installing pure Python")
        return [], {}
    # A placeholder, so setuptools builds a platform wheel and runs build_ext at all.
    placeholder = Extension(f"{GROUP}__mypyc", sources=[])
    return [placeholder], {"build_ext": BuildCompiled}


ext_modules, cmdclass = extensions()
setup(ext_modules=ext_modules, cmdclass=cmdclass)
