"""Fixtures for the network tests."""

from tests.partnerships.fixtures import (  # noqa: F401  (fixtures, found by name)
    deric,
    make_logo,
    media_in_tmp,
    medway_spotlights,
)
