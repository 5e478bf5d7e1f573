"""The one loader: shipped sections, user files that extend them, clear errors."""

import pytest

from tollwatch.errors import LexiconError
from tollwatch.lexicon import load_lexicon


def test_lexicon_has_a_section_per_shipped_file(lexicon):
    for name in ("numbers", "outcomes", "victims", "claimants", "perpetrators", "grammar", "places", "time",
                 "tokens"):
        assert name in lexicon


def test_lexicon_user_file_extends_lists_and_keeps_shipped_entries(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text("victims:\n  nouns:\n    civilians: [beekeepers]\n", encoding="utf-8")
    merged = load_lexicon([extra])
    civilians = merged["victims"]["nouns"]["civilians"]
    assert "beekeepers" in civilians and "passengers" in civilians


def test_lexicon_unknown_section_is_a_clear_error(tmp_path):
    extra = tmp_path / "bad.yaml"
    extra.write_text("victimz:\n  nouns: {}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="unknown lexicon section 'victimz'"):
        load_lexicon([extra])


def test_lexicon_malformed_yaml_is_a_clear_error(tmp_path):
    extra = tmp_path / "broken.yaml"
    extra.write_text("victims: [unclosed\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="cannot read lexicon file"):
        load_lexicon([extra])


def test_lexicon_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(LexiconError, match="not found"):
        load_lexicon([tmp_path / "nope.yaml"])


def test_lexicon_type_clash_is_refused(tmp_path):
    extra = tmp_path / "clash.yaml"
    extra.write_text("victims:\n  nouns: [a, b]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="victims.nouns"):
        load_lexicon([extra])


def test_lexicon_environment_variable_adds_files(tmp_path, monkeypatch):
    extra = tmp_path / "env.yaml"
    extra.write_text("victims:\n  nouns:\n    civilians: [beekeepers]\n", encoding="utf-8")
    monkeypatch.setenv("TOLLWATCH_LEXICON", str(extra))
    assert "beekeepers" in load_lexicon()["victims"]["nouns"]["civilians"]


def _scalars(value, where):
    """Every scalar in a lexicon section with the path that leads to it."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _scalars(item, f"{where}.{key}")
    elif isinstance(value, list):
        for item in value:
            yield from _scalars(item, where)
    else:
        yield where, value


def test_lexicon_word_lists_hold_no_yaml_booleans(lexicon):
    # Unquoted on, off, yes and no read as booleans in YAML: "on" was lost from the prepositions.
    flags = {"claimants.types.party"}
    for name in lexicon:
        for where, value in _scalars(lexicon[name], name):
            assert where in flags or not isinstance(value, bool), where
