"""Which build of the extract modules runs, and the fall-back to their sources."""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import types
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import tollwatch
from tollwatch import native
from tollwatch.extract import document, tokens

PACKAGE = Path(tollwatch.__file__).parent
EXAMPLES = sorted((PACKAGE / "examples").glob("*.txt"))
EXTRACT_EXAMPLES = (
    "import json, sys, pathlib, tollwatch; "
    "print(json.dumps([tollwatch.extract(pathlib.Path(p).read_text(), published_at='2026-02-03')"
    ".to_dict() for p in sys.argv[1:]], sort_keys=True))"
)


def run_python(code, *args, env=None, path=None):
    """A new interpreter running `code`, with `path` first on sys.path."""
    environ = {k: v for k, v in os.environ.items() if k != native.PURE_VARIABLE}
    environ.update(env or {})
    if path is not None:
        environ["PYTHONPATH"] = str(path)
    return subprocess.run([sys.executable, "-W", "always", "-c", code, *map(str, args)],
                          capture_output=True, text=True, env=environ, timeout=120, check=True)


def package_copy(tmp_path):
    """The package's sources, without any build: a tree to plant builds in."""
    shutil.copytree(PACKAGE, tmp_path / "tollwatch", ignore=shutil.ignore_patterns(
        "__pycache__", "*.so", "*.pyd", native.MANIFEST))
    return tmp_path / "tollwatch"


def plant_build(package, modules, sources):
    """Fake extension modules (never loadable) beside `modules`, and a manifest for `sources`."""
    for name in modules:
        (package / "extract" / f"{name}{EXTENSION_SUFFIXES[0]}").write_bytes(b"not a library")
    digests = {f"tollwatch/{s}": hashlib.sha256((package / s).read_bytes()).hexdigest()
               for s in sources}
    manifest = {"modules": [f"tollwatch.extract.{m}" for m in modules], "sources": digests}
    (package / "extract" / native.MANIFEST).write_text(json.dumps(manifest))


def test_native_compiled_says_whether_the_extraction_is_compiled_code():
    # A function compiled by mypyc is a builtin; one run from its source is a Python function.
    assert tollwatch.compiled() == isinstance(document.document_claims, types.BuiltinFunctionType)
    assert tollwatch.compiled() == isinstance(tokens.Tokenizer.tokenize, types.MethodDescriptorType)


def test_native_compiled_is_false_with_the_pure_variable():
    out = run_python("import tollwatch; from tollwatch.extract import document; "
                     "print(tollwatch.compiled(), type(document.document_claims).__name__)",
                     env={native.PURE_VARIABLE: "1"})
    assert out.stdout.split() == ["False", "function"]
    assert "Warning" not in out.stderr


def test_native_pure_and_current_build_extract_the_same_claims():
    here = run_python(EXTRACT_EXAMPLES, *EXAMPLES)
    pure = run_python(EXTRACT_EXAMPLES, *EXAMPLES, env={native.PURE_VARIABLE: "1"})
    assert json.loads(here.stdout) == json.loads(pure.stdout)
    assert len(json.loads(pure.stdout)[0]["claims"]) == 6


def test_native_stale_build_runs_the_sources_with_a_warning(tmp_path):
    package = package_copy(tmp_path)
    plant_build(package, ["tokens"], ["extract/tokens.py", "model.py"])
    with open(package / "extract" / "tokens.py", "a") as handle:
        handle.write("\n# edited after the build\n")
    out = run_python("import tollwatch; print(tollwatch.compiled()); "
                     "print(tollwatch.extract('Gunmen killed three villagers.').totals['killed'].best)",
                     path=tmp_path)
    assert out.stdout.split() == ["False", "3"]  # the planted library was never loaded
    assert "StaleBuildWarning" in out.stderr
    assert "tollwatch/extract/tokens.py changed since the build" in out.stderr


def test_native_pure_variable_skips_even_a_fresh_build(tmp_path):
    package = package_copy(tmp_path)
    plant_build(package, ["tokens"], ["extract/tokens.py"])
    out = run_python("import tollwatch; print(tollwatch.extract('Two soldiers died.').totals['killed'].best)",
                     env={native.PURE_VARIABLE: "1"}, path=tmp_path)
    assert out.stdout.split() == ["2"]
    assert "Warning" not in out.stderr


def test_native_stale_sources_trusts_a_matching_manifest(tmp_path):
    package = package_copy(tmp_path)
    plant_build(package, ["tokens", "tagger"], ["extract/tokens.py", "extract/tagger.py", "model.py"])
    assert native.stale_sources(package) == []
    assert set(native.extension_modules(package)) == {"tollwatch.extract.tokens", "tollwatch.extract.tagger"}


def test_native_stale_sources_names_each_changed_source(tmp_path):
    package = package_copy(tmp_path)
    plant_build(package, ["tokens"], ["extract/tokens.py", "model.py"])
    (package / "model.py").write_text("# rewritten\n")
    assert native.stale_sources(package) == ["tollwatch/model.py changed since the build"]


def test_native_stale_sources_without_a_manifest(tmp_path):
    package = package_copy(tmp_path)
    plant_build(package, ["tokens"], [])
    (package / "extract" / native.MANIFEST).unlink()
    assert native.stale_sources(package) == [f"extract/{native.MANIFEST} is missing or unreadable"]


def test_native_stale_sources_of_a_module_left_from_another_build(tmp_path):
    package = package_copy(tmp_path)
    plant_build(package, ["tokens"], ["extract/tokens.py"])
    (package / "extract" / f"tolls{EXTENSION_SUFFIXES[0]}").write_bytes(b"old")
    assert native.stale_sources(package) == ["tollwatch.extract.tolls was not part of the build"]


def test_native_no_build_is_nothing_stale(tmp_path):
    assert native.stale_sources(package_copy(tmp_path)) == []


def test_native_run_as_a_script_exits_1_on_a_stale_build(tmp_path):
    # scripts/_venv.sh rebuilds on this answer.
    package = package_copy(tmp_path)
    plant_build(package, ["tokens"], ["extract/tokens.py"])
    fresh = subprocess.run([sys.executable, package / "native.py"], capture_output=True, text=True)
    (package / "extract" / "tokens.py").write_text("# edited\n")
    stale = subprocess.run([sys.executable, package / "native.py"], capture_output=True, text=True)
    assert (fresh.returncode, stale.returncode) == (0, 1)
    assert "tollwatch/extract/tokens.py changed since the build" in stale.stderr
