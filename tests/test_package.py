"""The top-level names of the package."""

import tollwatch
from tollwatch.store import Store


def test_package_store_is_the_store_class():
    assert tollwatch.Store is Store


def test_package_unknown_name_is_an_attribute_error():
    try:
        tollwatch.Nothing  # noqa: B018
    except AttributeError as exc:
        assert "Nothing" in str(exc)
    else:
        raise AssertionError("tollwatch.Nothing should not exist")
