"""Fixtures of the CLI tests."""

import pytest

from .helpers import invoke


@pytest.fixture
def run():
    return invoke
