"""Fixtures for the content page tests."""

from tests.partnerships.fixtures import (  # noqa: F401  (fixtures, found by name)
    make_logo,
    media_in_tmp,
)
