"""Shared fixtures: the shipped lexicon, loaded once for the whole run."""

import pytest

from tollwatch.lexicon import load_lexicon


@pytest.fixture(scope="session")
def lexicon():
    return load_lexicon()
