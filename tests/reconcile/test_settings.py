"""Settings come from the reconcile lexicon section and can be overridden."""

import pytest

from tollwatch.errors import LexiconError
from tollwatch.lexicon import load_lexicon
from tollwatch.reconcile.settings import settings_for


def test_settings_shipped_values(lexicon):
    settings = settings_for(lexicon)
    assert settings.undated_window_days == 7 and settings.max_distance_km == 25
    assert "gunmen" in settings.generic_perpetrators
    assert settings.max_part_claims == 10_000 and settings.evidence_max_days == 31


def test_settings_part_size_can_be_set_and_zero_never_cuts(tmp_path):
    extra = tmp_path / "parts.yaml"
    extra.write_text("reconcile:\n  parts:\n    max_claims: 0\n", encoding="utf-8")
    assert settings_for(load_lexicon([extra])).max_part_claims == 0


def test_settings_user_file_overrides_a_value(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text("reconcile:\n  place:\n    max_distance_km: 40\n", encoding="utf-8")
    settings = settings_for(load_lexicon([extra]))
    assert settings.max_distance_km == 40 and settings.undated_window_days == 7


def test_settings_bad_value_is_a_clear_error(tmp_path):
    extra = tmp_path / "bad.yaml"
    extra.write_text("reconcile:\n  time:\n    slack_days: -2\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="slack_days"):
        settings_for(load_lexicon([extra]))


def test_settings_generic_words_are_name_keys(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text("perpetrators:\n  state_forces:\n    generic: [Counter-Terrorism Raid]\n"
                     "  non_state_armed_group:\n    generic: [the militia]\n", encoding="utf-8")
    words = settings_for(load_lexicon([extra])).generic_perpetrators
    assert {"counter terrorism raid", "militia"} <= words
    assert "counter terrorism operation" in settings_for(load_lexicon()).generic_perpetrators


def test_settings_named_perpetrators_are_not_generic(lexicon):
    words = settings_for(lexicon).generic_perpetrators
    assert {"gunmen", "security forces", "government troops"} <= words
    assert not {"frontier corps", "baloch liberation army", "taliban"} & words


def test_settings_perpetrator_side_as_a_plain_list_is_a_clear_error(tmp_path):
    extra = tmp_path / "old.yaml"
    extra.write_text("perpetrators:\n  state_forces: [border guards]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="perpetrators.state_forces is a list"):
        settings_for(load_lexicon([extra]))
